import React, {useEffect, useMemo, useRef} from 'react';
import {Box, Text} from 'ink';
import {place, type ListKind} from '../state/app-state.js';
import {listScopes, type Command} from '../keymap/keymap.js';
import {useActions} from '../hooks/use-actions.js';
import {useResourceList} from '../hooks/use-resource-list.js';
import {listStore} from '../hooks/shared-list-store.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {useFollow} from '../hooks/use-follow.js';
import {useConnection} from '../hooks/use-connection.js';
import {Table} from '../components/table.js';
import {visibleRows} from '../state/visible-rows.js';
import {sanitize} from '../text/sanitize.js';
import {truncate} from '../text/cell-width.js';
import {theme} from '../components/theme.js';
import type {ResourceDescriptor} from '../state/resource-descriptor.js';
import {arrangeRows, displayColumns, groupRowId, type DisplayRow} from './row-groups.js';
import type {ScreenProps} from './screen-props.js';
import {useHostColumn} from './host-column.js';
import {plainId} from '../fleet/fleet-id.js';

type Props<T> = Pick<ScreenProps, 'engine' | 'monitor' | 'state' | 'dispatch' | 'current' | 'width' | 'height' | 'copyToClipboard' | 'refresh'> & {
	readonly kind: ListKind;
	readonly descriptor: ResourceDescriptor<T>;
};

const rowId = <T,>(row: DisplayRow<T>) => row.id;

