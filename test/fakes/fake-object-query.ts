import {EngineError} from '../../source/engine/errors.js';
import {matchesLabel} from './fake-container-query.js';
import {familiarName, familiarString, parseImageReference} from '../../source/engine/image-reference.js';
import type {ImageSummary, NetworkSummary, VolumeSummary} from '../../source/engine/objects.js';

// dockerd 20.10's filters for `docker images`, `network ls` and `volume ls`, for the fake
// engine: the keys it knows (any other is refused in its words), values of one key OR,
// different keys AND. Close enough for tests; the integration tests hold dtui's output
// equal to the docker CLI's on a real daemon.

type Filters = Readonly<Record<string, readonly string[]>> | undefined;
type Checks<T> = Readonly<Record<string, (item: T, value: string) => boolean>>;

function invalid(message: string): EngineError {
	return new EngineError('bad-request', message, 400);
}

/** `dangling=true|1|false|0`, as the daemon reads it. */
function truth(value: string): boolean {
	if (value === 'true' || value === '1') return true;
	if (value === 'false' || value === '0') return false;
	throw invalid(`Invalid filter 'dangling=[${value}]'`);
}

/** The daemon matches `name` and `id` as regular expressions (a plain word: a substring). */
function matchesPattern(text: string, pattern: string): boolean {
	try {
		return new RegExp(pattern).test(text);
	} catch {
		throw invalid(`invalid filter value: ${pattern}`);
	}
}

function applyFilters<T>(items: readonly T[], filters: Filters, checks: Checks<T>): T[] {
	const entries = Object.entries(filters ?? {});
	for (const [key, values] of entries) {
		if (!(key in checks)) throw invalid(`Invalid filter '${key}'`);
		// Checked up front, as the daemon does: a bad value fails even an empty list.
		if (key === 'dangling') for (const value of values) truth(value);
	}

	return items.filter(item => entries.every(([key, values]) => values.some(value => checks[key]!(item, value))));
}

/** Go's path.Match for the patterns tests use: `*` and `?` stop at a slash. */
function globMatches(pattern: string, text: string): boolean {
	const source = pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
	return new RegExp(`^${source}$`).test(text);
}

/** reference.FamiliarMatch: the whole reference, or its name alone. */
function referenceMatches(pattern: string, tag: string): boolean {
	const parsed = parseImageReference(tag);
	if ('error' in parsed) return false;
	return globMatches(pattern, familiarString(parsed.reference)) || globMatches(pattern, familiarName(parsed.reference));
}

export function filterImages(images: readonly ImageSummary[], filters: Filters): ImageSummary[] {
	const find = (ref: string) => {
		const found = images.find(image => image.tags.includes(ref) || image.tags.includes(`${ref}:latest`) || image.id === ref || image.id.replace(/^sha256:/, '').startsWith(ref));
		if (!found) throw new EngineError('not-found', `No such image: ${ref}`, 404);
		return found;
	};

	const checked = applyFilters(images, filters, {
		dangling: (image, value) => (image.tags.length === 0) === truth(value),
		label: (image, value) => matchesLabel(image.labels, value),
		before: (image, value) => image.created < find(value).created,
		since: (image, value) => image.created > find(value).created,
		reference: (image, value) => image.tags.some(tag => referenceMatches(value, tag)),
	});
	// The daemon lists only the references that matched.
	const patterns = filters?.['reference'];
	if (!patterns) return checked;
	return checked.map(image => ({...image, tags: image.tags.filter(tag => patterns.some(pattern => referenceMatches(pattern, tag)))}));
}

const builtin = new Set(['bridge', 'host', 'none']);

/** `inUse`: it has endpoints (running containers on it). */
export function filterNetworks(networks: readonly NetworkSummary[], filters: Filters, inUse: (network: NetworkSummary) => boolean): NetworkSummary[] {
	return applyFilters(networks, filters, {
		driver: (network, value) => network.driver === value,
		id: (network, value) => matchesPattern(network.id, value),
		label: (network, value) => matchesLabel(network.labels, value),
		name: (network, value) => matchesPattern(network.name, value),
		scope: (network, value) => network.scope === value,
		type: (network, value) => {
			if (value !== 'custom' && value !== 'builtin') throw invalid(`invalid filter: 'type'='${value}'`);
			return builtin.has(network.name) === (value === 'builtin');
		},
		dangling: (network, value) => (!builtin.has(network.name) && !inUse(network)) === truth(value),
	});
}

/** `inUse`: some container (in any state) mounts it. */
export function filterVolumes(volumes: readonly VolumeSummary[], filters: Filters, inUse: (volume: VolumeSummary) => boolean): VolumeSummary[] {
	return applyFilters(volumes, filters, {
		dangling: (volume, value) => !inUse(volume) === truth(value),
		driver: (volume, value) => volume.driver === value,
		label: (volume, value) => matchesLabel(volume.labels, value),
		name: (volume, value) => matchesPattern(volume.name, value),
	});
}
