import React from 'react';
import {Box, Text} from 'ink';
import type {Segment, SegmentStyle} from '../logs/log-layout.js';
import {theme} from './theme.js';

type Look = {color?: string; backgroundColor?: string; bold?: boolean; dimColor?: boolean};

/** How each kind of segment looks: stderr in a colour of its own, matches highlighted, the current one more so. */
const looks: Record<SegmentStyle, Look> = {
	text: {},
	stderr: {color: theme.stderr},
	match: {color: 'black', backgroundColor: 'yellow'},
	current: {color: 'black', backgroundColor: 'magenta', bold: true},
	dim: {color: theme.muted},
	name: {bold: true},
	marker: {color: theme.error, bold: true},
};

/** Rows of styled segments, one Text per row (already cut to the width). */
export function SegmentRows({rows, height}: {rows: ReadonlyArray<{readonly key: string; readonly segments: readonly Segment[]}>; height: number}) {
	return (
		<Box flexDirection="column" height={height}>
			{rows.map(row => (
				<Text key={row.key} wrap="truncate">
					{row.segments.length === 0 ? ' ' : row.segments.map((segment, index) => (
						<Text key={index} {...looks[segment.style]} {...(segment.color ? {color: segment.color} : {})}>
							{segment.text}
						</Text>
					))}
				</Text>
			))}
		</Box>
	);
}