/** The one list view: any descriptor as a filtered, marked, virtualised table with its actions. */
export function ResourceView<T>({kind, descriptor: listed, engine, monitor, state, dispatch, current, width, height, copyToClipboard, refresh}: Props<T>) {
	const connection = useConnection(monitor);
	const data = useResourceList(listed, engine, monitor, refresh);
	const descriptor = useHostColumn(listed, engine);
	const stored = state.lists[kind];
	// A log (events) can hold still while the daemon goes on.
	const follow = useFollow(descriptor.follows === true, data.items, descriptor.id);
	const items = follow.items;
	const rows = useMemo(() => visibleRows(descriptor, items, stored), [descriptor, items, stored]);
	// Compose projects (or any descriptor's groups) get a foldable row of their own.
	const display = useMemo(() => arrangeRows(descriptor, rows, items, stored.folded), [descriptor, rows, items, stored.folded]);
	const ids = useMemo(() => display.map(row => row.id), [display]);
	const columns = useMemo(() => displayColumns(descriptor.columns, descriptor.group), [descriptor]);
	const tableHeight = Math.max(2, height - 1);
	const page = Math.max(1, tableHeight - 1);
	// Placed while rendering, so no frame ever shows the rows without the cursor on one.
	const list = place(stored, ids, page);
	const ownRemovals = useRef(new Set<string>());
	const previousItems = useRef(new Map<string, string>());
	const latestConnection = useRef(connection);
	latestConnection.current = connection;

	/** The list as it is now, for keys that arrive between renders. */
	function latest() {
		const saved = current().lists[kind];
		const items = follow.latestItems();
		const arranged = arrangeRows(descriptor, visibleRows(descriptor, items, saved), items, saved.folded);
		const shown = arranged.map(row => row.id);
		return {list: place(saved, shown, page), items, shownIds: shown, rows: arranged, connection: latestConnection.current};
	}

	/** The display row under the cursor now: an item or a group. */
	function selectedRow(): DisplayRow<T> | undefined {
		const {list: now, rows: arranged} = latest();
		return arranged.find(row => row.id === now.selectedId);
	}

	function expand(id: string) {
		const group = latest().rows.find(row => row.id === id);
		return group?.kind === 'group' ? {items: [...group.members], label: `${descriptor.group?.noun ?? 'group'} ${group.key}`} : undefined;
	}

	const actions = useActions({engine, descriptor, dispatch, latest, ownRemovals: ownRemovals.current, expand, relist: () => listStore(listed, engine, monitor, refresh).refresh()});

	useEffect(() => {
		dispatch({type: 'rows', ids, page});
		if (follow.following && ids.length > 0) dispatch({type: 'move', ids, page, to: 'bottom'});
	}, [ids, page, dispatch, follow.following]);

	// Marks of objects that are gone are dropped; a selected row that vanished is said so.
	useEffect(() => {
		const now = new Map(data.items.map(item => [descriptor.id(item), descriptor.label(item)]));
		const selected = current().lists[kind].selectedId;
		if (selected && previousItems.current.has(selected) && !now.has(selected) && !ownRemovals.current.has(selected)) {
			dispatch({type: 'flash', flash: {tone: 'info', text: `${previousItems.current.get(selected)!} is gone (removed outside dtui)`}});
		}

		previousItems.current = now;
		const groups = arrangeRows(descriptor, data.items, data.items).filter(row => row.kind === 'group').map(row => row.id);
		dispatch({type: 'pruneMarks', existing: new Set([...now.keys(), ...groups])});
	}, [data.items, descriptor, dispatch, current, kind]);

	function copySelectedId() {
		const row = selectedRow();
		if (row?.kind === 'group') {
			copyToClipboard(descriptor.group?.name?.(row.key) ?? row.key);
			dispatch({type: 'flash', flash: {tone: 'info', text: `Copied the name of ${descriptor.group?.noun ?? 'group'} ${row.key} to the clipboard`}});
			return;
		}

		if (!row) return;
		copyToClipboard(plainId(descriptor.id(row.item)));
		dispatch({type: 'flash', flash: {tone: 'info', text: `Copied the id of ${descriptor.label(row.item)} to the clipboard`}});
	}

	/** `z`: a group row folds or unfolds; on a member, its group folds and the cursor goes to the group's row. */
	function fold() {
		const row = selectedRow();
		const key = row?.kind === 'item' ? descriptor.group?.key(row.item) : undefined;
		if (row?.kind === 'group') dispatch({type: 'toggleFold', id: row.id});
		else if (key !== undefined) dispatch({type: 'toggleFold', id: groupRowId(key), select: true});
		else dispatch({type: 'flash', flash: {tone: 'info', text: descriptor.group ? `Not in a ${descriptor.group.noun}: nothing to fold` : 'Nothing to fold here'}});
	}

	/** A screen about the selected row (inspect, history), with `q` coming back here. */
	/** A screen about several rows at once: the marked ones, else a selected group's members. */
	function openMany(command: Command): boolean {
		const opener = descriptor.opensMany?.[command];
		if (!opener) return false;
		const {list: now, items} = latest();
		const row = selectedRow();
		const marked = [...now.marks].flatMap(id => expand(id)?.items ?? items.filter(item => descriptor.id(item) === id));
		const chosen = marked.length > 0 ? marked : row?.kind === 'group' ? [...row.members] : [];
		if (chosen.length === 0) return false;
		const unique = [...new Map(chosen.map(item => [descriptor.id(item), item])).values()];
		const label = marked.length > 0 ? `${unique.length} marked ${descriptor.kind}` : `${descriptor.group?.noun ?? 'group'} ${row?.kind === 'group' ? row.key : ''}`;
		dispatch({type: 'navigate', route: opener(unique, label, current().route)});
		return true;
	}

	function open(command: Command): boolean {
		if (openMany(command)) return true;
		const opener = descriptor.opens?.[command];
		if (!opener) return false;
		const row = selectedRow();
		if (row?.kind === 'item') dispatch({type: 'navigate', route: opener(row.item, current().route)});
		else dispatch({type: 'flash', flash: {tone: 'error', text: row ? `Select one of the ${descriptor.kind} of ${row.key}` : 'Nothing selected'}});
		return true;
	}

	function run(command: Command) {
		const {list: now, shownIds} = latest();
		const move = (to: 'up' | 'down' | 'top' | 'bottom' | 'pageUp' | 'pageDown') => dispatch({type: 'move', ids: shownIds, page, to});
		switch (command) {
			case 'list.down': move('down'); break;
			case 'list.up': follow.pause(); move('up'); break;
			case 'list.top': follow.pause(); move('top'); break;
			case 'list.bottom': move('bottom'); break;
			case 'list.pageDown': move('pageDown'); break;
			case 'list.pageUp': follow.pause(); move('pageUp'); break;
			case 'events.follow': follow.toggle(); break;
			case 'list.filter': dispatch({type: 'open', overlay: {kind: 'filter'}}); break;
			case 'list.mark': dispatch({type: 'toggleMark', ids: shownIds, page}); break;
			case 'list.copyId': copySelectedId(); break;
			case 'list.fold': fold(); break;
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
			case 'dialog.all': actions.toggleAll(); break;
			default: if (!open(command)) actions.start(command);
		}
	}

	function selection() {
		const {list: now, shownIds} = latest();
		return {...(now.selectedId !== undefined && shownIds.includes(now.selectedId) ? {selectedId: now.selectedId} : {}), markedIds: [...now.marks]};
	}

	useScreenKeys({scopes: listScopes(descriptor.scope), run, selection});

	const title = [
		`${descriptor.title}${descriptor.live ? ` (${list.showAll ? 'all' : 'running'})` : ''}`,
		`${rows.length} shown`,
		follow.title,
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
				<Table columns={columns} rows={display} rowId={rowId} width={width} height={tableHeight} scrollTop={list.scrollTop} selectedId={list.selectedId} marks={list.marks} now={Date.now()} />
			)}
		</Box>
	);
}
