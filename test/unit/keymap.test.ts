import {test} from 'node:test';
import assert from 'node:assert/strict';
import {activeBindings, keymap, listScopes, scopeChain} from '../../source/keymap/keymap.js';
import {lookup} from '../../source/keymap/match.js';
import {containers} from '../../source/views/containers.js';

const containersChain = scopeChain('none', listScopes('containers'));
const chains = [containersChain, scopeChain('dialog', []), scopeChain('help', [])];

test('every command is described, once', () => {
	const seen = new Set<string>();
	for (const binding of keymap) {
		assert.ok(binding.description.trim().length > 0, binding.command);
		assert.ok(binding.keys.length > 0, binding.command);
		assert.ok(!seen.has(binding.command), `${binding.command} bound twice`);
		seen.add(binding.command);
	}
});

test('no key is bound twice within one scope chain', () => {
	for (const chain of chains) {
		const owner = new Map<string, string>();
		for (const binding of keymap.filter(binding => chain.includes(binding.scope))) {
			for (const key of binding.keys) {
				assert.ok(!owner.has(key), `${key} is bound to both ${owner.get(key)} and ${binding.command} in ${chain.join(' > ')}`);
				owner.set(key, binding.command);
			}
		}
	}
});

test('every mutating command of the containers scope has an action in the descriptor', () => {
	for (const binding of keymap.filter(binding => binding.scope === 'containers' && 'mutates' in binding && binding.mutates)) {
		assert.ok(binding.command in containers.actions, binding.command);
	}
});

test('read-only mode drops every mutating binding and keeps the rest', () => {
	const readOnly = activeBindings({readOnly: true});
	assert.equal(lookup(readOnly, containersChain, 's'), undefined);
	assert.equal(lookup(readOnly, containersChain, 'D'), undefined);
	assert.equal(lookup(readOnly, containersChain, 'j'), 'list.down');
	assert.equal(lookup(activeBindings({readOnly: false}), containersChain, 'D'), 'container.remove');
	assert.ok(readOnly.every(binding => !('mutates' in binding && binding.mutates)));
});

test('lookup takes the most specific scope first and ignores other scopes', () => {
	const bindings = activeBindings({readOnly: false});
	assert.equal(lookup(bindings, scopeChain('dialog', []), 'y'), 'dialog.confirm');
	assert.equal(lookup(bindings, scopeChain('dialog', []), 'esc'), 'dialog.cancel');
	assert.equal(lookup(bindings, scopeChain('dialog', []), 's'), undefined);
	assert.equal(lookup(bindings, containersChain, 'y'), undefined);
	assert.equal(lookup(bindings, scopeChain('help', []), 'q'), 'help.close');
});
