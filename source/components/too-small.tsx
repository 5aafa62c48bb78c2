import React from 'react';
import {Box, Text} from 'ink';
import {truncate} from '../text/cell-width.js';
import {theme} from './theme.js';

/** Below this the frame cannot fit: header, title, table header, two rows, status, hints, and Ink's spare line. */
export const minimumSize = {columns: 30, rows: 8} as const;

export function isTooSmall(columns: number, rows: number): boolean {
	return columns < minimumSize.columns || rows < minimumSize.rows;
}

/**
 * What a terminal too small for the dashboard shows instead: what is wrong and how to
 * leave. At most rows - 1 lines (a frame as tall as the terminal makes Ink clear the
 * screen on every frame), each cut to the width.
 */
export function TooSmall({columns, rows}: {readonly columns: number; readonly rows: number}) {
	const lines = [
		{text: 'dtui: terminal too small', color: theme.error},
		{text: `${columns}×${rows}, needs ${minimumSize.columns}×${minimumSize.rows}`, color: undefined},
		{text: 'q quits', color: theme.muted},
	].slice(0, Math.max(1, rows - 1));
	return (
		<Box flexDirection="column" width={columns} height={lines.length}>
			{lines.map(line => (
				<Text key={line.text} color={line.color} wrap="truncate">{truncate(line.text, columns)}</Text>
			))}
		</Box>
	);
}
