import React, {useEffect, useState, type MutableRefObject} from 'react';
import {Box, Text} from 'ink';
import type {ProcessList} from '../engine/container-io.js';
import type {Engine} from '../engine/engine.js';
import {isEngineError} from '../engine/errors.js';
import type {Command} from '../keymap/keymap.js';
import {useScroll} from '../hooks/use-scroll.js';
import {padEnd, truncate} from '../text/cell-width.js';
import {theme} from '../components/theme.js';
import type {PaneKeys} from './logs-pane.js';

type Fetched = {readonly list?: ProcessList; readonly error?: string; readonly at?: number};

/** `docker top`, asked again every `refreshMs` while shown (never while another tab is). */
function useProcesses(engine: Engine, id: string, refreshMs: number): Fetched {
	const [fetched, setFetched] = useState<Fetched>({});
	useEffect(() => {
		const stop = new AbortController();
		let timer: NodeJS.Timeout | undefined;
		async function poll() {
			try {
				const list = await engine.top(id, stop.signal);
				if (!stop.signal.aborted) setFetched({list, at: Date.now()});
			} catch (error) {
				// The last list stays on screen, with why it is not fresh. The daemon's own words
				// for a stopped container carry its whole id: said shorter.
				const message = isEngineError(error) && error.kind === 'conflict' ? 'the container is not running' : error instanceof Error ? error.message : String(error);
				if (!stop.signal.aborted) setFetched(previous => ({...previous, error: message}));
			}

			// The next request waits for this one: never two at once, however slow the daemon.
			if (!stop.signal.aborted) timer = setTimeout(() => void poll(), refreshMs);
		}

		void poll();
		return () => {
			stop.abort();
			clearTimeout(timer);
		};
	}, [engine, id, refreshMs]);
	return fetched;
}

/** Column widths from the titles and cells; the last column (the command) takes the rest. */
function widths(list: ProcessList, width: number): number[] {
	const natural = list.titles.map((title, column) => Math.max(title.length, ...list.processes.map(row => row[column]?.length ?? 0)));
	const fixed = natural.slice(0, -1).map(cells => Math.min(cells, 20) + 2);
	const used = fixed.reduce((sum, cells) => sum + cells, 0);
	return [...fixed, Math.max(10, width - used)];
}

export function ProcessesPane({engine, id, width, height, refreshMs, keys}: {engine: Engine; id: string; width: number; height: number; refreshMs: number; keys: MutableRefObject<PaneKeys | undefined>}) {
	const fetched = useProcesses(engine, id, refreshMs);
	const rows = fetched.list?.processes ?? [];
	const page = Math.max(1, height - 2);
	const {top, scroll} = useScroll(rows.length, page);
	keys.current = {run: (command: Command) => scroll(command)};

	if (!fetched.list) {
		const text = fetched.error ? `Cannot list the processes: ${fetched.error}` : 'Loading…';
		return (
			<Box height={height}>
				<Text color={fetched.error ? theme.error : theme.muted}>{truncate(text, width)}</Text>
			</Box>
		);
	}

	const columns = widths(fetched.list, width);
	const line = (cells: readonly string[]) => cells.map((cell, column) => padEnd(cell, columns[column] ?? 0)).join('');
	const time = fetched.at === undefined ? '' : new Date(fetched.at).toLocaleTimeString();
	return (
		<Box flexDirection="column" height={height}>
			<Text color={fetched.error ? theme.error : theme.muted} wrap="truncate">
				{truncate(fetched.error ? `Cannot refresh: ${fetched.error}` : `${rows.length} processes · refreshed ${time} (every ${refreshMs / 1000} s)`, width)}
			</Text>
			<Text bold wrap="truncate">{truncate(line(fetched.list.titles), width)}</Text>
			{rows.slice(top, top + page).map((row, index) => (
				<Text key={top + index} wrap="truncate">{truncate(line(row), width)}</Text>
			))}
		</Box>
	);
}
