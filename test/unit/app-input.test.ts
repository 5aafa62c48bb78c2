import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Key} from 'ink';
import {routeKey, splitKeys} from '../../source/app/app-input.js';
import {initialState, reducer} from '../../source/state/app-state.js';
import {activeBindings, listScopes} from '../../source/keymap/keymap.js';
import {keyName} from '../../source/keymap/match.js';

const plain: Key = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false} as Key;

test('a run of characters that arrived together becomes one key each, Enter and ctrl keys included', () => {
	const names = splitKeys('/web\r', plain).map(one => keyName(one.input, one.key));
	assert.deepEqual(names, ['/', 'w', 'e', 'b', 'enter']);
	assert.deepEqual(splitKeys('jG\u0003\u007F', plain).map(one => keyName(one.input, one.key)), ['j', 'G', 'ctrl+c', 'backspace']);
	assert.deepEqual(splitKeys('j', plain), [{input: 'j', key: plain}]);
});

test('keys typed into the filter land in the filter, in order, whatever arrives together', () => {
	const bindings = activeBindings({readOnly: false});
	let state = initialState;
	const commands: string[] = [];
	for (const one of splitKeys('/web\rs', plain)) {
		const outcome = routeKey(state, listScopes('containers'), bindings, one.input, one.key);
		if (outcome.kind === 'dispatch') state = reducer(state, outcome.action);
		if (outcome.kind === 'command') commands.push(outcome.command);
		if (outcome.kind === 'command' && outcome.command === 'list.filter') state = reducer(state, {type: 'open', overlay: {kind: 'filter'}});
	}

	assert.deepEqual(commands, ['list.filter', 'container.startStop'], 's after Enter is a command again');
	assert.equal(state.lists.containers.filter, 'web');
	assert.equal(state.overlay.kind, 'none');
});

test('in read-only mode a mutating key routes to nothing', () => {
	assert.deepEqual(routeKey(initialState, listScopes('containers'), activeBindings({readOnly: true}), 'D', {...plain, shift: true}), {kind: 'none'});
	assert.deepEqual(routeKey(initialState, listScopes('containers'), activeBindings({readOnly: false}), 'D', {...plain, shift: true}), {kind: 'command', command: 'container.remove'});
});
