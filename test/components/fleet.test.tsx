// Several daemons in one dashboard, over fake engines: the HOST column, each host's state
// in the header, actions that reach the host owning the row and no other, and one host
// down or hung while the other goes on.
import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createFakeEngine, fakeContainer, type FakeEngine} from '../fakes/fake-engine.js';
import {fakeVolume} from '../fakes/fake-objects.js';
import {fakeImage} from '../fakes/fake-images.js';
import type {Engine} from '../../source/engine/engine.js';
import {EngineError} from '../../source/engine/errors.js';
import {createFleetSession} from '../../source/start/fleet-session.js';
import {eventually, keys, lineWith, renderApp, testMonitor, type RenderedApp} from '../helpers/render-app.js';

const now = Math.floor(Date.now() / 1000);
/** The same id on both hosts: only the host tells them apart. */
const sharedId = 'e'.repeat(64);

/** An engine that stops answering on `hang()` (requests wait until their deadline), as a SIGSTOPped daemon. */
function hangable(engine: Engine): Engine & {hang(): void; resume(): void} {
	let hung = false;
	const controls = {
		hang() {
			hung = true;
		},
		resume() {
			hung = false;
		},
	};
	return new Proxy(engine as Engine & typeof controls, {
		get(target, property, receiver) {
			if (property === 'hang' || property === 'resume') return controls[property];
			const value: unknown = Reflect.get(target, property, receiver);
			if (typeof value !== 'function' || property === 'close') return value;
			return (...args: unknown[]) => {
				if (!hung) return (value as (...parameters: unknown[]) => unknown).apply(target, args);
				const signal = args.find(arg => arg instanceof AbortSignal);
				return new Promise((_resolve, reject) => {
					signal?.addEventListener('abort', () => reject(new EngineError('timeout', 'the daemon is not responding')), {once: true});
				});
			};
		},
	});
}

type Fleet = {app: RenderedApp; one: FakeEngine; two: FakeEngine; twoLink: ReturnType<typeof hangable>};

const opened: RenderedApp[] = [];
after(() => {
	for (const app of opened) app.unmount();
});

async function openFleet(options: {twoDownAtStart?: boolean} = {}): Promise<Fleet> {
	const one = createFakeEngine({
		info: {host: 'unix:///fake/one.sock'},
		containers: [
			fakeContainer({id: sharedId, name: 'web', state: 'running', created: now - 100}),
			fakeContainer({name: 'batch', state: 'exited', created: now - 200}),
		],
		volumes: [fakeVolume({name: 'data'})],
	});
	const two = createFakeEngine({
		info: {host: 'unix:///fake/two.sock'},
		containers: [fakeContainer({id: sharedId, name: 'api', state: 'running', created: now - 50})],
		volumes: [fakeVolume({name: 'data'})],
	});
	const twoLink = hangable(two);
	const twoInfo = await two.ping();
	if (options.twoDownAtStart) two.disconnect();
	const session = createFleetSession(
		[
			{label: 'one', engine: one, info: await one.ping()},
			options.twoDownAtStart ? {label: 'two', engine: twoLink, error: 'connection refused'} : {label: 'two', engine: twoLink, info: twoInfo},
		],
		{monitor: testMonitor},
	);
	const app = await renderApp([], {fake: one, session, columns: 110});
	opened.push(app);
	return {app, one, two, twoLink};
}

/** A container appears on a fake daemon, with the event a daemon sends. */
async function addContainer(fake: FakeEngine, name: string): Promise<void> {
	const added = fakeContainer({name, state: 'running'});
	fake.set([...(await fake.listContainers()), added]);
	fake.emit({type: 'container', action: 'create', id: added.id, name, time: now, attributes: {name}});
}

const actions = (fake: FakeEngine) => fake.calls.filter(call => call.method === 'containerAction' || call.method === 'remove').map(call => call.args.slice(0, 2));

