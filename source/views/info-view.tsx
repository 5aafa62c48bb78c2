import React, {useMemo} from 'react';
import {Box, Text} from 'ink';
import type {AppAction, Route} from '../state/app-state.js';
import type {Engine, EngineInfo} from '../engine/engine.js';
import type {Monitor} from '../engine/monitor.js';
import type {DaemonInfo} from '../engine/objects.js';
import type {Command} from '../keymap/keymap.js';
import {useConnection} from '../hooks/use-connection.js';
import {useFetched} from '../hooks/use-fetched.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {useScroll} from '../hooks/use-scroll.js';
import {ScrollText, type Line} from '../components/scroll-text.js';
import {formatBytes} from '../text/format.js';
import {padEnd, truncate} from '../text/cell-width.js';
import {theme} from '../components/theme.js';

type Props = {
	readonly route: Extract<Route, {screen: 'info'}>;
	readonly engine: Engine;
	readonly monitor: Monitor;
	readonly dispatch: (action: AppAction) => void;
	readonly width: number;
	readonly height: number;
};

/** `1.52 (minimum 1.44) · dtui uses 1.52`: the daemon's range and what was negotiated. */
function apiText(engine: EngineInfo | undefined): string {
	if (engine === undefined || engine.apiVersion === '') return '';
	const range = engine.minApiVersion === undefined ? engine.apiVersion : `${engine.apiVersion} (minimum ${engine.minApiVersion})`;
	return engine.apiInUse === undefined ? range : `${range} · dtui uses ${engine.apiInUse}`;
}

/** `docker info`, reduced to what a person checks: versions, platform, drivers, size, counts, swarm, warnings. */
export function infoLines(info: DaemonInfo, engine?: EngineInfo): Line[] {
	const field = (name: string, value: string, color?: string): Line => [{text: padEnd(name, 14), color: theme.accent}, {text: value === '' ? '-' : value, color}];
	const lines: Line[] = [
		field('Engine', `${engine?.engine ?? 'Docker Engine'} ${info.serverVersion}`),
		field('API version', apiText(engine)),
		field('Name', info.name),
		field('OS', `${info.operatingSystem} (${info.osType}/${info.architecture})`),
		field('Kernel', info.kernelVersion),
		field('Storage', `${info.storageDriver} · root ${info.rootDir}`),
		field('Cgroup', `${info.cgroupDriver}${info.cgroupVersion ? ` (v${info.cgroupVersion})` : ''}`),
		field('Logging', info.loggingDriver),
		field('CPUs', String(info.cpus)),
		field('Memory', formatBytes(info.memoryBytes)),
		field('Containers', `${info.containers} (${info.running} running, ${info.paused} paused, ${info.stopped} stopped)`),
		field('Images', String(info.images)),
		field('Swarm', info.swarm, info.swarm === 'active' ? 'green' : undefined),
	];
	if (info.warnings.length === 0) return [...lines, field('Warnings', 'none')];
	return [...lines, field('Warnings', String(info.warnings.length), 'yellow'), ...info.warnings.map(warning => [{text: `  ${warning}`, color: 'yellow'}])];
}

/** The daemon as a whole; refreshed as containers and images come and go. */
export function InfoView({route, engine, monitor, dispatch, width, height}: Props) {
	const fetched = useFetched(async signal => engine.info(signal), 'info', monitor, ['container', 'image']);
	const connection = useConnection(monitor);
	const engineInfo = connection.state === 'connecting' ? undefined : connection.info;
	const lines = useMemo(() => (fetched.value ? infoLines(fetched.value, engineInfo) : []), [fetched.value, engineInfo]);
	const page = Math.max(1, height - 1);
	const {top, scroll} = useScroll(lines.length, page);

	function run(command: Command) {
		if (scroll(command)) return;
		if (command === 'view.back') dispatch({type: 'navigate', route: route.back});
	}

	useScreenKeys({scopes: ['view'], run});

	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent} wrap="truncate">{truncate(`Daemon at ${engine.host}`, width)}</Text>
			{fetched.value === undefined ? (
				<Text color={fetched.error ? theme.error : theme.muted}>{truncate(fetched.error ? `Cannot read the daemon's info: ${fetched.error}` : 'Loading…', width)}</Text>
			) : (
				<ScrollText lines={lines} top={top} height={page} width={width} />
			)}
		</Box>
	);
}
