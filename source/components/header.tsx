import React from 'react';
import {Box, Text} from 'ink';
import type {ConnectionStatus} from '../docker/monitor.js';
import {truncate} from '../sanitize.js';
import {theme} from '../theme.js';
import {headerText} from './header-text.js';

type Props = {
	readonly host: string;
	readonly status: ConnectionStatus;
	readonly counts?: {readonly running: number; readonly total: number};
	readonly readOnly: boolean;
	readonly width: number;
};

/** Which daemon, which engine, how many running; and a banner while it does not answer. */
export function Header({host, status, counts, readOnly, width}: Props) {
	const line = headerText(host, status, counts, readOnly);
	return (
		<Box flexDirection="column">
			<Text color={theme.accent} wrap="truncate">{truncate(line, width)}</Text>
			{status.state === 'disconnected' ? (
				<Text backgroundColor={theme.error} color="white" bold wrap="truncate">
					{truncate(` ✖ Daemon unreachable: ${status.reason} — reconnecting…`, width)}
				</Text>
			) : null}
		</Box>
	);
}
