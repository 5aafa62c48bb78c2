import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createFakeEngine, fakeContainer} from '../fakes/fake-engine.js';
import type {ContainerSummary} from '../../source/engine/engine.js';
import {keys, lineWith, renderApp, type RenderedApp} from '../helpers/render-app.js';

const project = (name: string, service: string) => ({'com.docker.compose.project': name, 'com.docker.compose.service': service});

function seed(): ContainerSummary[] {
	return [
		fakeContainer({id: 'a'.repeat(64), name: 'shop-web-1', state: 'running', labels: project('shop', 'web')}),
		fakeContainer({id: 'b'.repeat(64), name: 'shop-db-1', state: 'exited', labels: project('shop', 'db')}),
		fakeContainer({id: 'c'.repeat(64), name: 'blog-app-1', state: 'exited', labels: project('blog', 'app')}),
		fakeContainer({id: 'd'.repeat(64), name: 'loner', state: 'running'}),
	];
}

const opened: RenderedApp[] = [];
async function open(readOnly = false) {
	const containers = seed();
	const app = await renderApp(containers, {fake: createFakeEngine({containers}), columns: 120, rows: 24, readOnly});
	opened.push(app);
	await app.waitFor('▾ shop');
	// Running first, then by name: loner, then shop (where shop-web-1 sorts), then blog.
	await app.press('j');
	await app.waitFor(/› +▾ shop/);
	return app;
}

after(() => {
	for (const app of opened) app.unmount();
});

const callsOf = (app: RenderedApp, method: string) => app.fake.calls.filter(call => call.method === method).map(call => call.args);

describe('compose projects in the containers list', () => {
	test('containers of a project sit under a project row with running / total; others as before', async () => {
		const app = await open();
		const screen = app.screen();
		assert.match(lineWith(screen, '▾ shop')!, /▾ shop\s+2 services\s+1\/2\s+compose project · 1 running \/ 2 total/);
		assert.match(lineWith(screen, '▾ blog')!, /▾ blog\s+1 service\s+0\/1\s+compose project · 0 running \/ 1 total/);
		const lines = screen.split('\n');
		const at = (text: string) => lines.findIndex(line => line.includes(text));
		assert.ok(at('▾ shop') < at('shop-web-1') && at('shop-web-1') < at('shop-db-1'), 'members right under their project');
		assert.ok(at('loner') < at('▾ shop') && at('shop-db-1') < at('▾ blog') && at('▾ blog') < at('blog-app-1'));
		assert.match(lineWith(screen, 'shop-web-1')!, / {2}shop-web-1\s+busybox:local\s+running/);
	});

	test('z folds a project to one row and unfolds it; from a member it folds its project', async () => {
		const app = await open();
		await app.press('z');
		await app.waitForGone('shop-web-1');
		assert.ok(app.screen().includes('▸ shop'));
		await app.press('z');
		await app.waitFor('shop-web-1');
		await app.press('j', 'z');
		await app.waitForGone('shop-db-1');
		assert.match(lineWith(app.screen(), '▸ shop')!, /^›/);
	});

	test('s on a project row stops what runs of it, after one confirmation that names the project', async () => {
		const app = await open();
		await app.press('s');
		const screen = await app.waitFor('Stop project shop (shop-web-1)?');
		assert.ok(screen.includes('y yes'));
		await app.press('y');
		await app.waitFor('shop-web-1 stopped');
		assert.deepEqual(callsOf(app, 'containerAction'), [['a'.repeat(64), 'stop']]);
		// Now nothing of it runs: s starts all of it, without asking.
		await app.waitFor('0/2');
		await app.press('s');
		await app.waitFor('2 containers started');
		assert.deepEqual(callsOf(app, 'containerAction').slice(1).map(args => args[1]), ['start', 'start']);
	});

	test('r restarts and D removes every container of the project (force offered while one runs)', async () => {
		const app = await open();
		await app.press('r');
		await app.waitFor('2 containers restarted');
		await app.press('D');
		const screen = await app.waitFor('Remove project shop (2 containers)?');
		assert.ok(screen.includes('  shop-web-1') && screen.includes('  shop-db-1') && screen.includes('f force: off'));
		await app.press('f', 'y');
		await app.waitFor('2 containers removed');
		assert.deepEqual(new Set(callsOf(app, 'remove').map(args => args[1])), new Set(['a'.repeat(64), 'b'.repeat(64)]));
		await app.waitForGone('shop');
	});

	test('i on a container opens its inspect document; on a project row it asks for a container', async () => {
		const app = await open();
		await app.press('i');
		await app.waitFor('Select one of the containers of shop');
		await app.press('j', 'i');
		// A container's inspect document is a tab of its own screen, under a summary.
		await app.waitFor(/shop-web-1 +Logs +Stats +Inspect +Top/);
		assert.ok((await app.waitFor('Summary')).includes('com.docker.compose.project=shop'));
		await app.press('q');
		await app.waitFor(/› +shop-web-1/);
	});

	test('read-only: project actions are as inert as any other', async () => {
		const app = await open(true);
		await app.press('s', 'y', 'D', 'y', 'r');
		assert.deepEqual(callsOf(app, 'containerAction'), []);
		assert.deepEqual(callsOf(app, 'remove'), []);
	});
});

describe('without compose labels', () => {
	test('no project rows at all', async () => {
		const containers = seed().map(container => ({...container, labels: {}}));
		const app = await renderApp(containers, {fake: createFakeEngine({containers}), columns: 120});
		opened.push(app);
		await app.waitFor('loner');
		assert.ok(!app.screen().includes('▾') && !app.screen().includes('compose project'));
		await app.press(keys.escape);
	});
});
