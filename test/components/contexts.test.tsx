import {after, test} from 'node:test';
import assert from 'node:assert/strict';
import type {ContextSwitcher} from '../../source/state/context-switcher.js';
import {fakeContainer} from '../fakes/fake-engine.js';
import {keys, lineWith, renderApp, type RenderedApp} from '../helpers/render-app.js';

const opened: RenderedApp[] = [];
after(() => {
	for (const app of opened) app.unmount();
});

function switcher(fail?: string) {
	const asked: string[] = [];
	const contexts: ContextSwitcher = {
		list: () => [
			{name: 'default', description: 'Current DOCKER_HOST based configuration', endpoint: 'unix:///var/run/docker.sock', current: false},
			{name: 'prod', description: 'the big one', endpoint: 'ssh://ops@prod', current: true},
			{name: 'broken', description: '', endpoint: '', current: false, error: 'malformed meta.json'},
		],
		async switchTo(name) {
			asked.push(name);
			if (fail) throw new Error(fail);
		},
	};
	return {contexts, asked};
}

test(':ctx lists the contexts with the one in use marked; enter switches to another', async () => {
	const {contexts, asked} = switcher();
	const app = await renderApp([fakeContainer({name: 'web', state: 'running'})], {contexts});
	opened.push(app);
	await app.press(':', ...'ctx', keys.enter);
	const screen = await app.waitFor('Contexts · 3');
	assert.match(lineWith(screen, 'prod')!, /^› +prod \* +the big one +ssh:\/\/ops@prod/);
	assert.match(lineWith(screen, 'broken')!, /broken +malformed meta\.json/);
	await app.press('k', keys.enter);
	await app.waitFor('Switching to context default…');
	assert.deepEqual(asked, ['default']);
});

test(':ctx NAME switches at once; a context that fails says why in one line and nothing changes', async () => {
	const {contexts, asked} = switcher('cannot connect to the Docker daemon at unix:///nope.sock: no such socket (is dockerd running?)');
	const app = await renderApp([fakeContainer({name: 'web', state: 'running'})], {contexts, columns: 160});
	opened.push(app);
	await app.press(':', ...'ctx nope', keys.enter);
	await app.waitFor('context nope: cannot connect to the Docker daemon at unix:///nope.sock: no such socket (is dockerd running?)');
	assert.deepEqual(asked, ['nope']);
	assert.ok(app.screen().includes('web'));
});

test('esc leaves the contexts screen for where it was opened', async () => {
	const {contexts} = switcher();
	const app = await renderApp([fakeContainer({name: 'web', state: 'running'})], {contexts});
	opened.push(app);
	await app.press(':', ...'ctx', keys.enter);
	await app.waitFor('Contexts · 3');
	await app.press(keys.escape);
	await app.waitFor('Containers (all)');
});
