import React, {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import type {Route} from '../state/app-state.js';
import type {ContextSwitcher} from '../state/context-switcher.js';
import type {ContextSummary} from '../engine/context-summary.js';
import type {Command} from '../keymap/keymap.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {Table} from '../components/table.js';
import {truncate} from '../text/cell-width.js';
import {theme} from '../components/theme.js';
import type {ScreenProps} from './screen-props.js';
import type {Column} from '../state/resource-descriptor.js';

const columns: ReadonlyArray<Column<ContextSummary>> = [
	{header: 'NAME', width: 'flex', minWidth: 10, value: context => `${context.name}${context.current ? ' *' : ''}`, tone: context => (context.current ? 'good' : undefined)},
	{header: 'DESCRIPTION', width: 'flex', minWidth: 12, dropOrder: 1, value: context => context.description},
	{header: 'ENDPOINT', width: 'flex', minWidth: 16, value: context => context.error ?? context.endpoint, tone: context => (context.error ? 'bad' : undefined)},
];

type Props = ScreenProps & {readonly route: Extract<Route, {screen: 'contexts'}>; readonly contexts: ContextSwitcher};

/** `:ctx`: the docker contexts, the one in use marked; enter switches to another, live. */
export function ContextsView({route, contexts, dispatch, width, height}: Props) {
	const list = useMemo(() => contexts.list(), [contexts]);
	const [cursor, setCursor] = useState(() => Math.max(0, list.findIndex(context => context.current)));
	const selected = list[Math.min(cursor, list.length - 1)];

	function run(command: Command) {
		switch (command) {
			case 'context.down': setCursor(index => Math.min(list.length - 1, index + 1)); break;
			case 'context.up': setCursor(index => Math.max(0, index - 1)); break;
			case 'context.close': dispatch({type: 'navigate', route: route.back}); break;
			case 'context.use':
				if (!selected) break;
				// In a fleet each of its contexts is current: enter keeps only the one chosen.
				if (selected.current && list.filter(context => context.current).length === 1) {
					dispatch({type: 'navigate', route: route.back});
					break;
				}

				dispatch({type: 'flash', flash: {tone: 'busy', text: `Switching to context ${selected.name}…`}});
				contexts.switchTo(selected.name).catch((error: unknown) => {
					dispatch({type: 'flash', flash: {tone: 'error', text: `context ${selected.name}: ${error instanceof Error ? error.message : String(error)}`}});
				});
				break;
			default: break;
		}
	}

	useScreenKeys({scopes: ['contexts'], run});
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent} wrap="truncate">{truncate(`Contexts · ${list.length} · enter switches, live · :ctx a,b watches several at once`, width)}</Text>
			<Table columns={columns} rows={list} rowId={context => context.name} width={width} height={height - 1} scrollTop={Math.max(0, cursor - (height - 3))} selectedId={selected?.name} marks={new Set()} now={Date.now()} />
		</Box>
	);
}
