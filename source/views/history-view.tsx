import React from 'react';
import {Box, Text} from 'ink';
import type {AppAction, Route} from '../state/app-state.js';
import type {Engine} from '../engine/engine.js';
import type {Monitor} from '../engine/monitor.js';
import type {ImageLayer} from '../engine/objects.js';
import type {Command} from '../keymap/keymap.js';
import {useFetched} from '../hooks/use-fetched.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {useScroll} from '../hooks/use-scroll.js';
import {Table} from '../components/table.js';
import {formatAge, formatBytes, pluralize, shortId} from '../text/format.js';
import {truncate} from '../text/cell-width.js';
import {theme} from '../components/theme.js';
import type {Column} from '../state/resource-descriptor.js';

type Props = {
	readonly route: Extract<Route, {screen: 'history'}>;
	readonly engine: Engine;
	readonly monitor: Monitor;
	readonly dispatch: (action: AppAction) => void;
	readonly width: number;
	readonly height: number;
};

type Row = ImageLayer & {readonly index: number};

// As `docker history`: IMAGE, CREATED, CREATED BY, SIZE, COMMENT.
const columns: ReadonlyArray<Column<Row>> = [
	{header: 'IMAGE', width: 12, dropOrder: 2, value: layer => (layer.id.startsWith('sha256:') ? shortId(layer.id) : layer.id), tone: layer => (layer.id.startsWith('sha256:') ? undefined : 'dim')},
	{header: 'CREATED', width: 7, align: 'right', value: (layer, now) => formatAge(layer.created, now)},
	{header: 'CREATED BY', width: 'flex', minWidth: 20, value: layer => layer.createdBy.replace(/^\/bin\/sh -c #\(nop\) +/, '')},
	{header: 'SIZE', width: 8, align: 'right', value: layer => formatBytes(layer.size), tone: layer => (layer.size === 0 ? 'dim' : undefined)},
	{header: 'COMMENT', width: 'flex', minWidth: 8, dropOrder: 1, value: layer => layer.comment},
];

/** An image's layers, newest first: what made each and what it weighs. */
export function HistoryView({route, engine, monitor, dispatch, width, height}: Props) {
	const fetched = useFetched(async signal => engine.imageHistory(route.id, signal), route.id, monitor);
	const rows: Row[] = (fetched.value ?? []).map((layer, index) => ({...layer, index}));
	const tableHeight = Math.max(2, height - 1);
	const {top, scroll} = useScroll(rows.length, tableHeight - 1);

	function run(command: Command) {
		if (scroll(command)) return;
		if (command === 'view.back') dispatch({type: 'navigate', route: route.back});
	}

	useScreenKeys({scopes: ['view'], run});

	const counts = fetched.value ? ` · ${pluralize(rows.length, 'layer')} · ${formatBytes(rows.reduce((sum, layer) => sum + layer.size, 0))}` : '';
	const title = `History of ${route.title}${counts}`;
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent} wrap="truncate">{truncate(title, width)}</Text>
			{fetched.value === undefined ? (
				<Text color={fetched.error ? theme.error : theme.muted}>{truncate(fetched.error ? `Cannot read the history: ${fetched.error}` : 'Loading…', width)}</Text>
			) : (
				<Table columns={columns} rows={rows} rowId={layer => String(layer.index)} width={width} height={tableHeight} scrollTop={top} marks={new Set()} now={Date.now()} />
			)}
		</Box>
	);
}
