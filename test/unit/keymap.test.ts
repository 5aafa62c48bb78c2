import {test} from 'node:test';
import assert from 'node:assert/strict';
import {activeBindings, keymap, listScopes, scopeChain} from '../../source/keymap/keymap.js';
import {lookup} from '../../source/keymap/match.js';
import {containers} from '../../source/views/containers.js';
import {descriptors} from '../../source/views/registry.js';
import {detailTabs} from '../../source/views/container-detail.js';
import type {Binding} from '../../source/keymap/keymap.js';

const containersChain = scopeChain('none', listScopes('containers'));
const chains = [
	containersChain,
	...(['images', 'objects', 'events'] as const).map(scope => scopeChain('none', listScopes(scope))),
	scopeChain('none', ['inspect', 'view']),
	scopeChain('none', ['view']),
	scopeChain('dialog', []),
	scopeChain('help', []),
	// A container's screen, each tab; interleaved logs; :top.
	...detailTabs.map(tab => scopeChain('none', [...tab.scopes, 'detail', 'container'])),
	scopeChain('none', ['logs', 'view']),
	scopeChain('none', ['top', 'view', 'container']),
];

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
		const owner = new Map<string, Binding>();
		for (const binding of keymap.filter(binding => chain.includes(binding.scope)) as Binding[]) {
			for (const key of binding.keys) {
				const other = owner.get(key);
				// The one exception, declared where it happens: the log presets 1–4 over the global 1–4.
				const declared = other !== undefined && ((other.scope === 'global' && binding.shadowsGlobal) || (binding.scope === 'global' && other.shadowsGlobal));
				assert.ok(other === undefined || declared, `${key} is bound to both ${other?.command} and ${binding.command} in ${chain.join(' > ')}`);
				if (!declared) owner.set(key, binding);
			}
		}
	}
});

test('every mutating command of the containers scope has an action in the descriptor', () => {
	for (const binding of keymap.filter(binding => binding.scope === 'containers' && 'mutates' in binding && binding.mutates)) {
		assert.ok(binding.command in containers.actions, binding.command);
	}
});

test('images, networks and volumes implement every command of the objects scope; every action and opener has a key', () => {
	for (const descriptor of [descriptors.images, descriptors.networks, descriptors.volumes]) {
		for (const binding of keymap.filter(binding => binding.scope === 'objects')) {
			assert.ok(binding.command in descriptor.actions, `${descriptor.kind}: ${binding.command}`);
		}
	}

	for (const descriptor of Object.values(descriptors)) {
		const scopes = listScopes(descriptor.scope);

		for (const command of [...Object.keys(descriptor.actions), ...Object.keys(descriptor.opens ?? {})]) {
			assert.ok(keymap.some(binding => binding.command === command && scopes.includes(binding.scope)), `${descriptor.kind}: ${command} has no key in its scopes`);
		}
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

test('a shadowing binding wins on its screen only; only global keys can be shadowed', () => {
	const bindings = activeBindings({readOnly: false});
	assert.equal(lookup(bindings, scopeChain('none', ['logs', 'view', 'detail', 'container']), '2'), 'logs.since5m');
	assert.equal(lookup(bindings, containersChain, '2'), 'app.images');
	for (const binding of keymap as readonly Binding[]) {
		if (!binding.shadowsGlobal) continue;
		assert.ok(binding.keys.every(key => keymap.some(other => other.scope === 'global' && (other.keys as readonly string[]).includes(key))), `${binding.command} shadows nothing`);
	}
});

test('inside a container: exec and attach mutate (gone in read-only mode); logs, stats, inspect and top stay', () => {
	const detailChain = scopeChain('none', ['logs', 'view', 'detail', 'container']);
	const readOnly = activeBindings({readOnly: true});
	assert.equal(lookup(readOnly, detailChain, 'e'), undefined);
	assert.equal(lookup(readOnly, containersChain, 'a'), undefined);
	assert.equal(lookup(readOnly, containersChain, 'l'), 'container.logs');
	assert.equal(lookup(readOnly, detailChain, 'ctrl+s'), 'logs.save');
	assert.equal(lookup(activeBindings({readOnly: false}), containersChain, 'e'), 'container.exec');
	// The list opens them for the selected row.
	for (const command of ['container.open', 'container.logs', 'list.inspect', 'container.exec', 'container.attach'] as const) assert.ok(containers.opens?.[command], command);
	assert.ok(containers.opensMany?.['container.logs']);
});
