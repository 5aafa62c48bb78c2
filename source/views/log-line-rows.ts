// One shown log line → its screen rows: the stream marker (stderr gets a red bar and
// its own colour, so the two streams read apart even without colour), the container's
// name in its own colour when several are interleaved, the timestamp when asked for,
// and the search matches.
import type {ContainerRef} from '../state/app-state.js';
import type {ShownLine} from '../hooks/use-log-stream.js';
import {layoutLine, type Segment} from '../logs/log-layout.js';
import {matchRanges, type SearchQuery} from '../logs/log-search.js';

/** Colours of interleaved containers, in order (red and yellow are taken by stderr). */
export const sourceColors = ['cyan', 'magenta', 'green', 'blue', 'cyanBright', 'magentaBright', 'greenBright', 'blueBright'] as const;

export const stderrMarker = '┃ ';
export const stdoutMarker = '  ';

export type LineLook = {
	readonly containers: readonly ContainerRef[];
	/** Cells the names take (0: one container, no names). */
	readonly nameWidth: number;
	readonly timestamps: boolean;
	readonly query: SearchQuery | undefined;
	readonly current: boolean;
	readonly width: number;
	readonly wrap: boolean;
};

/** "2024-05-01T12:00:00.123456789Z" → "2024-05-01T12:00:00.123Z": milliseconds are plenty on screen. */
export function shortTime(time: string): string {
	const match = /^(.*T\d\d:\d\d:\d\d)(\.\d{1,3})?\d*(Z|[+-]\d\d:\d\d)$/.exec(time);
	return match ? `${match[1]!}${(match[2] ?? '.').padEnd(4, '0')}${match[3]!}` : time;
}

export function lineRows(line: ShownLine, look: LineLook): Segment[][] {
	const stderr = line.stream === 'stderr';
	const prefix: Segment[] = [stderr ? {text: stderrMarker, style: 'marker'} : {text: stdoutMarker, style: 'text'}];
	if (look.nameWidth > 0) {
		const name = look.containers[line.source]?.name ?? '?';
		prefix.push({text: `${name.padEnd(look.nameWidth)} `, style: 'name', color: sourceColors[line.source % sourceColors.length]});
	}

	if (look.timestamps) prefix.push({text: `${line.time ? shortTime(line.time) : '-'.repeat(24)} `, style: 'dim'});
	const ranges = look.query ? matchRanges(line.text, look.query.regex) : [];
	return layoutLine({prefix, indent: stdoutMarker.length, text: line.text, style: stderr ? 'stderr' : 'text', ranges, current: look.current}, look.width, look.wrap);
}
