// Which lines of a log fill the screen. The lines on show are either every line of the
// buffer or only the matching ones (filter mode): a sequence of absolute indexes.
// Following, the window ends at the newest line; otherwise it starts at an anchor line
// and never scrolls past the end.
import type {RingBuffer} from './log-buffer.js';
import {lowerBound} from './log-search.js';
import type {Segment} from './log-layout.js';

export type LineSequence = {
	/** The first line at or after `index` (the anchor's line, or the next one still there). */
	atOrAfter(index: number): number | undefined;
	next(index: number): number | undefined;
	previous(index: number): number | undefined;
	first(): number | undefined;
	last(): number | undefined;
};

export function bufferSequence(buffer: RingBuffer<unknown>): LineSequence {
	const inside = (index: number) => (index >= buffer.start && index < buffer.end ? index : undefined);
	return {
		atOrAfter: index => inside(Math.max(index, buffer.start)),
		next: index => inside(index + 1),
		previous: index => inside(index - 1),
		first: () => inside(buffer.start),
		last: () => inside(buffer.end - 1),
	};
}

export function matchSequence(matches: readonly number[]): LineSequence {
	return {
		atOrAfter: index => matches[lowerBound(matches, index)],
		next: index => matches[lowerBound(matches, index + 1)],
		previous: index => matches[lowerBound(matches, index) - 1],
		first: () => matches[0],
		last: () => matches.at(-1),
	};
}

/** Moves `steps` lines along the sequence (negative: back), stopping at either end. */
export function step(sequence: LineSequence, from: number, steps: number): number {
	let at = from;
	for (let count = 0; count < Math.abs(steps); count++) {
		const next = steps > 0 ? sequence.next(at) : sequence.previous(at);
		if (next === undefined) break;
		at = next;
	}

	return at;
}

export type WindowRow = {readonly line: number; readonly segments: readonly Segment[]};

export type LogWindow = {
	readonly rows: readonly WindowRow[];
	/** The first line shown (undefined when there is none). */
	readonly top?: number;
	/** The last line is on screen: new lines would show up. */
	readonly atEnd: boolean;
};

/** Rows from the newest line backwards until the height is full (a long wrapped line shows its end). */
function fromBottom(sequence: LineSequence, height: number, rowsOf: (line: number) => readonly Segment[][]): LogWindow {
	const rows: WindowRow[] = [];
	let top: number | undefined;
	for (let line = sequence.last(); line !== undefined && rows.length < height; line = sequence.previous(line)) {
		const lineRows = rowsOf(line);
		const room = height - rows.length;
		rows.unshift(...lineRows.slice(Math.max(0, lineRows.length - room)).map(segments => ({line, segments})));
		top = line;
	}

	return {rows, ...(top === undefined ? {} : {top}), atEnd: true};
}

/** The window for an anchor (a line index), or following the end when `anchor` is undefined. */
export function logWindow(sequence: LineSequence, anchor: number | undefined, height: number, rowsOf: (line: number) => readonly Segment[][]): LogWindow {
	if (anchor === undefined) return fromBottom(sequence, height, rowsOf);
	const top = sequence.atOrAfter(anchor);
	if (top === undefined) return fromBottom(sequence, height, rowsOf);
	const rows: WindowRow[] = [];
	let line: number | undefined = top;
	for (; line !== undefined && rows.length < height; line = sequence.next(line)) {
		for (const segments of rowsOf(line)) if (rows.length < height) rows.push({line, segments});
	}

	// Not enough lines after the anchor to fill the screen: show the last screenful instead.
	if (rows.length < height && top !== sequence.first()) return fromBottom(sequence, height, rowsOf);
	return {rows, top, atEnd: line === undefined};
}
