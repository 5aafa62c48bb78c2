import React, {useMemo, useRef, type MutableRefObject} from 'react';
import {Box, Text} from 'ink';
import type {ContainerRef, Route} from '../state/app-state.js';
import type {Command} from '../keymap/keymap.js';
import {useContainerOptions} from '../hooks/container-options.js';
import {useLogStream} from '../hooks/use-log-stream.js';
import {useStore} from '../hooks/use-store.js';
import {compileQuery, jumpTarget, lowerBound} from '../logs/log-search.js';
import {bufferSequence, logWindow, matchSequence, step} from '../logs/log-window.js';
import {saveLogs} from '../logs/log-save.js';
import {SegmentRows} from '../components/segment-rows.js';
import {pluralize} from '../text/format.js';
import {truncate} from '../text/cell-width.js';
import {theme} from '../components/theme.js';
import {initialLogsView, logsViewReducer, presetRange} from './logs-view-state.js';
import {lineRows} from './log-line-rows.js';
import type {ScreenBasics} from './screen-props.js';

/** A pane's commands, for the screen that holds it (the keys arrive there). */
export type PaneKeys = {run: (command: Command) => boolean};

type Props = ScreenBasics & {
	readonly containers: readonly ContainerRef[];
	/** The search typed with `/` (kept in the route, so it outlives the pane). */
	readonly search: string;
	readonly back: Route;
	/** Hidden behind another tab: keeps reading, draws nothing. */
	readonly visible: boolean;
	readonly keys: MutableRefObject<PaneKeys | undefined>;
};