describe('a fleet of two daemons', () => {
	test('every host in the header and a HOST column on each row', async () => {
		const {app} = await openFleet();
		const screen = await app.waitFor('api');
		assert.equal(lineWith(screen, 'dtui ·'), 'dtui · 2 hosts · 2 running / 3 total');
		assert.equal(lineWith(screen, '● one'), '● one 1/2 · ● two 1/1');
		// Room for a project row's fold marker: containers can be grouped.
		assert.match(lineWith(screen, 'HOST')!, /^ {3}HOST {3}NAME/);
		assert.match(lineWith(screen, ' api ')!, /^› {2}two {4}api /);
		assert.match(lineWith(screen, ' web ')!, /^ {3}one {4}web /);
	});

	test('an action goes to the host of the row, never to the other with the same id', async () => {
		const {app, one, two} = await openFleet();
		await app.waitFor('api');
		// Live rows first, by name: api (two), web (one), then batch (one).
		await app.press('s');
		await app.waitFor('Stop api on two?');
		await app.press('y');
		await eventually(() => actions(two).length === 1, 'the stop on two');
		assert.deepEqual(actions(two), [[sharedId, 'stop']]);
		assert.deepEqual(actions(one), []);
		// api has stopped and moved down: web is on top.
		await app.waitFor(/two +api +\S+ +exited/);
		await app.press(keys.home, 's');
		await app.waitFor('Stop web on one?');
		await app.press('y');
		await eventually(() => actions(one).length === 1, 'the stop on one');
		assert.deepEqual(actions(one), [[sharedId, 'stop']]);
		assert.equal(actions(two).length, 1);
	});

	test('the same volume name on both hosts is two rows; removing one leaves the other', async () => {
		const {app, one, two} = await openFleet();
		await app.press('4');
		const screen = await app.waitFor(/two +data/);
		assert.ok(lineWith(screen, 'one  data'), screen);
		await app.press(keys.end, 'D');
		await app.waitFor('Remove data on two?');
		await app.press('y');
		await eventually(() => actions(two).length === 1, 'the remove on two');
		assert.deepEqual(actions(two), [['volumes', 'data']]);
		assert.deepEqual(actions(one), []);
		await app.waitForGone('two  data');
		assert.ok(lineWith(app.screen(), 'one  data'));
	});

	test('a prune lists what goes from each host, and each host prunes its own', async () => {
		const {app, one, two} = await openFleet();
		await app.press('4');
		await app.waitFor(/two +data/);
		await app.press('P');
		const screen = await app.waitFor('data on two');
		assert.ok(screen.includes('data on one'), screen);
		await app.press('y');
		await eventually(() => one.calls.some(call => call.method === 'prune') && two.calls.some(call => call.method === 'prune'), 'a prune on each host');
		await app.waitFor('Pruned volumes: data, data removed');
	});

	test('/ finds rows by host; c copies the daemon\'s own id', async () => {
		const {app} = await openFleet();
		await app.waitFor('api');
		await app.press('/', 't', 'w', 'o', keys.enter);
		const screen = await app.waitForGone(' web ');
		assert.ok(lineWith(screen, ' api '));
		await app.press('c');
		assert.deepEqual(app.clipboard, [sharedId]);
	});

	test('a host that goes away loses its rows and says so; the other goes on; it comes back', async () => {
		const {app, one, two} = await openFleet();
		await app.waitFor('api');
		two.disconnect();
		let screen = await app.waitFor('✖ two down: cannot connect to the Docker daemon at unix:///fake/two.sock: connection refused');
		assert.equal(lineWith(screen, '● one'), '● one 1/2 · ✖ two down: cannot connect to the Docker daemon at unix:///fake/two.sock: connection refused');
		await app.waitForGone(' api ');
		assert.equal(lineWith(app.screen(), 'dtui ·'), 'dtui · 2 hosts · 1 running / 2 total');
		await addContainer(one, 'fresh');
		await app.waitFor(' fresh ');
		two.reconnect();
		screen = await app.waitFor(' api ');
		assert.equal(lineWith(screen, '● one'), '● one 2/3 · ● two 1/1');
		one.disconnect();
		two.disconnect();
		screen = await app.waitFor('Cannot list containers: no host is connected');
		assert.match(lineWith(screen, '✖ one')!, /^✖ one down: .* · ✖ two down: /);
	});

	test('a host that hangs never holds up the other\'s list', async () => {
		const {app, one, twoLink} = await openFleet();
		await app.waitFor('api');
		twoLink.hang();
		await addContainer(one, 'fresh');
		// Noticed from the event, long before two's requests would time out.
		await app.waitFor(' fresh ', 500);
		await app.waitFor('✖ two down: the daemon is not responding', 2000);
		twoLink.resume();
		await app.waitFor('● two 1/1');
	});

	test('a host down at start shows as such, and its rows come when it does', async () => {
		const {app, two} = await openFleet({twoDownAtStart: true});
		let screen = await app.waitFor('✖ two down');
		assert.ok(lineWith(screen, ' web '));
		assert.equal(lineWith(screen, ' api '), undefined);
		two.reconnect();
		screen = await app.waitFor(' api ');
		assert.equal(lineWith(screen, '● one'), '● one 1/2 · ● two 1/1');
	});

	test(':pull pulls onto the host of the selected row', async () => {
		const {app, one, two} = await openFleet();
		await app.waitFor('api');
		await app.press(':', ...'pull busybox:1.36', keys.enter);
		await app.waitFor('busybox:1.36 on two');
		await eventually(() => two.calls.some(call => call.method === 'pullImage'), 'the pull on two');
		assert.deepEqual(two.calls.filter(call => call.method === 'pullImage').map(call => call.args[0]), ['busybox:1.36']);
		assert.equal(one.calls.filter(call => call.method === 'pullImage').length, 0);
	});

	test('a compose project of the same name on two hosts is two project rows, each acting on its own host', async () => {
		const labels = {'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web'};
		const one = createFakeEngine({containers: [fakeContainer({id: sharedId, name: 'shop-web-1', state: 'running', labels})]});
		const two = createFakeEngine({containers: [fakeContainer({id: sharedId, name: 'shop-web-1', state: 'running', labels})]});
		const session = createFleetSession([{label: 'one', engine: one, info: await one.ping()}, {label: 'two', engine: two, info: await two.ping()}], {monitor: testMonitor});
		const app = await renderApp([], {fake: one, session, columns: 110});
		opened.push(app);
		const screen = await app.waitFor('▾ two');
		assert.match(lineWith(screen, '▾ one')!, /▾ one +shop +1 service +1\/1/);
		assert.match(lineWith(screen, '▾ two')!, /▾ two +shop +1 service +1\/1/);
		await app.press('g', 's');
		await app.waitFor('Stop project shop on one (shop-web-1 on one)?');
		await app.press('y');
		await eventually(() => actions(one).length === 1, 'the stop on one');
		assert.deepEqual(actions(one), [[sharedId, 'stop']]);
		assert.deepEqual(actions(two), []);
		await app.press('c');
		assert.deepEqual(app.clipboard, ['shop']);
	});

	test('logs of rows from both hosts and :top name each container with its host', async () => {
		const {app} = await openFleet();
		await app.waitFor('api');
		await app.press(keys.space, keys.space, 'l');
		await app.waitFor('Logs of 2 marked containers: api on two web on one');
		await app.press('q', ':', ...'top', keys.enter);
		const screen = await app.waitFor('api on two');
		assert.ok(lineWith(screen, 'web on one'), screen);
	});

	test('T tags the image of the selected row on its own host; the prompt shows the plain reference', async () => {
		const image = () => fakeImage({id: `sha256:${'b'.repeat(64)}`, tags: ['busybox:local']});
		const one = createFakeEngine({images: [image()]});
		const two = createFakeEngine({images: [image()]});
		const session = createFleetSession([{label: 'one', engine: one, info: await one.ping()}, {label: 'two', engine: two, info: await two.ping()}], {monitor: testMonitor});
		const app = await renderApp([], {fake: one, session, columns: 110});
		opened.push(app);
		await app.press('2');
		await app.waitFor(/two +busybox/);
		await app.press(keys.end, 'T');
		await app.waitFor(':tag busybox:local');
		await app.press(...'busybox:v2', keys.enter);
		await app.waitFor('Tagged busybox:local as busybox:v2 on two');
		assert.deepEqual(two.calls.filter(call => call.method === 'tagImage').map(call => call.args.slice(0, 2)), [['busybox:local', 'busybox:v2']]);
		assert.equal(one.calls.filter(call => call.method === 'tagImage').length, 0);
	});

	test(':info describes the host of the selected row', async () => {
		const {app} = await openFleet();
		await app.waitFor('api');
		await app.press(':', 'i', 'n', 'f', 'o', keys.enter);
		await app.waitFor('Daemon at unix:///fake/two.sock');
		await app.press('q', keys.down, ':', 'i', 'n', 'f', 'o', keys.enter);
		await app.waitFor('Daemon at unix:///fake/one.sock');
	});
});
