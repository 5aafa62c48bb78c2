import React from 'react';
import {Box, Text} from 'ink';
import type {ConfirmRequest} from '../state/app-state.js';
import {truncate} from '../text/cell-width.js';
import {theme} from '../components/theme.js';

/** Lines the dialog takes, borders included, so the table can make room for it. */
export function confirmHeight(request: ConfirmRequest): number {
	return 2 + 1 + request.details.length + (request.offersForce ? 1 : 0) + 1;
}

/** A destructive action asks first; the default answer is no. */
export function ConfirmDialog({request, width}: {request: ConfirmRequest; width: number}) {
	const inner = Math.max(10, width - 4);
	return (
		<Box flexDirection="column" borderStyle="round" borderColor={theme.error} paddingX={1} width={width}>
			<Text bold wrap="truncate">{truncate(request.question, inner)}</Text>
			{request.details.map(line => (
				<Text key={line} wrap="truncate">{truncate(line, inner)}</Text>
			))}
			{request.offersForce ? (
				<Text color={request.force ? theme.error : theme.muted} wrap="truncate">
					{truncate(`f force: ${request.force ? `ON — ${request.forceMeaning ?? 'running containers are killed and removed'}` : 'off'}`, inner)}
				</Text>
			) : null}
			<Text wrap="truncate">
				<Text bold color={theme.error}>y</Text> yes   <Text bold>n</Text>/<Text bold>esc</Text> no (default)
			</Text>
		</Box>
	);
}
