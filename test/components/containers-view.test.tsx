import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {fakeContainer} from '../fakes/fake-engine.js';
import {eventually, keys, lineWith, renderApp, type RenderedApp} from '../helpers/render-app.js';

const now = Math.floor(Date.now() / 1000);

function seed() {
	return [
		fakeContainer({id: 'a'.repeat(64), name: 'web', image: 'nginx:1.27', state: 'running', status: 'Up 3 minutes', created: now - 200, ports: [{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp'}, {privatePort: 80, publicPort: 8080, ip: '::', type: 'tcp'}]}),
		fakeContainer({id: 'b'.repeat(64), name: 'api', image: 'node:20', state: 'running', health: 'unhealthy', status: 'Up 2 hours (unhealthy)', created: now - 7300}),
		fakeContainer({id: 'c'.repeat(64), name: 'batch', image: 'busybox:local', state: 'exited', status: 'Exited (137) 2 hours ago', created: now - 8000}),
		fakeContainer({id: 'd'.repeat(64), name: 'cache', image: 'redis:7', state: 'paused', status: 'Up 5 minutes (Paused)', created: now - 400}),
	];
}

const opened: RenderedApp[] = [];
async function open(options?: Parameters<typeof renderApp>[1]) {
	const app = await renderApp(seed(), options);
	opened.push(app);
	return app;
}

after(() => {
	for (const app of opened) app.unmount();
});

function rowNames(screen: string): string[] {
	const lines = screen.split('\n');
	const header = lines.findIndex(line => line.includes('NAME') && line.includes('STATE'));
	return lines.slice(header + 1).map(line => line.slice(3).split(/\s+/)[0]!).filter(name => ['web', 'api', 'batch', 'cache'].includes(name));
}

function callsOf(app: RenderedApp, method: string) {
	return app.fake.calls.filter(call => call.method === method).map(call => call.args);
}

describe('the containers dashboard', () => {
	test('lists live containers first, then by name, with every column', async () => {
		const app = await open();
		const screen = app.screen();
		assert.deepEqual(rowNames(screen), ['api', 'cache', 'web', 'batch']);
		assert.match(lineWith(screen, 'NAME')!, /NAME\s+IMAGE\s+STATE\s+STATUS\s+PORTS\s+AGE\s+ID/);
		assert.match(lineWith(screen, 'web ')!, /web\s+nginx:1\.27\s+running\s+Up 3 minutes\s+8080->80\/tcp\s+3m\s+aaaaaaaaaaaa/);
		assert.match(lineWith(screen, 'api ')!, /api\s+node:20\s+unhealthy\s+Up 2 hours \(unhealthy\)/);
		assert.match(lineWith(screen, 'batch')!, /batch\s+busybox:local\s+exited\s+Exited \(137\) 2 hours ago/);
		assert.ok(screen.includes('3 running / 4 total') === false, 'paused is not running');
		assert.ok(screen.includes('2 running / 4 total'));
		assert.ok(screen.includes('Fake Engine') || screen.includes('(API '));
	});

	test('A toggles all / running only', async () => {
		const app = await open();
		await app.press('A');
		const screen = await app.waitFor('Containers (running)');
		assert.deepEqual(rowNames(screen), ['api', 'cache', 'web']);
		await app.press('A');
		assert.deepEqual(rowNames(await app.waitFor('Containers (all)')), ['api', 'cache', 'web', 'batch']);
	});

	test('/ filters by name, image, id and status, case-insensitively; esc clears', async () => {
		const app = await open();
		await app.press('/', 'N', 'G');
		let screen = await app.waitFor('filter: NG');
		assert.deepEqual(rowNames(screen), ['web']);
		await app.press(keys.enter);
		await app.press(keys.escape);
		screen = await app.waitForGone('filter:');
		assert.deepEqual(rowNames(screen), ['api', 'cache', 'web', 'batch']);
		await app.press('/', ...'exited (137');
		assert.deepEqual(rowNames(await app.waitFor('filter: exited (137')), ['batch']);
		await app.press(keys.escape);
		await app.press('/', ...'cccc');
		assert.deepEqual(rowNames(await app.waitFor('filter: cccc')), ['batch']);
		await app.press(...'zzz');
		assert.ok((await app.waitFor('No containers match')).includes('No containers match “cccczzz” (esc clears)'));
	});

	test('s on a stopped container starts it at once; on a running one asks, and y stops it', async () => {
		const app = await open();
		await app.press('G');
		await app.press('s');
		await app.waitFor('batch started');
		assert.deepEqual(callsOf(app, 'containerAction'), [['c'.repeat(64), 'start']]);

		// batch now runs and sorts among the live ones, the cursor with it: web is last.
		await app.waitFor(/› +batch +busybox:local +running/);
		await app.press('G');
		await app.press('s');
		let screen = await app.waitFor('Stop web?');
		assert.ok(screen.includes('y yes   n/esc no (default)'));
		assert.equal(callsOf(app, 'containerAction').length, 1, 'nothing happens before the answer');
		await app.press('y');
		screen = await app.waitFor('web stopped');
		assert.deepEqual(callsOf(app, 'containerAction')[1], ['a'.repeat(64), 'stop']);
	});

	test('n and esc cancel a dialog and nothing is sent', async () => {
		const app = await open();
		await app.press('K');
		await app.waitFor('Kill api?');
		await app.press('n');
		await app.waitFor('Cancelled: nothing done');
		await app.press('K');
		await app.waitFor('Kill api?');
		await app.press(keys.escape);
		await app.waitForGone('Kill api?');
		await app.press('x', 'y');
		assert.deepEqual(callsOf(app, 'containerAction'), []);
	});

	test('r restarts, p pauses and unpauses without asking', async () => {
		const app = await open();
		await app.press('r');
		await app.waitFor('api restarted');
		await app.press('j', 'p');
		await app.waitFor('cache unpaused');
		await app.press('j', 'p');
		await app.waitFor('web paused');
		assert.deepEqual(callsOf(app, 'containerAction'), [['b'.repeat(64), 'restart'], ['d'.repeat(64), 'unpause'], ['a'.repeat(64), 'pause']]);
	});

	test('p on an exited container says it does not apply', async () => {
		const app = await open();
		await app.press('G', 'p');
		await app.waitFor('Pause: does not apply to batch (exited)');
		assert.deepEqual(callsOf(app, 'containerAction'), []);
	});

	test('D on a running container offers force; without it the daemon refuses with its own message', async () => {
		const app = await open({columns: 200});
		await app.press('D');
		let screen = await app.waitFor('Remove api?');
		assert.ok(screen.includes('f force: off'));
		await app.press('y');
		screen = await app.waitFor('You cannot remove a running container');
		assert.match(lineWith(screen, 'You cannot')!, /api: You cannot remove a running container b{64}\. Stop the container before attempting removal or force remove/);
		assert.deepEqual(rowNames(screen), ['api', 'cache', 'web', 'batch']);
		await app.press('D', 'f');
		await app.waitFor('f force: ON');
		await app.press('y');
		screen = await app.waitFor('api removed');
		assert.deepEqual(callsOf(app, 'remove').at(-1), ['containers', 'b'.repeat(64), {force: true}]);
		await app.waitForGone('bbbbbbbbbbbb');
		assert.deepEqual(rowNames(app.screen()), ['cache', 'web', 'batch']);
	});

	test('space marks rows and an action applies to every marked row, after one confirmation', async () => {
		const app = await open();
		await app.press(keys.space, keys.space);
		let screen = await app.waitFor('2 marked');
		assert.match(lineWith(screen, 'api ')!, /^ ● api/);
		assert.match(lineWith(screen, 'cache ')!, /^ ● cache/);
		await app.press('s');
		screen = await app.waitFor('Stop 2 containers?');
		assert.ok(screen.includes('  api') && screen.includes('  cache'));
		await app.press('y');
		await app.waitFor('2 containers stopped');
		assert.deepEqual(callsOf(app, 'containerAction').map(args => args[1]), ['stop', 'stop']);
		assert.deepEqual(new Set(callsOf(app, 'containerAction').map(args => args[0])), new Set(['b'.repeat(64), 'd'.repeat(64)]));
		await app.waitForGone('marked');
	});

	test('the cursor stays on the same container when the list re-sorts', async () => {
		const app = await open();
		await app.press('G');
		await app.press('s');
		await app.waitFor('batch started');
		// batch is now running, so it sorts between api and cache; the cursor went with it.
		await app.waitFor(/› +batch +busybox:local +running/);
		await app.press('c');
		assert.deepEqual(app.clipboard, ['c'.repeat(64)]);
		await app.waitFor('Copied the id of batch to the clipboard');
	});

	test('a container that vanishes while its dialog is open is reported, never replaced', async () => {
		const app = await open();
		await app.press('j', 'j', 'K');
		await app.waitFor('Kill web?');
		app.fake.set(seed().filter(container => container.name !== 'web'));
		app.fake.emit({type: 'container', action: 'destroy', id: 'a'.repeat(64), name: 'web', time: now, attributes: {}});
		await app.waitForGone('web ');
		await app.press('y');
		await app.waitFor('web no longer exists: nothing done');
		assert.deepEqual(callsOf(app, 'containerAction'), []);
	});

	test('a container created elsewhere appears from the event stream', async () => {
		const app = await open();
		app.fake.set([...seed(), fakeContainer({id: 'e'.repeat(64), name: 'newcomer', image: 'busybox:local', state: 'running', status: 'Up Less than a second', created: now})]);
		app.fake.emit({type: 'container', action: 'start', id: 'e'.repeat(64), name: 'newcomer', time: now, attributes: {}});
		await app.waitFor('newcomer');
		assert.ok(app.screen().includes('3 running / 5 total'));
	});

	test('? shows help generated from the keymap; esc closes it', async () => {
		const app = await open();
		await app.press('?');
		const screen = await app.waitFor('Keys (esc closes');
		assert.ok(lineWith(screen, 'Start / stop')!.includes('s'));
		assert.ok(screen.includes('K                Kill'));
		assert.ok(screen.includes('space            Mark / unmark'));
		await app.press(keys.escape);
		await app.waitFor('NAME');
	});

	test(': opens the command line; an unknown command says so; :q quits', async () => {
		const app = await open();
		await app.press(':', ...'nope', keys.enter);
		await app.waitFor('Unknown command :nope (try :images, :events, :df, :info, :ctx, :help, :q)');
		await app.press(':', ...'containers', keys.enter);
		await app.waitFor('Containers (all)');
		assert.equal(app.exited(), false);
		await app.press(':', 'q', keys.enter);
		await eventually(() => app.exited(), ':q quitting');
	});

	test('--read-only: mutating keys are absent from help and hints, and inert', async () => {
		const app = await open({readOnly: true});
		assert.ok(app.screen().includes('READ-ONLY'));
		assert.ok(!app.screen().includes('start / stop'));
		await app.press('?');
		const help = await app.waitFor('Keys (esc closes');
		for (const description of ['Start / stop', 'Restart', 'Kill', 'Remove', 'Pause']) assert.ok(!help.includes(description), description);
		await app.press(keys.escape, 's', 'D', 'y', 'K', 'y', 'r', 'p');
		await app.press('x');
		for (const method of ['containerAction', 'remove']) assert.deepEqual(callsOf(app, method), []);
		assert.ok(!app.screen().includes('?'.repeat(2)));
	});

	test('a daemon that drops shows a banner, refuses actions, and comes back by itself', async () => {
		const app = await open();
		app.fake.disconnect();
		await app.waitFor('Daemon unreachable');
		await app.press('r');
		await app.waitFor('Not connected to the daemon: nothing done');
		app.fake.reconnect();
		await app.waitForGone('Daemon unreachable');
		assert.deepEqual(callsOf(app, 'containerAction'), []);
	});

	test('80×24 keeps the frame below the last line and cuts long values with an ellipsis', async () => {
		const app = await renderApp([fakeContainer({id: 'f'.repeat(64), name: 'a-very-long-container-name-that-cannot-fit-in-its-column', image: 'registry.example:5000/team/image:tag', state: 'running', status: 'Up 1 second', created: now})], {columns: 80, rows: 24});
		opened.push(app);
		const lines = app.screen().split('\n');
		assert.ok(lines.length <= 23, `${lines.length} lines`);
		assert.ok(lines.every(line => line.length <= 80));
		assert.ok(lineWith(app.screen(), 'a-very-long')!.includes('…'));
	});
});
