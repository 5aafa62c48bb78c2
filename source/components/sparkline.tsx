import React from 'react';
import {Text} from 'ink';

const bars = '▁▂▃▄▅▆▇█';

/**
 * Values as one row of bars, the newest on the right, scaled to `max` (or the largest
 * value). A value of zero is the lowest bar, so an idle minute still reads as a line.
 */
export function sparkline(values: readonly number[], width: number, max?: number): string {
	const shown = values.slice(-Math.max(0, width));
	const top = max ?? Math.max(0, ...shown);
	return shown
		.map(value => {
			if (!(top > 0) || !(value > 0)) return bars[0];
			return bars[Math.min(bars.length - 1, Math.max(0, Math.ceil((value / top) * bars.length) - 1))];
		})
		.join('')
		.padStart(Math.max(0, width), ' ');
}

export function Sparkline({values, width, max, color}: {values: readonly number[]; width: number; max?: number; color?: string}) {
	return <Text color={color}>{sparkline(values, width, max)}</Text>;
}
