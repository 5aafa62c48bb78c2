import {sanitize} from '../text/sanitize.js';
import type {ProcessList} from '../engine/container-io.js';

/**
 * `GET /containers/{id}/top` → ProcessList. Command lines are whatever the processes
 * were started with: sanitised like any other container text. Rows are padded or cut
 * to the titles, so a column never shifts.
 */
export function mapProcessList(value: unknown): ProcessList {
	const raw = typeof value === 'object' && value !== null ? (value as {Titles?: unknown; Processes?: unknown}) : {};
	const titles = Array.isArray(raw.Titles) ? raw.Titles.map(title => sanitize(String(title))) : [];
	const rows = Array.isArray(raw.Processes) ? raw.Processes.filter(row => Array.isArray(row)) : [];
	const processes = rows.map(row => {
		const cells = (row as unknown[]).map(cell => sanitize(String(cell)));
		if (titles.length === 0) return cells;
		// Podman answers with one unsplit column; a longer row keeps its tail in the last cell.
		const fitted = cells.slice(0, titles.length);
		if (cells.length > titles.length) fitted[titles.length - 1] = cells.slice(titles.length - 1).join(' ');
		while (fitted.length < titles.length) fitted.push('');
		return fitted;
	});
	return {titles, processes};
}
