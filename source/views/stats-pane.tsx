import React from 'react';
import {Box, Text} from 'ink';
import type {Engine} from '../engine/engine.js';
import type {Monitor} from '../engine/monitor.js';
import {useStats} from '../hooks/use-stats.js';
import {Sparkline} from '../components/sparkline.js';
import {formatBytes} from '../text/format.js';
import {formatBinaryBytes, formatPercent, formatRate} from '../text/stats-format.js';
import {padEnd, truncate} from '../text/cell-width.js';
import {theme} from '../components/theme.js';

const labelWidth = 11;
const figureWidth = 36;

function Row({label, figure, children, width}: {label: string; figure: string; children?: React.ReactNode; width: number}) {
	return (
		<Box>
			<Text bold>{padEnd(label, labelWidth)}</Text>
			<Text>{padEnd(figure, Math.min(figureWidth, Math.max(0, width - labelWidth)))}</Text>
			{children}
		</Box>
	);
}

/**
 * Live resource use of one container, as `docker stats` computes it, with the last
 * minute of CPU and memory as sparklines. The stream is open only while this is shown.
 */
export function StatsPane({engine, monitor, id, width, height}: {engine: Engine; monitor?: Monitor; id: string; width: number; height: number}) {
	const stats = useStats(engine, id, monitor);
	const {latest, rates} = stats;
	const spark = Math.max(0, Math.min(60, width - labelWidth - figureWidth - 1));
	if (!latest) {
		const text = stats.error ? `Cannot read stats: ${stats.error}` : stats.ended ? 'No stats: the container is not running' : 'Waiting for the first reading…';
		return (
			<Box height={height}>
				<Text color={stats.error ? theme.error : theme.muted}>{truncate(text, width)}</Text>
			</Box>
		);
	}

	const cpuMax = Math.max(100, (latest.onlineCpus || 1) * 100);
	const memory = `${formatBinaryBytes(latest.memoryUsage)} / ${latest.memoryLimit > 0 ? formatBinaryBytes(latest.memoryLimit) : '-'} (${formatPercent(latest.memoryPercent)})`;
	return (
		<Box flexDirection="column" height={height}>
			<Row label="CPU" figure={`${formatPercent(latest.cpuPercent)} of ${cpuMax}%`} width={width}>
				<Sparkline values={stats.cpu} width={spark} max={cpuMax} color={theme.accent} />
			</Row>
			<Row label="MEMORY" figure={memory} width={width}>
				<Sparkline values={stats.memory} width={spark} max={latest.memoryLimit > 0 ? latest.memoryLimit : undefined} color={theme.mark} />
			</Row>
			<Row label="NET I/O" figure={`${formatRate(rates?.networkRx)} in · ${formatRate(rates?.networkTx)} out`} width={width}>
				<Text color={theme.muted}>{truncate(`total ${formatBytes(latest.networkRx)} / ${formatBytes(latest.networkTx)}`, spark)}</Text>
			</Row>
			<Row label="BLOCK I/O" figure={`${formatRate(rates?.blockRead)} read · ${formatRate(rates?.blockWrite)} written`} width={width}>
				<Text color={theme.muted}>{truncate(`total ${formatBytes(latest.blockRead)} / ${formatBytes(latest.blockWrite)}`, spark)}</Text>
			</Row>
			<Row label="PIDS" figure={latest.pids === undefined ? '-' : String(latest.pids)} width={width} />
			<Text color={theme.muted}>{truncate(stats.error ? `Interrupted (${stats.error}): these are the last figures; they resume when the daemon answers.` : stats.ended ? 'The container stopped: these are its last figures.' : 'Sparklines: the last minute, one reading a second.', width)}</Text>
		</Box>
	);
}