/** Logs: followed, scrollable, searchable (regular expressions), filterable and saved whole with ctrl+s. */
export function LogsPane({containers, search, engine, monitor, dispatch, current, back, width, height, visible, keys}: Props) {
	const options = useContainerOptions();
	const [view, change, latestView] = useStore(logsViewReducer, initialLogsView);
	const query = useMemo(() => compileQuery(search), [search]);
	const stream = useLogStream(engine, monitor, containers, view.range, query, {capacity: options.logLines, flushMs: options.logFlushMs, visible});
	// A search that is not a valid regular expression says so on a line of its own.
	const bodyHeight = Math.max(1, height - 1 - (query?.error ? 1 : 0));
	const filtering = view.filter && query !== undefined;
	const sequence = filtering ? matchSequence(stream.matches) : bufferSequence(stream.buffer);
	const nameWidth = containers.length > 1 ? Math.max(...containers.map(container => container.name.length)) : 0;
	const rowsOf = (line: number) =>
		lineRows(stream.buffer.at(line)!, {containers, nameWidth, timestamps: view.timestamps, query, current: line === view.current, width, wrap: view.wrap});
	const window = logWindow(sequence, view.follow ? undefined : view.anchor, bodyHeight, rowsOf);
	const latest = useRef({window, sequence, matches: stream.matches, rowsOf});
	latest.current = {window, sequence, matches: stream.matches, rowsOf};
	const flash = (text: string, tone: 'info' | 'busy' | 'error' = 'info') => dispatch({type: 'flash', flash: {text, tone}});

	function scroll(to: (top: number) => number | undefined) {
		const {window: shown, sequence: lines, rowsOf: rows} = latest.current;
		const state = latestView();
		// Where the screen starts now, even if keys came faster than frames (and G's anchor is clamped to the last page).
		const top = state.follow || state.anchor === undefined ? shown.top : logWindow(lines, state.anchor, bodyHeight, rows).top;
		if (top === undefined) return;
		const target = to(top);
		if (target !== undefined) change({type: 'scroll', anchor: target});
	}

	function jump(direction: 1 | -1) {
		const {matches, sequence: lines, window: shown} = latest.current;
		if (!query) return flash('No search: / searches (a regular expression)');
		const state = latestView();
		const target = jumpTarget(matches, state.current ?? (state.follow ? undefined : shown.top), direction);
		if (target === undefined) return flash(`No line matches “${query.text}”`);
		change({type: 'jump', current: target, anchor: step(lines, target, -Math.floor(bodyHeight / 3))});
	}

	async function save() {
		flash(`Saving the whole log of ${containers.map(container => container.name).join(', ')}…`, 'busy');
		try {
			const saved = await saveLogs(engine, containers, {directory: options.saveDirectory, timestamps: latestView().timestamps});
			flash(`Saved ${pluralize(saved.lines, 'line')} to ${saved.path}`);
		} catch (error) {
			flash(`Could not save the log: ${error instanceof Error ? error.message : String(error)}`, 'error');
		}
	}

	function run(command: Command): boolean {
		const page = Math.max(1, bodyHeight - 1);
		const preset = presetRange(command, Date.now());
		if (preset) {
			change({type: 'range', ...preset});
			return true;
		}

		switch (command) {
			case 'view.down': scroll(top => (latestView().follow ? undefined : step(latest.current.sequence, top, 1))); break;
			case 'view.up': scroll(top => step(latest.current.sequence, top, -1)); break;
			case 'view.pageDown': scroll(top => (latestView().follow ? undefined : step(latest.current.sequence, top, page))); break;
			case 'view.pageUp': scroll(top => step(latest.current.sequence, top, -page)); break;
			case 'view.top': scroll(() => latest.current.sequence.first()); break;
			case 'view.bottom': scroll(() => latest.current.sequence.last()); break;
			case 'logs.follow':
				if (latestView().follow) scroll(top => top);
				else change({type: 'follow', on: true});
				break;
			case 'logs.search': dispatch({type: 'open', overlay: {kind: 'filter'}}); break;
			case 'logs.next': jump(1); break;
			case 'logs.previous': jump(-1); break;
			case 'logs.filter':
				if (query) change({type: 'toggle', what: 'filter'});
				else flash('No search to filter by: / searches first');
				break;
			case 'logs.timestamps': change({type: 'toggle', what: 'timestamps'}); break;
			case 'logs.wrap': change({type: 'toggle', what: 'wrap'}); break;
			case 'logs.save': void save(); break;
			case 'view.back': {
				const now = current().route;
				if ('search' in now && now.search !== '') {
					dispatch({type: 'setSearch', search: ''});
					change({type: 'forgetMatch'});
				} else {
					dispatch({type: 'navigate', route: back});
				}

				break;
			}

			default: return false;
		}

		return true;
	}

	if (visible) keys.current = {run};
	if (!visible) return null;
	const position = view.current === undefined ? 0 : lowerBound(stream.matches, view.current) + 1;
	const found = query === undefined ? '' : stream.matches.length === 0 ? ` · no match for “${query.text}”` : ` · “${query.text}” ${position > 0 ? `${position}/` : ''}${stream.matches.length}`;
	const mode = view.follow ? 'following' : window.atEnd ? 'paused at the end (f follows)' : 'paused (f follows)';
	const state = stream.status === 'loading' ? 'loading…' : stream.status === 'ended' ? 'ended: not running' : stream.status === 'interrupted' ? 'interrupted: the daemon is unreachable; resumes when it answers' : mode;
	const title = `${pluralize(stream.buffer.length, 'line')} · ${view.rangeLabel} · ${state}${found}${filtering ? ' · only matches' : ''}`;
	const empty = stream.error ? `Cannot read the log: ${stream.error}` : stream.status === 'loading' ? 'Loading…' : filtering ? `No line matches “${query.text}”` : 'No log lines (yet)';
	return (
		<Box flexDirection="column" height={height}>
			<Text color={theme.accent} wrap="truncate">{truncate(title, width)}</Text>
			{query?.error ? <Text color={theme.error} wrap="truncate">{truncate(query.error, width)}</Text> : null}
			{window.rows.length === 0 ? (
				<Box height={bodyHeight}>
					<Text color={stream.error ? theme.error : theme.muted}>{truncate(empty, width)}</Text>
				</Box>
			) : (
				<SegmentRows height={bodyHeight} rows={window.rows.map((row, index) => ({key: `${row.line}:${index}`, segments: row.segments}))} />
			)}
		</Box>
	);
}
