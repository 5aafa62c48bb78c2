import React, {useMemo, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import type {StatsSample} from '../engine/container-io.js';
import type {ContainerSummary} from '../engine/engine.js';
import type {Command} from '../keymap/keymap.js';
import {useContainerOptions} from '../hooks/container-options.js';
import {useResourceList} from '../hooks/use-resource-list.js';
import {useSampledStats} from '../hooks/use-sampled-stats.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {formatBytes} from '../text/format.js';
import {formatBinaryBytes, formatPercent} from '../text/stats-format.js';
import {padEnd, padStart, truncate} from '../text/cell-width.js';
import {theme} from '../components/theme.js';
import {containers} from './containers.js';
import type {RouteScreenProps} from './screen-props.js';
import {nameOnHost} from '../fleet/fleet.js';

type Props = RouteScreenProps<'top'>;

type SortBy = 'cpu' | 'memory';

const figure = (sample: StatsSample | undefined, by: SortBy) => (sample === undefined ? -1 : by === 'cpu' ? sample.cpuPercent ?? 0 : sample.memoryUsage);

/** Running containers, busiest first (CPU or memory), with live figures for the rows on screen. */
export function TopView({route, engine, monitor, dispatch, current, width, height}: Props) {
	const options = useContainerOptions();
	const list = useResourceList(containers, engine, monitor);
	const [sortBy, setSortBy] = useState<SortBy>('cpu');
	const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
	const page = Math.max(1, height - 2);
	const running = useMemo(() => list.items.filter(item => item.state === 'running'), [list.items]);
	const shownIds = useRef<readonly string[]>([]);
	const samples = useSampledStats(engine, () => shownIds.current, running.map(item => item.id), options.refreshMs);
	const rows = [...running].sort((a, b) => figure(samples.get(b.id), sortBy) - figure(samples.get(a.id), sortBy) || a.name.localeCompare(b.name));
	const found = rows.findIndex(item => item.id === selectedId);
	const cursor = found === -1 ? 0 : found;
	const scrollTop = Math.max(0, Math.min(cursor - Math.floor(page / 2), rows.length - page));
	const visible = rows.slice(scrollTop, scrollTop + page);
	shownIds.current = visible.map(item => item.id);
	const latest = useRef({rows, cursor});
	latest.current = {rows, cursor};

	function selected(): ContainerSummary | undefined {
		return latest.current.rows[latest.current.cursor];
	}

	function move(to: number) {
		const {rows: now} = latest.current;
		const target = now[Math.max(0, Math.min(now.length - 1, to))];
		if (target) setSelectedId(target.id);
	}

	function run(command: Command) {
		const at = latest.current.cursor;
		const item = selected();
		const here = current().route;
		switch (command) {
			case 'view.down': move(at + 1); break;
			case 'view.up': move(at - 1); break;
			case 'view.pageDown': move(at + page); break;
			case 'view.pageUp': move(at - page); break;
			case 'view.top': move(0); break;
			case 'view.bottom': move(latest.current.rows.length - 1); break;
			case 'top.sortCpu': setSortBy('cpu'); break;
			case 'top.sortMemory': setSortBy('memory'); break;
			case 'view.back': dispatch({type: 'navigate', route: route.back}); break;
			case 'top.open':
				if (item) dispatch({type: 'navigate', route: {screen: 'container', container: {id: item.id, name: item.name}, tab: 'stats', search: '', back: here}});
				break;
			case 'container.exec':
			case 'container.attach':
				if (item) dispatch({type: 'navigate', route: {screen: 'session', mode: command === 'container.exec' ? 'exec' : 'attach', container: {id: item.id, name: item.name}, back: here}});
				break;
			default: break;
		}
	}

	useScreenKeys({scopes: ['top', 'view', 'container'], run});

	// The rest of the row after the figures and the two-cell cursor.
	const nameWidth = Math.max(12, width - 2 - 9 - 24 - 9 - 21 - 6);
	const cells = (name: string, cpu: string, memory: string, percent: string, net: string, pids: string) =>
		`${padEnd(name, nameWidth)}${padStart(cpu, 9)}${padStart(memory, 24)}${padStart(percent, 9)}${padStart(net, 21)}${padStart(pids, 6)}`;
	const title = `Top · ${rows.length} running · by ${sortBy === 'cpu' ? 'CPU' : 'memory'} (c / m) · figures every ${options.refreshMs / 1000} s for the rows on screen`;
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent} wrap="truncate">{truncate(title, width)}</Text>
			<Text bold wrap="truncate">{truncate(`  ${cells('NAME', 'CPU %', 'MEM USAGE / LIMIT', 'MEM %', 'NET I/O', 'PIDS')}`, width)}</Text>
			{rows.length === 0 ? <Text color={theme.muted}>{list.loaded ? 'No running containers' : 'Loading…'}</Text> : null}
			{visible.map(item => {
				const sample = samples.get(item.id);
				const memory = sample ? `${formatBinaryBytes(sample.memoryUsage)} / ${formatBinaryBytes(sample.memoryLimit)}` : '';
				const net = sample ? `${formatBytes(sample.networkRx)} / ${formatBytes(sample.networkTx)}` : '';
				const text = cells(nameOnHost(engine, item.id, item.name), sample ? formatPercent(sample.cpuPercent) : '…', memory, sample ? formatPercent(sample.memoryPercent) : '', net, sample?.pids === undefined ? '' : String(sample.pids));
				const isSelected = item.id === rows[cursor]?.id;
				return (
					<Text key={item.id} inverse={isSelected} wrap="truncate">{truncate(`${isSelected ? '›' : ' '} ${text}`, width)}</Text>
				);
			})}
		</Box>
	);
}
