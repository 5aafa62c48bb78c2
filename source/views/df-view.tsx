import React from 'react';
import {Box, Text} from 'ink';
import type {AppAction, Route} from '../state/app-state.js';
import type {Engine} from '../engine/engine.js';
import type {Monitor} from '../engine/monitor.js';
import type {Command} from '../keymap/keymap.js';
import {useFetched} from '../hooks/use-fetched.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {Table} from '../components/table.js';
import {formatBytes} from '../text/format.js';
import {truncate} from '../text/cell-width.js';
import {theme} from '../components/theme.js';
import {reclaimableText, usageRows, type UsageRow} from './disk-usage-summary.js';
import type {Column} from '../state/resource-descriptor.js';

type Props = {
	readonly route: Extract<Route, {screen: 'df'}>;
	readonly engine: Engine;
	readonly monitor: Monitor;
	readonly dispatch: (action: AppAction) => void;
	readonly width: number;
	readonly height: number;
};

const columns: ReadonlyArray<Column<UsageRow>> = [
	{header: 'TYPE', width: 13, value: row => row.type},
	{header: 'TOTAL', width: 6, align: 'right', value: row => String(row.total)},
	{header: 'ACTIVE', width: 6, align: 'right', value: row => String(row.active)},
	{header: 'SIZE', width: 9, align: 'right', value: row => formatBytes(row.size)},
	{header: 'RECLAIMABLE', width: 'flex', minWidth: 14, value: reclaimableText, tone: row => (row.reclaimable > 0 ? 'warn' : 'dim')},
];

/** `docker system df`: refreshed when images, containers or volumes change. */
export function DfView({route, engine, monitor, dispatch, width, height}: Props) {
	const fetched = useFetched(async signal => engine.diskUsage(signal), 'df', monitor, ['image', 'container', 'volume', 'builder']);
	const rows = fetched.value ? usageRows(fetched.value) : [];

	function run(command: Command) {
		if (command === 'view.back') dispatch({type: 'navigate', route: route.back});
	}

	useScreenKeys({scopes: ['view'], run});

	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent} wrap="truncate">{truncate(`Disk usage (docker system df)${route.host === undefined ? '' : ` of ${engine.host}`}`, width)}</Text>
			{fetched.value === undefined ? (
				<Text color={fetched.error ? theme.error : theme.muted}>{truncate(fetched.error ? `Cannot read disk usage: ${fetched.error}` : 'Measuring… (the daemon walks every layer and volume)', width)}</Text>
			) : (
				<Table columns={columns} rows={rows} rowId={row => row.type} width={width} height={Math.min(rows.length + 1, height - 1)} scrollTop={0} marks={new Set()} now={0} />
			)}
			{fetched.error && fetched.value ? <Text color={theme.error}>{truncate(`Last refresh failed: ${fetched.error}`, width)}</Text> : null}
		</Box>
	);
}
