import {displayWidth, padEnd, truncate} from '../text/cell-width.js';

/**
 * Columns aligned by display width (wide characters count two), separated by three
 * spaces like the docker CLI's tables; the last column is never padded. Cells are
 * already sanitised; `maxWidth` cuts a cell with an ellipsis.
 */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, maxWidth: Readonly<Record<number, number>> = {}): string {
	const cut = rows.map(row => row.map((cell, index) => (maxWidth[index] === undefined ? cell : truncate(cell, maxWidth[index]!))));
	const widths = headers.map((header, index) => Math.max(displayWidth(header), ...cut.map(row => displayWidth(row[index] ?? ''))));
	const line = (cells: readonly string[]) => cells.map((cell, index) => (index === cells.length - 1 ? cell : padEnd(cell, widths[index]!))).join('   ').trimEnd();
	return [line(headers), ...cut.map(row => line(row))].map(text => `${text}\n`).join('');
}
