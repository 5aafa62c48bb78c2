import React from 'react';
import {Box, Text} from 'ink';
import type {ConnectionStatus} from '../engine/monitor.js';
import type {HostState} from '../hooks/use-fleet-hosts.js';
import {displayWidth, truncate} from '../text/cell-width.js';
import {theme} from '../components/theme.js';
import {headerText, hostText} from '../components/header-text.js';

type Props = {
	readonly host: string;
	readonly status: ConnectionStatus;
	readonly counts?: {readonly running: number; readonly total: number};
	readonly readOnly: boolean;
	readonly width: number;
	/** A fleet's hosts, each with its own state (its line replaces the banner). */
	readonly hosts?: readonly HostState[];
};

const hostColor = {connected: 'green', connecting: theme.busy, disconnected: theme.error} as const;

/** The hosts of a fleet on one line, each in the colour of its state; what does not fit is cut. */
function HostsLine({hosts, width}: {readonly hosts: readonly HostState[]; readonly width: number}) {
	let room = width;
	const parts = hosts.map((host, index) => {
		const text = truncate(`${index > 0 ? ' · ' : ''}${hostText(host)}`, Math.max(0, room));
		room -= displayWidth(text);
		return {text, color: hostColor[host.status.state]};
	});
	return (
		<Text wrap="truncate">
			{parts.map((part, index) => <Text key={index} color={part.color}>{part.text}</Text>)}
		</Text>
	);
}

/** Which daemon, which engine, how many running; and a banner while it does not answer. */
export function Header({host, status, counts, readOnly, width, hosts}: Props) {
	const line = headerText(host, hosts ? undefined : status, counts, readOnly);
	return (
		<Box flexDirection="column">
			<Text color={theme.accent} wrap="truncate">{truncate(line, width)}</Text>
			{hosts ? <HostsLine hosts={hosts} width={width} /> : status.state === 'disconnected' ? (
				<Text backgroundColor={theme.error} color="white" bold wrap="truncate">
					{truncate(` ✖ Daemon unreachable: ${status.reason} — reconnecting…`, width)}
				</Text>
			) : null}
		</Box>
	);
}
