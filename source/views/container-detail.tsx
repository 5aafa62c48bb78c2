import React, {useRef} from 'react';
import {Box, Text} from 'ink';
import type {DetailTab} from '../state/app-state.js';
import type {Command, Scope} from '../keymap/keymap.js';
import {useContainerOptions} from '../hooks/container-options.js';
import {useResourceList} from '../hooks/use-resource-list.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {truncate} from '../text/cell-width.js';
import {theme} from '../components/theme.js';
import {containers} from './containers.js';
import {fleetOf} from '../fleet/fleet.js';
import {InspectPane} from './inspect-pane.js';
import {LogsPane, type PaneKeys} from './logs-pane.js';
import {ProcessesPane} from './processes-pane.js';
import {StatsPane} from './stats-pane.js';
import type {RouteScreenProps} from './screen-props.js';

type Props = RouteScreenProps<'container'>;

export const detailTabs: ReadonlyArray<{readonly tab: DetailTab; readonly title: string; readonly scopes: readonly Scope[]}> = [
	{tab: 'logs', title: 'Logs', scopes: ['logs', 'view']},
	{tab: 'stats', title: 'Stats', scopes: ['view']},
	{tab: 'inspect', title: 'Inspect', scopes: ['inspect', 'view']},
	{tab: 'processes', title: 'Top', scopes: ['view']},
];

/**
 * One container: its logs, stats, inspect document and processes in tabs (`[` / `]`).
 * The logs stay open behind the other tabs, so coming back finds them as they were;
 * stats and processes are asked for only while their tab is shown.
 */
export function ContainerDetail({route, engine, monitor, dispatch, current, width, height}: Props) {
	const options = useContainerOptions();
	const {container, tab, back} = route;
	const list = useResourceList(containers, engine, monitor);
	const summary = list.items.find(item => item.id === container.id);
	const pane = useRef<PaneKeys | undefined>(undefined);
	const logsPane = useRef<PaneKeys | undefined>(undefined);
	const index = Math.max(0, detailTabs.findIndex(entry => entry.tab === tab));
	const bodyHeight = Math.max(2, height - 1);

	function switchTab(delta: number) {
		const now = current().route;
		if (now.screen !== 'container') return;
		const at = detailTabs.findIndex(entry => entry.tab === now.tab);
		const next = detailTabs[(at + delta + detailTabs.length) % detailTabs.length]!;
		dispatch({type: 'navigate', route: {...now, tab: next.tab}});
	}

	function run(command: Command) {
		const now = current().route;
		const keys = now.screen === 'container' && now.tab === 'logs' ? logsPane.current : pane.current;
		if (keys?.run(command)) return;
		switch (command) {
			case 'detail.nextTab': switchTab(1); break;
			case 'detail.previousTab': switchTab(-1); break;
			case 'container.exec':
			case 'container.attach':
				dispatch({type: 'navigate', route: {screen: 'session', mode: command === 'container.exec' ? 'exec' : 'attach', container, back: current().route}});
				break;
			case 'view.back': dispatch({type: 'navigate', route: back}); break;
			default: break;
		}
	}

	useScreenKeys({scopes: [...detailTabs[index]!.scopes, 'detail', 'container'], run});
	// The stats tab has no keys of its own: nothing left over from the last tab may answer.
	if (tab === 'stats') pane.current = undefined;

	const host = fleetOf(engine)?.ownerOf(container.id)?.label;
	const state = summary ? `${summary.state}${summary.health ? ` (${summary.health})` : ''} · ${summary.image}` : list.loaded ? 'gone (removed)' : '';
	// In a fleet: which host it is on.
	const status = host === undefined ? state : `${state} · on ${host}`;
	const paneProps = {engine, monitor, dispatch, current, back, width, height: bodyHeight};
	return (
		<Box flexDirection="column" height={height}>
			<Text wrap="truncate">
				<Text bold color={theme.accent}>{truncate(container.name, Math.max(8, Math.floor(width / 3)))}</Text>
				{detailTabs.map(entry => (
					<Text key={entry.tab} inverse={entry.tab === tab} bold={entry.tab === tab}>{` ${entry.title} `}</Text>
				))}
				<Text color={summary?.state === 'running' ? theme.info : theme.muted}>{truncate(` ${status}`, width)}</Text>
			</Text>
			<LogsPane containers={[container]} search={route.search} {...paneProps} visible={tab === 'logs'} keys={logsPane} />
			{tab === 'stats' ? <StatsPane engine={engine} monitor={monitor} id={container.id} width={width} height={bodyHeight} /> : null}
			{tab === 'inspect' ? <InspectPane id={container.id} search={route.search} {...paneProps} keys={pane} /> : null}
			{tab === 'processes' ? <ProcessesPane engine={engine} id={container.id} width={width} height={bodyHeight} refreshMs={options.refreshMs} keys={pane} /> : null}
		</Box>
	);
}
