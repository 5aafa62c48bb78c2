import React, {useEffect, useMemo, useRef} from 'react';
import {Box, Text, useApp, useInput, type Key} from 'ink';
import {initialState, place, reducer} from './app-state.js';
import {routeKey, splitKeys} from './app-input.js';
import type {Engine} from './docker/engine.js';
import type {Monitor} from './docker/monitor.js';
import {activeBindings, scopeChain, type Command} from './keymap/keymap.js';
import {useActions} from './hooks/use-actions.js';
import {useConnection} from './hooks/use-connection.js';
import {useResourceList, type RefreshOptions} from './hooks/use-resource-list.js';
import {useStore} from './hooks/use-store.js';
import {useTerminalSize, type TerminalSize} from './hooks/use-terminal-size.js';
import {Header} from './components/header.js';
import {StatusBar} from './components/status-bar.js';
import {Table} from './components/table.js';
import {ConfirmDialog, confirmHeight} from './components/confirm-dialog.js';
import {HelpOverlay} from './components/help-overlay.js';
import {containers} from './views/containers.js';
import {runCommandLine} from './command-line.js';
import {visibleRows} from './visible-rows.js';
import {sanitize, truncate} from './sanitize.js';
import {theme} from './theme.js';

export type AppProps = {
	readonly engine: Engine;
	readonly monitor: Monitor;
	readonly readOnly?: boolean;
	/** Fixed size for tests; the real terminal's otherwise. */
	readonly size?: TerminalSize;
	/** Writes an OSC 52 sequence (or records it, in tests). */
	readonly copyToClipboard: (text: string) => void;
	readonly refresh?: RefreshOptions;
};

const descriptor = containers;

/** Lines of the frame around the table: header, title, status line, hints. */
const chromeLines = 4;

