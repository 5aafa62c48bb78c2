import React from 'react';
import {Box, Text} from 'ink';
import type {Flash} from '../state/app-state.js';
import type {Binding} from '../keymap/keymap.js';
import {formatKeys} from '../keymap/match.js';
import {truncate} from '../text/cell-width.js';
import {theme} from '../components/theme.js';

type Props = {
	readonly flash?: Flash;
	/** A prompt being typed (filter or command line) replaces the hints. */
	readonly prompt?: {readonly label: string; readonly text: string};
	/** A function is read while the bar renders, after the screen has said which keys it takes. */
	readonly hints: readonly Binding[] | (() => readonly Binding[]);
	readonly width: number;
};

const flashColor = {info: theme.info, busy: theme.busy, error: theme.error} as const;

/** The last two lines: how the last action went, then the hints (or the prompt being typed). */
export function StatusBar({flash, prompt, hints, width}: Props) {
	const hintText = (typeof hints === 'function' ? hints() : hints).map(binding => `${formatKeys(binding.keys.slice(0, 1))} ${binding.description.toLowerCase()}`).join('  ');
	return (
		<Box flexDirection="column">
			<Text color={flash ? flashColor[flash.tone] : undefined} wrap="truncate">{flash ? truncate(flash.text, width) : ' '}</Text>
			{prompt ? (
				<Text wrap="truncate">
					<Text color={theme.accent}>{prompt.label}</Text>
					{truncate(prompt.text, width - prompt.label.length - 1)}
					<Text inverse> </Text>
				</Text>
			) : (
				<Text color={theme.muted} wrap="truncate">{truncate(hintText, width)}</Text>
			)}
		</Box>
	);
}
