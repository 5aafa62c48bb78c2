import React, {useMemo, useRef} from 'react';
import {Box, Text} from 'ink';
import type {Command} from '../keymap/keymap.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {truncate} from '../text/cell-width.js';
import {theme} from '../components/theme.js';
import {sourceColors} from './log-line-rows.js';
import {LogsPane, type PaneKeys} from './logs-pane.js';
import type {RouteScreenProps} from './screen-props.js';
import {nameOnHost} from '../fleet/fleet.js';

type Props = RouteScreenProps<'logs'>;

/** Marked containers (or a compose project) with `l`: their logs interleaved in time, each name in its colour. */
export function MultiLogsView({route, engine, monitor, dispatch, current, width, height}: Props) {
	const pane = useRef<PaneKeys | undefined>(undefined);
	// In a fleet two hosts' `web` are told apart by their host.
	const containers = useMemo(() => route.containers.map(container => ({...container, name: nameOnHost(engine, container.id, container.name)})), [route.containers, engine]);
	useScreenKeys({scopes: ['logs', 'view'], run: (command: Command) => void pane.current?.run(command)});
	let room = width;
	return (
		<Box flexDirection="column" height={height}>
			<Text wrap="truncate">
				<Text bold color={theme.accent}>{truncate(`Logs of ${route.title}:`, width)}</Text>
				{containers.map((container, index) => {
					room -= container.name.length + 1;
					return room > 0 ? <Text key={container.id} color={sourceColors[index % sourceColors.length]}>{` ${container.name}`}</Text> : null;
				})}
			</Text>
			<LogsPane containers={containers} search={route.search} engine={engine} monitor={monitor} dispatch={dispatch} current={current} back={route.back} width={width} height={Math.max(2, height - 1)} visible keys={pane} />
		</Box>
	);
}
