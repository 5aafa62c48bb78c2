import {sanitize} from '../text/sanitize.js';
import type {ProcessList} from '../engine/container-io.js';

/**
 * `GET /containers/{id}/top` → ProcessList. Command lines are whatever the processes
 * were started with: sanitised like any other container text. Rows are padded or cut
 * to the titles, so a column never shifts.
 */
export function mapProcessList(value: unknown): ProcessList {
	const raw = typeof value === 'object' && value !== null ? (value as {Titles?: unknown; Processes?: unknown}) : {};
	let titles = Array.isArray(raw.Titles) ? raw.Titles.map(title => sanitize(String(title))) : [];
	const rows = Array.isArray(raw.Processes) ? raw.Processes.filter(row => Array.isArray(row)) : [];
	// Podman answers `ps`'s header as one title ("PID   USER     COMMAND") and each process
	// as one cell: split on the spaces, the last column keeping the rest of the line.
	const unsplit = titles.length === 1 && /\S\s+\S/.test(titles[0]!);
	if (unsplit) titles = titles[0]!.trim().split(/\s+/);
	const processes = rows.map(row => {
		const cells = unsplit ? splitColumns(String((row as unknown[])[0] ?? ''), titles.length).map(cell => sanitize(cell)) : (row as unknown[]).map(cell => sanitize(String(cell)));
		if (titles.length === 0) return cells;
		// A longer row keeps its tail in the last cell.
		const fitted = cells.slice(0, titles.length);
		if (cells.length > titles.length) fitted[titles.length - 1] = cells.slice(titles.length - 1).join(' ');
		while (fitted.length < titles.length) fitted.push('');
		return fitted;
	});
	return {titles, processes};
}

/** `count` whitespace-separated fields, the last one the rest of the line as it is. */
function splitColumns(line: string, count: number): string[] {
	const fields: string[] = [];
	let rest = line.trim();
	while (fields.length < count - 1 && rest !== '') {
		const match = /^(\S+)\s*/.exec(rest)!;
		fields.push(match[1]!);
		rest = rest.slice(match[0].length);
	}

	return rest === '' ? fields : [...fields, rest];
}
