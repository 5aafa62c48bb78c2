import React from 'react';
import {Box, Text} from 'ink';
import {displayWidth, padEnd, padStart} from '../sanitize.js';
import {toneColor, theme} from '../theme.js';
import type {Column} from '../views/resource-descriptor.js';
import {gap, layoutColumns, type PlacedColumn} from './column-layout.js';

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

const markerCells = 3;
const spacer = ' '.repeat(gap);

function cell<T>(column: PlacedColumn<T>, text: string): string {
	return column.align === 'right' ? padStart(text, column.cells) : padEnd(text, column.cells);
}

function Row<T>({item, columns, selected, marked, now}: {item: T; columns: Array<PlacedColumn<T>>; selected: boolean; marked: boolean; now: number}) {
	return (
		<Text inverse={selected} wrap="truncate">
			{/* The cursor and the mark are characters, not only colours: they survive NO_COLOR and any theme. */}
			<Text color={theme.mark}>{(selected ? '›' : ' ') + (marked ? '●' : ' ') + ' '}</Text>
			{columns.map((column, index) => {
				const tone = column.tone?.(item);
				const text = cell(column, column.value(item, now)) + (index < columns.length - 1 ? spacer : '');
				return tone ? <Text key={column.header} color={toneColor[tone]}>{text}</Text> : text;
			})}
		</Text>
	);
}

/** The one table: a header line and only the rows that fit (virtualised). */
export function Table<T>({columns, rows, rowId, width, height, scrollTop, selectedId, marks, now}: Props<T>) {
	const visible = rows.slice(scrollTop, scrollTop + Math.max(0, height - 1));
	// Flexible columns are as wide as what is on screen needs (the header included).
	const natural = (column: Column<T>) => visible.reduce((widest, item) => Math.max(widest, displayWidth(column.value(item, now))), displayWidth(column.header));
	const placed = layoutColumns(columns, width - markerCells, natural);
	const header = placed.map(column => cell(column, column.header)).join(spacer);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold wrap="truncate">{' '.repeat(markerCells) + header}</Text>
			{visible.map(item => {
				const id = rowId(item);
				return <Row key={id} item={item} columns={placed} selected={id === selectedId} marked={marks.has(id)} now={now} />;
			})}
		</Box>
	);
}
