import React from 'react';
import {Box, Text} from 'ink';
import {displayWidth, truncate} from '../text/cell-width.js';

/** A run of text in one colour; `mark` highlights a search match. */
export type Segment = {readonly text: string; readonly color?: string; readonly mark?: boolean; readonly bold?: boolean};
export type Line = readonly Segment[];

/** Lines from `top` that fit in `height`, each cut to `width` cells (segments are already inert text). */
export function ScrollText({lines, top, height, width, gutter}: {lines: readonly Line[]; top: number; height: number; width: number; gutter?: (index: number) => string}) {
	return (
		<Box flexDirection="column" height={height}>
			{lines.slice(top, top + height).map((line, offset) => {
				const index = top + offset;
				let room = width;
				const prefix = gutter?.(index) ?? '';
				room -= displayWidth(prefix);
				return (
					<Text key={index} wrap="truncate">
						{prefix}
						{line.map((segment, position) => {
							if (room <= 0) return null;
							const text = truncate(segment.text, room);
							room -= displayWidth(text);
							return (
								<Text key={position} color={segment.color} inverse={segment.mark} bold={segment.bold}>
									{text}
								</Text>
							);
						})}
					</Text>
				);
			})}
		</Box>
	);
}
