// Reading the Engine's JSON without trusting it: any field may be missing, null or of
// another type (old daemons, Podman, proxies, bugs), nothing here throws, and every
// string that comes out is sanitised (names, labels and commands come from whoever
// built the image). The mappers (map*.ts) read through these alone.
import {sanitize} from '../text/sanitize.js';

export type Json = Record<string, unknown>;

export function record(value: unknown): Json | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

export function text(value: unknown): string | undefined {
	return typeof value === 'string' ? sanitize(value) : undefined;
}

export function finiteNumber(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Only string values survive; keys and values are sanitised. fromEntries defines keys, so "__proto__" stays data. */
export function stringRecord(value: unknown): Record<string, string> {
	const raw = record(value);
	if (!raw) return {};
	const entries: Array<[string, string]> = [];
	for (const [key, item] of Object.entries(raw)) {
		if (typeof item === 'string') entries.push([sanitize(key), sanitize(item)]);
	}

	return Object.fromEntries(entries);
}


export function strings(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').map(item => sanitize(item)) : [];
}

export function list(value: unknown): Json[] {
	return Array.isArray(value) ? value.map(item => record(item)).filter(item => item !== undefined) : [];
}

/** Bytes: the daemon says -1 for "not computed"; that becomes undefined. */
export function bytes(value: unknown): number | undefined {
	const number = finiteNumber(value);
	return number === undefined || number < 0 ? undefined : number;
}

/** RFC 3339 (networks, volumes) → unix seconds; 0 when absent or unreadable. */
export function isoSeconds(value: unknown): number {
	const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN;
	return Number.isFinite(parsed) && parsed > 0 ? Math.floor(parsed / 1000) : 0;
}