export function App({engine, monitor, readOnly = false, size, copyToClipboard, refresh}: AppProps) {
	const {exit} = useApp();
	const {columns: width, rows: terminalRows} = useTerminalSize(size);
	const [state, dispatch, current] = useStore(reducer, initialState);
	const connection = useConnection(monitor);
	const data = useResourceList(descriptor, engine, monitor, refresh);
	const bindings = useMemo(() => activeBindings({readOnly}), [readOnly]);
	const stored = state.lists[state.view];
	const rows = useMemo(() => visibleRows(descriptor, data.items, stored), [data.items, stored]);
	const ids = useMemo(() => rows.map(item => descriptor.id(item)), [rows]);
	const ownRemovals = useRef(new Set<string>());
	const previousItems = useRef(new Map<string, string>());
	const latestData = useRef(data);
	latestData.current = data;
	const latestConnection = useRef(connection);
	latestConnection.current = connection;

	// Never the terminal's last line: Ink clears the whole screen on every frame that reaches it.
	const usable = Math.max(chromeLines + 2, terminalRows - 1);
	const banner = connection.state === 'disconnected' ? 1 : 0;
	const dialog = state.overlay.kind === 'confirm' ? confirmHeight(state.overlay.request) : 0;
	const tableHeight = Math.max(2, usable - chromeLines - banner - dialog);
	const page = Math.max(1, tableHeight - 1);
	// Placed while rendering, so no frame ever shows the rows without the cursor on one.
	const list = place(stored, ids, page);

	/** The list as it is now, for keys that arrive between renders. */
	function latest() {
		const saved = current().lists[current().view];
		const shown = visibleRows(descriptor, latestData.current.items, saved).map(item => descriptor.id(item));
		return {list: place(saved, shown, page), items: latestData.current.items, shownIds: shown, connection: latestConnection.current};
	}

	const actions = useActions({engine, descriptor, dispatch, latest, ownRemovals: ownRemovals.current});

	useEffect(() => {
		dispatch({type: 'rows', ids, page});
	}, [ids, page, dispatch]);

	// Marks of objects that are gone are dropped; a selected row that vanished is said so.
	useEffect(() => {
		const now = new Map(data.items.map(item => [descriptor.id(item), descriptor.label(item)]));
		const selected = current().lists[current().view].selectedId;
		if (selected && previousItems.current.has(selected) && !now.has(selected) && !ownRemovals.current.has(selected)) {
			dispatch({type: 'flash', flash: {tone: 'info', text: `${previousItems.current.get(selected)!} is gone (removed outside dtui)`}});
		}

		previousItems.current = now;
		dispatch({type: 'pruneMarks', existing: new Set(now.keys())});
	}, [data.items, dispatch, current]);

	function copySelectedId() {
		const selected = latest().items.find(item => descriptor.id(item) === latest().list.selectedId);
		if (!selected) return;
		copyToClipboard(descriptor.id(selected));
		dispatch({type: 'flash', flash: {tone: 'info', text: `Copied the id of ${descriptor.label(selected)} to the clipboard`}});
	}

	function run(command: Command) {
		const {list: now, shownIds} = latest();
		const move = (to: 'up' | 'down' | 'top' | 'bottom' | 'pageUp' | 'pageDown') => dispatch({type: 'move', ids: shownIds, page, to});
		switch (command) {
			case 'app.help': dispatch({type: 'open', overlay: {kind: 'help', scroll: 0}}); break;
			case 'app.back':
			case 'app.quit': exit(); break;
			case 'app.commandLine': dispatch({type: 'open', overlay: {kind: 'command', draft: ''}}); break;
			case 'app.escape':
				if (now.filter) dispatch({type: 'setFilter', filter: ''});
				else if (now.marks.size > 0) dispatch({type: 'clearMarks'});
				else dispatch({type: 'flash', flash: undefined});
				break;
			case 'list.down': move('down'); break;
			case 'list.up': move('up'); break;
			case 'list.top': move('top'); break;
			case 'list.bottom': move('bottom'); break;
			case 'list.pageDown': move('pageDown'); break;
			case 'list.pageUp': move('pageUp'); break;
			case 'list.filter': dispatch({type: 'open', overlay: {kind: 'filter'}}); break;
			case 'list.mark': dispatch({type: 'toggleMark', ids: shownIds, page}); break;
			case 'list.copyId': copySelectedId(); break;
			case 'container.toggleAll': dispatch({type: 'toggleShowAll'}); break;
			case 'dialog.confirm': {
				const {overlay} = current();
				if (overlay.kind === 'confirm') actions.confirm(overlay.request);
				break;
			}

			case 'dialog.cancel': actions.cancel(); break;
			case 'dialog.force': dispatch({type: 'toggleForce'}); break;
			case 'help.close': dispatch({type: 'close'}); break;
			case 'help.down': dispatch({type: 'helpScroll', delta: 1}); break;
			case 'help.up': dispatch({type: 'helpScroll', delta: -1}); break;
			default: actions.start(command);
		}
	}

	function handleKey(input: string, key: Key) {
		const outcome = routeKey(current(), descriptor.scope, bindings, input, key);
		switch (outcome.kind) {
			case 'quit': exit(); break;
			case 'dispatch': dispatch(outcome.action); break;
			case 'command': run(outcome.command); break;
			case 'submitCommandLine':
				dispatch({type: 'close'});
				runCommandLine(outcome.line, {
					quit: exit,
					showView: () => undefined,
					help: () => dispatch({type: 'open', overlay: {kind: 'help', scroll: 0}}),
					flash: (text, tone) => dispatch({type: 'flash', flash: {text, tone}}),
				});
				break;
			case 'none': break;
		}
	}

	useInput((input, key) => {
		for (const one of splitKeys(input, key)) handleKey(one.input, one.key);
	});

	const running = data.items.filter(item => item.state === 'running').length;
	const title = [
		`${descriptor.title} (${list.showAll ? 'all' : 'running'})`,
		`${rows.length} shown`,
		list.filter ? `filter: ${sanitize(list.filter)}` : '',
		list.marks.size > 0 ? `${list.marks.size} marked` : '',
	].filter(Boolean).join(' · ');
	const {overlay} = state;
	const prompt = overlay.kind === 'filter' ? {label: '/', text: sanitize(list.filter)} : overlay.kind === 'command' ? {label: ':', text: sanitize(overlay.draft)} : undefined;
	const hints = bindings.filter(binding => 'hint' in binding && binding.hint);

	function body() {
		if (overlay.kind === 'help') {
			return <HelpOverlay bindings={bindings} scopes={scopeChain(descriptor.scope)} height={tableHeight + dialog} width={width} scroll={overlay.scroll} />;
		}

		const message = !data.loaded
			? data.error ? `Cannot list ${descriptor.kind}: ${data.error}` : 'Loading…'
			: rows.length > 0 ? undefined
			: data.items.length === 0 ? descriptor.emptyMessage
			: list.filter ? `No ${list.showAll ? '' : 'running '}${descriptor.kind} match “${sanitize(list.filter)}” (esc clears${list.showAll ? '' : ', A shows all'})`
			: `No running ${descriptor.kind} (A shows all)`;
		if (message) {
			return (
				<Box height={tableHeight}>
					<Text color={theme.muted}>{truncate(message, width)}</Text>
				</Box>
			);
		}

		return <Table columns={descriptor.columns} rows={rows} rowId={descriptor.id} width={width} height={tableHeight} scrollTop={list.scrollTop} selectedId={list.selectedId} marks={list.marks} now={Date.now()} />;
	}

	return (
		<Box flexDirection="column" width={width} height={usable}>
			<Header host={engine.host} status={connection} counts={data.loaded ? {running, total: data.items.length} : undefined} readOnly={readOnly} width={width} />
			<Text bold color={theme.accent} wrap="truncate">{truncate(title, width)}</Text>
			{body()}
			{overlay.kind === 'confirm' ? <ConfirmDialog request={overlay.request} width={Math.min(width, 72)} /> : null}
			<StatusBar flash={state.flash} prompt={prompt} hints={hints} width={width} />
		</Box>
	);
}
