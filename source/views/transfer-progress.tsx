import React from 'react';
import {Box, Text} from 'ink';
import {theme} from '../components/theme.js';
import type {Transfer} from '../transfers/transfer-store.js';
import {transferLines, type PanelLine} from './transfer-lines.js';

const colour: Record<PanelLine['tone'], string | undefined> = {title: theme.busy, bar: undefined, done: theme.info, error: theme.error, muted: theme.muted};

/** Lines the panel takes (0 when nothing runs or waits to be closed), so the screen above can make room. */
export function transferPanelHeight(transfers: readonly Transfer[], width: number): number {
	return transferLines(transfers, width).length;
}

/** Pulls and pushes under way (or just ended): a title, an overall bar and one bar per layer each. */
export function TransferProgress({transfers, width, height}: {readonly transfers: readonly Transfer[]; readonly width: number; readonly height: number}) {
	const lines = transferLines(transfers, width).slice(0, height);
	if (lines.length === 0) return null;
	return (
		<Box flexDirection="column" width={width}>
			{lines.map((line, index) => (
				// Lines have no identity of their own; their order is stable within a frame.
				<Text key={index} color={colour[line.tone]} bold={line.tone === 'title'} wrap="truncate">
					{line.text}
				</Text>
			))}
		</Box>
	);
}
