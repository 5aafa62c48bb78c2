// One log line → the screen rows it takes: a prefix (stream marker, container name,
// timestamp) on the first row, the text cut to the width or wrapped, and the search
// matches as their own segments so the view can highlight them in place. Pure, so the
// arithmetic of cells is tested without a terminal.
import {displayWidth} from '../text/cell-width.js';

export type SegmentStyle = 'text' | 'stderr' | 'match' | 'current' | 'dim' | 'name' | 'marker';

export type Segment = {readonly text: string; readonly style: SegmentStyle; readonly color?: string};

export type LineInput = {
	/** Drawn before the text on the first row. */
	readonly prefix: readonly Segment[];
	/** Cells that continuation rows leave blank, so wrapped text stays clear of the marker column. */
	readonly indent: number;
	readonly text: string;
	readonly style: 'text' | 'stderr';
	/** Search matches: [start, end) offsets into `text`. */
	readonly ranges: ReadonlyArray<readonly [number, number]>;
	/** The match the user jumped to is on this line. */
	readonly current: boolean;
};

const printableAscii = /^[\u0020-\u007E]*$/;

/**
 * Offsets where each row of `text` ends, the first row `first` cells wide and the
 * others `rest`. Zero-width characters (combining marks) stay with what they follow.
 */
export function rowEnds(text: string, first: number, rest: number, maxRows: number): number[] {
	const ends: number[] = [];
	if (printableAscii.test(text)) {
		let at = Math.min(text.length, Math.max(1, first));
		ends.push(at);
		while (at < text.length && ends.length < maxRows) {
			at = Math.min(text.length, at + Math.max(1, rest));
			ends.push(at);
		}

		return ends;
	}

	let capacity = Math.max(1, first);
	let used = 0;
	let offset = 0;
	for (const character of text) {
		const cells = displayWidth(character);
		if (used + cells > capacity && used > 0) {
			ends.push(offset);
			if (ends.length >= maxRows) return ends;
			capacity = Math.max(1, rest);
			used = 0;
		}

		used += cells;
		offset += character.length;
	}

	ends.push(offset);
	return ends;
}

/** Splits [from, to) of the text into segments by match ranges. */
function styled(input: LineInput, from: number, to: number): Segment[] {
	const segments: Segment[] = [];
	const matchStyle: SegmentStyle = input.current ? 'current' : 'match';
	let at = from;
	for (const [start, end] of input.ranges) {
		if (end <= at || start >= to) continue;
		if (start > at) segments.push({text: input.text.slice(at, start), style: input.style});
		const stop = Math.min(end, to);
		segments.push({text: input.text.slice(Math.max(start, at), stop), style: matchStyle});
		at = stop;
	}

	if (at < to) segments.push({text: input.text.slice(at, to), style: input.style});
	return segments;
}

/** The rows of one line; without wrap exactly one, cut with `…` when the text is longer than the room. */
export function layoutLine(input: LineInput, width: number, wrap: boolean, maxRows = Number.POSITIVE_INFINITY): Segment[][] {
	const prefixWidth = input.prefix.reduce((sum, segment) => sum + displayWidth(segment.text), 0);
	const room = Math.max(1, width - prefixWidth);
	if (!wrap) {
		const [end = 0] = rowEnds(input.text, room, room, 1);
		if (end >= input.text.length) return [[...input.prefix, ...styled(input, 0, end)]];
		// The ellipsis takes the last cell.
		const [cut = 0] = rowEnds(input.text, Math.max(1, room - 1), room, 1);
		return [[...input.prefix, ...styled(input, 0, cut), {text: '…', style: 'dim'}]];
	}

	const ends = rowEnds(input.text, room, Math.max(1, width - input.indent), maxRows);
	const rows: Segment[][] = [];
	let start = 0;
	for (const [index, end] of ends.entries()) {
		const lead = index === 0 ? input.prefix : input.indent > 0 ? [{text: ' '.repeat(input.indent), style: 'text' as const}] : [];
		rows.push([...lead, ...styled(input, start, end)]);
		start = end;
	}

	return rows;
}
