// Searching a log: what the user typed becomes a regular expression (smart case:
// case-blind unless the text has a capital), every match in a line becomes a range
// to highlight, and an index of matching lines follows the log as it grows, scanning
// only what is new.
import type {RingBuffer} from './log-buffer.js';

export type SearchQuery = {
	readonly text: string;
	readonly regex: RegExp;
	/** Set when the text is not a valid regular expression: it is then searched for as written. */
	readonly error?: string;
};

function escapeRegExp(text: string): string {
	return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** The query for a search text; undefined for an empty one. */
export function compileQuery(text: string): SearchQuery | undefined {
	if (text === '') return undefined;
	const flags = text === text.toLowerCase() ? 'gi' : 'g';
	try {
		return {text, regex: new RegExp(text, flags)};
	} catch (error) {
		const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : String(error);
		return {text, regex: new RegExp(escapeRegExp(text), flags), error: `Not a valid regular expression (${reason}): searching for the text as written`};
	}
}

/** [start, end) of every match in `text`; empty matches (`a*`) are skipped, so nothing loops. */
export function matchRanges(text: string, regex: RegExp): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	regex.lastIndex = 0;
	for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
		if (match[0] === '') {
			regex.lastIndex++;
			if (regex.lastIndex > text.length) break;
			continue;
		}

		ranges.push([match.index, match.index + match[0].length]);
	}

	return ranges;
}

/** Whether `text` has a (non-empty) match; stops at the first. */
export function lineMatches(text: string, regex: RegExp): boolean {
	regex.lastIndex = 0;
	for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
		if (match[0] !== '') return true;
		regex.lastIndex++;
		if (regex.lastIndex > text.length) break;
	}

	return false;
}

/** Absolute indexes of the lines that match, kept up to date with a growing (and forgetting) buffer. */
export class MatchIndex<T> {
	private readonly found: number[] = [];
	/** Lines before this absolute index have been looked at. */
	private scanned = 0;

	constructor(
		readonly query: SearchQuery,
		private readonly textOf: (line: T) => string,
	) {}

	/** Catch up with the buffer; `changedFrom`: lines from there on were replaced (a merge). */
	update(buffer: RingBuffer<T>, changedFrom = buffer.end): readonly number[] {
		if (changedFrom < this.scanned) {
			this.found.splice(lowerBound(this.found, changedFrom));
			this.scanned = changedFrom;
		}

		const forgotten = lowerBound(this.found, buffer.start);
		if (forgotten > 0) this.found.splice(0, forgotten);
		for (let index = Math.max(this.scanned, buffer.start); index < buffer.end; index++) {
			if (lineMatches(this.textOf(buffer.at(index)!), this.query.regex)) this.found.push(index);
		}

		this.scanned = buffer.end;
		return this.found;
	}

	get matches(): readonly number[] {
		return this.found;
	}
}

/** First position in a sorted array whose value is ≥ `value`. */
export function lowerBound(sorted: readonly number[], value: number): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = Math.floor((low + high) / 2);
		if (sorted[middle]! < value) low = middle + 1;
		else high = middle;
	}

	return low;
}

/** The match to jump to from `from` (a line index): the next one after it, or the previous one before it; wraps around. */
export function jumpTarget(matches: readonly number[], from: number | undefined, direction: 1 | -1): number | undefined {
	if (matches.length === 0) return undefined;
	if (from === undefined) return direction === 1 ? matches[0] : matches.at(-1);
	if (direction === 1) return matches[lowerBound(matches, from + 1)] ?? matches[0];
	const before = lowerBound(matches, from) - 1;
	return before >= 0 ? matches[before] : matches.at(-1);
}
