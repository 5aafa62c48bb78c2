// The table's text, without React: which columns fit and how wide, the header line,
// each row's cells. Table draws it with Ink; first-frame.ts writes the same text
// straight to the terminal before Ink has loaded, so the two cannot drift apart.
import {displayWidth, padEnd, padStart, truncate} from '../text/cell-width.js';
import type {Column, Tone} from '../state/resource-descriptor.js';
import {gap, layoutColumns, type PlacedColumn} from './column-layout.js';

/** Cells before the first column: the cursor, the mark, a space. */
export const markerCells = 3;

const spacer = ' '.repeat(gap);

export function cell<T>(column: PlacedColumn<T>, text: string): string {
	return column.align === 'right' ? padStart(text, column.cells) : padEnd(text, column.cells);
}

/** Columns placed for these rows (flexible ones as wide as what is on screen needs, the header included). */
export function placeColumns<T>(columns: ReadonlyArray<Column<T>>, visible: readonly T[], width: number, now: number): Array<PlacedColumn<T>> {
	// Measured only up to the table's width (no column can want more): measuring a 100 KB
	// command whole costs ~200 ms, on every frame it is visible in.
	const measure = (text: string) => displayWidth(truncate(text, width + 1));
	const natural = (column: Column<T>) => visible.reduce((widest, item) => Math.max(widest, measure(column.value(item, now))), displayWidth(column.header));
	return layoutColumns(columns, width - markerCells, natural);
}

export function headerLine<T>(placed: ReadonlyArray<PlacedColumn<T>>): string {
	return ' '.repeat(markerCells) + placed.map(column => cell(column, column.header)).join(spacer);
}

/** The cursor and the mark are characters, not only colours: they survive NO_COLOR and any theme. */
export function markerText(selected: boolean, marked: boolean): string {
	return (selected ? '›' : ' ') + (marked ? '●' : ' ') + ' ';
}

export type RowCell = {readonly key: string; readonly text: string; readonly tone: Tone};

/** One row's cells, each padded to its column and followed by the gap (but the last). */
export function rowCells<T>(item: T, placed: ReadonlyArray<PlacedColumn<T>>, now: number): RowCell[] {
	return placed.map((column, index) => ({
		key: column.header,
		text: cell(column, column.value(item, now)) + (index < placed.length - 1 ? spacer : ''),
		tone: column.tone?.(item),
	}));
}
