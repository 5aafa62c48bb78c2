import React, {memo} from 'react';
import {Box, Text} from 'ink';
import {toneColor, theme} from './theme.js';
import type {Column} from '../state/resource-descriptor.js';
import {headerLine, markerText, placeColumns, rowCells, type RowCell} from './table-text.js';

type Props<T> = {
	readonly columns: ReadonlyArray<Column<T>>;
	/** Every row in display order; only the visible window is rendered. */
	readonly rows: readonly T[];
	readonly rowId: (item: T) => string;
	readonly width: number;
	readonly height: number;
	readonly scrollTop: number;
	readonly selectedId?: string;
	readonly marks: ReadonlySet<string>;
	readonly now: number;
};

type RowProps = {readonly cells: readonly RowCell[]; readonly selected: boolean; readonly marked: boolean};

function sameRow(before: RowProps, after: RowProps): boolean {
	return (
		before.selected === after.selected &&
		before.marked === after.marked &&
		before.cells.length === after.cells.length &&
		before.cells.every((cell, index) => cell.text === after.cells[index]!.text && cell.tone === after.cells[index]!.tone)
	);
}

// Rows whose text did not change are not rendered again: a key that moves the cursor
// re-renders two rows, not the screenful (see bench/: key → frame).
const Row = memo(function Row({cells, selected, marked}: RowProps) {
	return (
		<Text inverse={selected} wrap="truncate">
			<Text color={theme.mark}>{markerText(selected, marked)}</Text>
			{cells.map(cell => (cell.tone ? <Text key={cell.key} color={toneColor[cell.tone]}>{cell.text}</Text> : cell.text))}
		</Text>
	);
}, sameRow);

/** The one table: a header line and only the rows that fit (virtualised). */
export function Table<T>({columns, rows, rowId, width, height, scrollTop, selectedId, marks, now}: Props<T>) {
	const visible = rows.slice(scrollTop, scrollTop + Math.max(0, height - 1));
	const placed = placeColumns(columns, visible, width, now);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold wrap="truncate">{headerLine(placed)}</Text>
			{visible.map(item => {
				const id = rowId(item);
				return <Row key={id} cells={rowCells(item, placed, now)} selected={id === selectedId} marked={marks.has(id)} />;
			})}
		</Box>
	);
}
