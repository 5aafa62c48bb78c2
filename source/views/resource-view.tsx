import React, {useEffect, useMemo, useRef} from 'react';
import {Box, Text} from 'ink';
import {place, type AppAction, type AppState, type ListKind} from '../app-state.js';
import type {Engine} from '../docker/engine.js';
import type {Monitor} from '../docker/monitor.js';
import {listScopes, type Command} from '../keymap/keymap.js';
import {useActions} from '../hooks/use-actions.js';
import {useResourceList, type RefreshOptions} from '../hooks/use-resource-list.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {useConnection} from '../hooks/use-connection.js';
import {Table} from '../components/table.js';
import {visibleRows} from '../visible-rows.js';
import {sanitize, truncate} from '../sanitize.js';
import {theme} from '../theme.js';
import type {ResourceDescriptor} from './resource-descriptor.js';

type Props<T> = {
	readonly kind: ListKind;
	readonly descriptor: ResourceDescriptor<T>;
	readonly engine: Engine;
	readonly monitor: Monitor;
	readonly state: AppState;
	readonly dispatch: (action: AppAction) => void;
	/** The state as the last key left it (keys can come faster than renders). */
	readonly current: () => AppState;
	readonly width: number;
	readonly height: number;
	readonly copyToClipboard: (text: string) => void;
	readonly refresh?: RefreshOptions;
};

/** The one list view: any descriptor as a filtered, marked, virtualised table with its actions. */
export function ResourceView<T>({kind, descriptor, engine, monitor, state, dispatch, current, width, height, copyToClipboard, refresh}: Props<T>) {
	const connection = useConnection(monitor);
	const data = useResourceList(descriptor, engine, monitor, refresh);
	const stored = state.lists[kind];
	const rows = useMemo(() => visibleRows(descriptor, data.items, stored), [descriptor, data.items, stored]);
	const ids = useMemo(() => rows.map(item => descriptor.id(item)), [descriptor, rows]);
	const tableHeight = Math.max(2, height - 1);
	const page = Math.max(1, tableHeight - 1);
	// Placed while rendering, so no frame ever shows the rows without the cursor on one.
	const list = place(stored, ids, page);
	const ownRemovals = useRef(new Set<string>());
	const previousItems = useRef(new Map<string, string>());
	const latestData = useRef(data);
	latestData.current = data;
	const latestConnection = useRef(connection);
	latestConnection.current = connection;

	/** The list as it is now, for keys that arrive between renders. */
	function latest() {
		const saved = current().lists[kind];
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
		const selected = current().lists[kind].selectedId;
		if (selected && previousItems.current.has(selected) && !now.has(selected) && !ownRemovals.current.has(selected)) {
			dispatch({type: 'flash', flash: {tone: 'info', text: `${previousItems.current.get(selected)!} is gone (removed outside dtui)`}});
		}

		previousItems.current = now;
		dispatch({type: 'pruneMarks', existing: new Set(now.keys())});
	}, [data.items, descriptor, dispatch, current, kind]);

	function copySelectedId() {
		const {list: now, items} = latest();
		const selected = items.find(item => descriptor.id(item) === now.selectedId);
		if (!selected) return;
		copyToClipboard(descriptor.id(selected));
		dispatch({type: 'flash', flash: {tone: 'info', text: `Copied the id of ${descriptor.label(selected)} to the clipboard`}});
	}

	function run(command: Command) {
		const {list: now, shownIds} = latest();
		const move = (to: 'up' | 'down' | 'top' | 'bottom' | 'pageUp' | 'pageDown') => dispatch({type: 'move', ids: shownIds, page, to});
		switch (command) {
			case 'list.down': move('down'); break;
			case 'list.up': move('up'); break;
			case 'list.top': move('top'); break;
			case 'list.bottom': move('bottom'); break;
			case 'list.pageDown': move('pageDown'); break;
			case 'list.pageUp': move('pageUp'); break;
			case 'list.filter': dispatch({type: 'open', overlay: {kind: 'filter'}}); break;
			case 'list.mark': dispatch({type: 'toggleMark', ids: shownIds, page}); break;
			case 'list.copyId': copySelectedId(); break;
			case 'list.clear':
				if (now.filter) dispatch({type: 'setFilter', filter: ''});
				else if (now.marks.size > 0) dispatch({type: 'clearMarks'});
				else dispatch({type: 'flash', flash: undefined});
				break;
			case 'container.toggleAll': dispatch({type: 'toggleShowAll'}); break;
			case 'dialog.confirm': {
				const {overlay} = current();
				if (overlay.kind === 'confirm') actions.confirm(overlay.request);
				break;
			}

			case 'dialog.cancel': actions.cancel(); break;
			case 'dialog.force': dispatch({type: 'toggleForce'}); break;
			default: actions.start(command);
		}
	}

	useScreenKeys({scopes: listScopes(descriptor.scope), run});

	const title = [
		`${descriptor.title}${descriptor.live ? ` (${list.showAll ? 'all' : 'running'})` : ''}`,
		`${rows.length} shown`,
		list.filter ? `filter: ${sanitize(list.filter)}` : '',
		list.marks.size > 0 ? `${list.marks.size} marked` : '',
	].filter(Boolean).join(' · ');

	const message = !data.loaded
		? data.error ? `Cannot list ${descriptor.kind}: ${data.error}` : 'Loading…'
		: rows.length > 0 ? undefined
		: data.items.length === 0 ? descriptor.emptyMessage
		: list.filter ? `No ${list.showAll ? '' : 'running '}${descriptor.kind} match “${sanitize(list.filter)}” (esc clears${list.showAll ? '' : ', A shows all'})`
		: `No running ${descriptor.kind} (A shows all)`;

	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent} wrap="truncate">{truncate(title, width)}</Text>
			{message ? (
				<Box height={tableHeight}>
					<Text color={theme.muted}>{truncate(message, width)}</Text>
				</Box>
			) : (
				<Table columns={descriptor.columns} rows={rows} rowId={descriptor.id} width={width} height={tableHeight} scrollTop={list.scrollTop} selectedId={list.selectedId} marks={list.marks} now={Date.now()} />
			)}
		</Box>
	);
}
