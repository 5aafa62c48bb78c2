// Where a key goes: text prompts (filter, command line) take printable keys
// themselves; everything else is looked up in the keymap for the open overlay.
import type {Key} from 'ink';
import type {AppAction, AppState} from './app-state.js';
import {scopeChain, type Binding, type Command, type ResourceScope} from './keymap/keymap.js';
import {keyName, lookup} from './keymap/match.js';

export type KeyOutcome =
	| {readonly kind: 'dispatch'; readonly action: AppAction}
	| {readonly kind: 'command'; readonly command: Command}
	| {readonly kind: 'submitCommandLine'; readonly line: string}
	| {readonly kind: 'quit'}
	| {readonly kind: 'none'};

const none: KeyOutcome = {kind: 'none'};

/** Editing a one-line prompt: text typed, backspace, or undefined when the key is not text. */
function edit(text: string, input: string, key: Key, name: string | undefined): string | undefined {
	if (name === 'backspace') return text.slice(0, -1);
	if (name === 'space') return `${text} `;
	if (key.ctrl || key.meta || name === undefined || name.length !== 1 || input.length === 0) return undefined;
	return text + input;
}

/**
 * Ink delivers a run of plain characters that arrived together (a fast typist over
 * SSH, a paste, tmux send-keys) as one input: split it so each is a key of its own.
 */
export function splitKeys(input: string, key: Key): Array<{input: string; key: Key}> {
	// eslint-disable-next-line no-control-regex
	if (input.length <= 1 || key.ctrl || key.meta || /[\u0000-\u001F\u007F]/.test(input)) return [{input, key}];
	return [...input].map(character => ({input: character, key: {...key, shift: character !== character.toLowerCase()}}));
}

export function routeKey(state: AppState, scope: ResourceScope, bindings: readonly Binding[], input: string, key: Key): KeyOutcome {
	const name = keyName(input, key);
	if (name === 'ctrl+c') return {kind: 'quit'};
	const {overlay} = state;
	const list = state.lists[state.view];

	if (overlay.kind === 'filter') {
		if (name === 'enter') return {kind: 'dispatch', action: {type: 'close'}};
		if (name === 'esc') return {kind: 'dispatch', action: {type: 'clearFilterAndClose'}};
		const filter = edit(list.filter, input, key, name);
		return filter === undefined ? none : {kind: 'dispatch', action: {type: 'setFilter', filter}};
	}

	if (overlay.kind === 'command') {
		if (name === 'enter') return {kind: 'submitCommandLine', line: overlay.draft};
		if (name === 'esc') return {kind: 'dispatch', action: {type: 'close'}};
		const draft = edit(overlay.draft, input, key, name);
		return draft === undefined ? none : {kind: 'dispatch', action: {type: 'commandDraft', draft}};
	}

	if (name === undefined) return none;
	const chain = scopeChain(overlay.kind === 'confirm' ? 'dialog' : overlay.kind === 'help' ? 'help' : scope);
	const command = lookup(bindings, chain, name);
	return command ? {kind: 'command', command} : none;
}
