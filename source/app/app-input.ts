// Where a key goes: text prompts (filter, command line) take printable keys
// themselves; everything else is looked up in the keymap for the open overlay.
import type {Key} from 'ink';
import type {AppAction, AppState} from '../state/app-state.js';
import {scopeChain, type Binding, type Command, type Scope} from '../keymap/keymap.js';
import {keyName, lookup} from '../keymap/match.js';

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

/** One character of a run, as the key Ink would have reported had it come alone. */
function singleKey(character: string, base: Key): {input: string; key: Key} {
	const blank: Key = {...base, ctrl: false, shift: false, meta: false, return: false, tab: false, backspace: false, delete: false, escape: false};
	if (character === '\r' || character === '\n') return {input: '\r', key: {...blank, return: true}};
	if (character === '\t') return {input: '\t', key: {...blank, tab: true}};
	if (character === '\u007F' || character === '\b') return {input: '', key: {...blank, backspace: true}};
	const code = character.codePointAt(0)!;
	if (code >= 1 && code <= 26) return {input: String.fromCodePoint(code + 96), key: {...blank, ctrl: true}};
	return {input: character, key: {...blank, shift: character !== character.toLowerCase()}};
}

/**
 * Ink delivers characters that arrived together (a fast typist over SSH, a paste,
 * tmux send-keys: "/web" then Enter) as one input; escape sequences it splits
 * itself. Split the rest so each character is a key of its own.
 */
export function splitKeys(input: string, key: Key): Array<{input: string; key: Key}> {
	if (input.length <= 1 || key.meta || input.startsWith('\u001B')) return [{input, key}];
	return [...input].filter(character => !/^[\u0000\u001B\u001C-\u001F]$/.test(character)).map(character => singleKey(character, key));
}

export function routeKey(state: AppState, screenScopes: readonly Scope[], bindings: readonly Binding[], input: string, key: Key): KeyOutcome {
	const name = keyName(input, key);
	if (name === 'ctrl+c') return {kind: 'quit'};
	const {overlay} = state;

	if (overlay.kind === 'filter' && state.route.screen === 'list') {
		const list = state.lists[state.route.kind];
		if (name === 'enter') return {kind: 'dispatch', action: {type: 'close'}};
		if (name === 'esc') return {kind: 'dispatch', action: {type: 'clearFilterAndClose'}};
		const filter = edit(list.filter, input, key, name);
		return filter === undefined ? none : {kind: 'dispatch', action: {type: 'setFilter', filter}};
	}

	// A screen's own search (inspect, logs) is typed like a list's filter.
	if (overlay.kind === 'filter' && 'search' in state.route) {
		if (name === 'enter') return {kind: 'dispatch', action: {type: 'close'}};
		if (name === 'esc') return {kind: 'dispatch', action: {type: 'clearFilterAndClose'}};
		const search = edit(state.route.search, input, key, name);
		return search === undefined ? none : {kind: 'dispatch', action: {type: 'setSearch', search}};
	}

	if (overlay.kind === 'command') {
		if (name === 'enter') return {kind: 'submitCommandLine', line: overlay.draft};
		if (name === 'esc') return {kind: 'dispatch', action: {type: 'close'}};
		const draft = edit(overlay.draft, input, key, name);
		return draft === undefined ? none : {kind: 'dispatch', action: {type: 'commandDraft', draft}};
	}

	if (name === undefined) return none;
	const chain = scopeChain(overlay.kind === 'confirm' ? 'dialog' : overlay.kind === 'help' ? 'help' : 'none', screenScopes);
	const command = lookup(bindings, chain, name);
	return command ? {kind: 'command', command} : none;
}
