// The daemon's pull and push answers: JSON lines (moby's jsonmessage), one per progress
// update, in chunks that split lines anywhere (JsonLines joins them). A failure after
// the 200 is a line with `errorDetail`: the HTTP status cannot say it any more. Fields
// we do not know are ignored; every string is sanitised before it leaves this file.
import {sanitize} from '../text/sanitize.js';
import {oneLine} from '../transport/describe-error.js';
import {JsonLines} from './json-lines.js';
import type {LayerPhase, TransferEvent} from '../engine/registry-io.js';

/** One parsed line: a progress event, a failure the daemon reported, or nothing we use. */
export type ProgressLine = TransferEvent | {readonly type: 'error'; readonly message: string} | undefined;

/** The daemon's layer statuses (moby distribution/pull_v2.go, push_v2.go, xfer/). */
const phases: ReadonlyArray<readonly [RegExp, LayerPhase]> = [
	[/^Pulling fs layer$/, 'waiting'],
	[/^Waiting$/, 'waiting'],
	[/^Downloading$/, 'downloading'],
	[/^Verifying Checksum$/, 'verifying'],
	[/^Download complete$/, 'downloaded'],
	[/^Extracting$/, 'extracting'],
	[/^Pull complete$/, 'pulled'],
	[/^Already exists$/, 'exists'],
	[/^Preparing$/, 'preparing'],
	[/^Pushing$/, 'pushing'],
	[/^Pushed$/, 'pushed'],
	[/^Layer already exists$/, 'exists'],
	[/^Mounted from /, 'exists'],
	[/^Retrying in /, 'retrying'],
];

function record(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A byte count the daemon may send as missing, 0, -1 or a float. */
function bytes(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
}

function phaseOf(status: string): LayerPhase {
	return phases.find(([pattern]) => pattern.test(status))?.[1] ?? 'other';
}

const digestLine = /^Digest: (sha256:[a-f0-9]{64})$/;
const manifestDigest = /^sha\d+:[a-f0-9]+$/;

/** One decoded JSON line of a pull or push answer, as an event (or a failure, or nothing). */
export function parseProgressLine(value: unknown): ProgressLine {
	const line = record(value);
	if (!line) return undefined;

	// `error` alone is the older form; errorDetail.message is the same text.
	const failure = text(record(line['errorDetail'])?.['message']) ?? text(line['error']);
	if (failure !== undefined) return {type: 'error', message: oneLine(failure)};

	const aux = record(line['aux']);
	const auxDigest = text(aux?.['Digest']);
	if (auxDigest !== undefined && manifestDigest.test(auxDigest)) {
		const size = bytes(aux?.['Size']);
		return {type: 'digest', digest: auxDigest, ...(size === undefined ? {} : {size})};
	}

	const status = text(line['status']);
	if (status === undefined) return undefined;
	const digest = digestLine.exec(status)?.[1];
	if (digest !== undefined) return {type: 'digest', digest};

	const id = text(line['id']);
	// "Pulling from library/busybox" carries the tag as its id: it is about the whole pull.
	if (id === undefined || status.startsWith('Pulling from ')) return {type: 'message', text: sanitize(status)};

	const detail = record(line['progressDetail']);
	const current = bytes(detail?.['current']);
	const total = bytes(detail?.['total']);
	return {
		type: 'layer',
		id: sanitize(id),
		phase: phaseOf(status),
		status: sanitize(status),
		...(current === undefined ? {} : {current}),
		...(total === undefined || total === 0 ? {} : {total}),
	};
}

/** Chunks in, events out: lines split anywhere are joined, garbled ones lose one update, not the transfer. */
export class ProgressParser {
	private readonly lines = new JsonLines();

	push(chunk: Buffer | string): Array<NonNullable<ProgressLine>> {
		return this.lines.push(chunk).flatMap(value => {
			const parsed = parseProgressLine(value);
			return parsed === undefined ? [] : [parsed];
		});
	}
}
