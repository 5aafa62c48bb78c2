// An inspect document as YAML-like lines, coloured by what each part is: keys, strings,
// numbers, booleans and null. Pure, and the same text `/` searches.
import type {Line, Segment} from '../components/scroll-text.js';

const colors = {key: 'cyan', string: 'green', number: 'yellow', literal: 'magenta', punctuation: 'gray'} as const;

function scalar(value: unknown): Segment {
	if (typeof value === 'string') return value === '' ? {text: '""', color: colors.punctuation} : {text: value, color: colors.string};
	if (typeof value === 'number') return {text: String(value), color: colors.number};
	if (typeof value === 'boolean' || value === null || value === undefined) return {text: String(value ?? null), color: colors.literal};
	return {text: String(value)};
}

function isContainer(value: unknown): value is object {
	return typeof value === 'object' && value !== null;
}

function empty(value: object): boolean {
	return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/**
 * `lead` starts the value's line ("  Name: ", "  - "). A nested value starts on the next
 * line, except an object in a list, whose first key shares the dash's line, as YAML has it.
 */
function walk(value: unknown, indent: string, lines: Segment[][], lead: Segment[]): void {
	if (!isContainer(value) || empty(value)) {
		const text = isContainer(value) ? {text: Array.isArray(value) ? '[]' : '{}', color: colors.punctuation} : scalar(value);
		lines.push([...lead, text]);
		return;
	}

	const inList = lead.at(-1)?.text.endsWith('- ') === true;
	if (lead.length > 0 && !(inList && !Array.isArray(value))) lines.push([...lead.slice(0, -1), {...lead.at(-1)!, text: lead.at(-1)!.text.trimEnd()}]);
	if (Array.isArray(value)) {
		for (const item of value) walk(item, `${indent}  `, lines, [{text: `${indent}- `, color: colors.punctuation}]);
		return;
	}

	Object.entries(value).forEach(([key, item], index) => {
		const start = inList && index === 0 ? lead : [{text: indent}];
		walk(item, `${indent}  `, lines, [...start, {text: key, color: colors.key}, {text: ': ', color: colors.punctuation}]);
	});
}

/** The document, one entry per line; nested values indented by two. */
export function documentLines(document: unknown): Line[] {
	const lines: Segment[][] = [];
	walk(document, '', lines, []);
	return lines;
}

export function lineText(line: Line): string {
	return line.map(segment => segment.text).join('');
}

/** Indexes of the lines that contain `needle` (case-insensitive); none for an empty needle. */
export function matchingLines(lines: readonly Line[], needle: string): number[] {
	if (needle === '') return [];
	const lower = needle.toLowerCase();
	return lines.flatMap((line, index) => (lineText(line).toLowerCase().includes(lower) ? [index] : []));
}

/** The line with every occurrence of `needle` marked, segment colours kept. */
export function highlight(line: Line, needle: string): Line {
	if (needle === '') return line;
	const lower = needle.toLowerCase();
	return line.flatMap(segment => {
		const parts: Segment[] = [];
		const text = segment.text;
		let from = 0;
		for (let at = text.toLowerCase().indexOf(lower); at !== -1; at = text.toLowerCase().indexOf(lower, at + lower.length)) {
			if (at > from) parts.push({...segment, text: text.slice(from, at)});
			parts.push({...segment, text: text.slice(at, at + needle.length), mark: true});
			from = at + needle.length;
		}

		if (from < text.length) parts.push({...segment, text: text.slice(from)});
		return parts;
	});
}
