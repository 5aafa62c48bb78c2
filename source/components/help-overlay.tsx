import React from 'react';
import {Box, Text} from 'ink';
import type {Binding, Scope} from '../keymap/keymap.js';
import {formatKeys} from '../keymap/match.js';
import {padEnd, truncate} from '../text/cell-width.js';
import {theme} from './theme.js';

const scopeTitles: Record<Scope, string> = {
	global: 'Everywhere',
	list: 'Lists',
	containers: 'Containers',
	container: 'A container',
	objects: 'Images, networks, volumes',
	images: 'Images',
	events: 'Events',
	view: 'Scrolling',
	inspect: 'Inspect',
	detail: 'Container details',
	logs: 'Logs',
	top: 'Top (containers by CPU / memory)',
	contexts: 'Contexts',
	dialog: 'Dialogs',
	help: 'Help',
};

/** The lines of help for the given scopes, generated from the keymap (never written by hand). */
export function helpLines(bindings: readonly Binding[], scopes: readonly Scope[]): Array<{text: string; title: boolean}> {
	const lines: Array<{text: string; title: boolean}> = [];
	for (const scope of scopes) {
		const inScope = bindings.filter(binding => binding.scope === scope);
		if (inScope.length === 0) continue;
		lines.push({text: scopeTitles[scope], title: true});
		for (const binding of inScope) lines.push({text: `  ${padEnd(formatKeys(binding.keys), 16)} ${binding.description}`, title: false});
	}

	return lines;
}

export function HelpOverlay({bindings, scopes, height, width, scroll}: {bindings: readonly Binding[]; scopes: readonly Scope[]; height: number; width: number; scroll: number}) {
	const lines = helpLines(bindings, scopes);
	const top = Math.min(scroll, Math.max(0, lines.length - (height - 1)));
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent}>Keys (esc closes, j/k scroll)</Text>
			{lines.slice(top, top + height - 1).map((line, index) => (
				<Text key={`${top + index}`} bold={line.title} wrap="truncate">{truncate(line.text, width)}</Text>
			))}
		</Box>
	);
}
