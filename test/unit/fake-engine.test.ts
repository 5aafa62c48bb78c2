import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {EngineEvent} from '../../source/engine/engine.js';
import {EngineError} from '../../source/engine/errors.js';
import {createFakeEngine, fakeContainer} from '../fakes/fake-engine.js';

// What the fake adds beyond the shared contract (test/contract/): the test controls,
// and daemon behaviour the contract does not reach.

async function rejectsWith(promise: Promise<unknown>, kind: EngineError['kind'], message?: string): Promise<void> {
	await assert.rejects(promise, (error: unknown) => {
		assert.ok(error instanceof EngineError, String(error));
		assert.equal(error.kind, kind, error.message);
		if (message !== undefined) assert.equal(error.message, message);
		return true;
	});
}

/** Collects events until `count` arrived or the signal aborts. */
async function take(iterable: AsyncIterable<EngineEvent>, count: number): Promise<string[]> {
	const seen: string[] = [];
	for await (const event of iterable) {
		seen.push(`${event.action}${event.attributes['exitCode'] === undefined ? '' : ` ${event.attributes['exitCode']}`}`);
		if (seen.length === count) break;
	}

	return seen;
}

describe('fakeContainer', () => {
	test('plausible defaults; status follows state and health', () => {
		const running = fakeContainer();
		assert.match(running.id, /^[0-9a-f]{64}$/);
		assert.equal(running.state, 'running');
		assert.equal(running.status, 'Up Less than a second');
		assert.equal(fakeContainer({state: 'exited'}).status, 'Exited (0) Less than a second ago');
		assert.equal(fakeContainer({state: 'paused'}).status, 'Up Less than a second (Paused)');
		assert.equal(fakeContainer({health: 'starting'}).status, 'Up Less than a second (health: starting)');
		assert.equal(fakeContainer({status: 'Up 2 days'}).status, 'Up 2 days');
		assert.notEqual(fakeContainer().id, fakeContainer().id);
	});
});

describe('createFakeEngine', () => {
	test('records calls without signals', async () => {
		const web = fakeContainer({name: 'web'});
		const engine = createFakeEngine({containers: [web], info: {host: 'tcp://fake:2375', version: '1.0'}});
		assert.equal(engine.host, 'tcp://fake:2375');
		assert.equal((await engine.ping(new AbortController().signal)).version, '1.0');
		await engine.containerAction(web.id, 'stop', new AbortController().signal);
		await engine.remove('containers', web.id, {force: true});
		assert.deepEqual(engine.calls, [
			{method: 'ping', args: []},
			{method: 'containerAction', args: [web.id, 'stop']},
			{method: 'remove', args: ['containers', web.id, {force: true}]},
		]);
	});

	test('set replaces the list; ids, unique prefixes and names all resolve', async () => {
		const engine = createFakeEngine();
		const db = fakeContainer({name: 'db', state: 'exited'});
		engine.set([db]);
		assert.deepEqual(await engine.listContainers(), [db]);
		await engine.containerAction('db', 'start');
		await engine.containerAction(db.id.slice(0, 12), 'stop');
		await rejectsWith(engine.containerAction('', 'start'), 'not-found', 'No such container: ');
	});

	test('failNext fails exactly one call of that method', async () => {
		const engine = createFakeEngine();
		engine.failNext('listContainers', new EngineError('timeout', 'slow'));
		await rejectsWith(engine.listContainers(), 'timeout', 'slow');
		assert.deepEqual(await engine.listContainers(), []);
	});

	test('disconnect: open event streams throw unreachable, calls reject until reconnect', async () => {
		const engine = createFakeEngine();
		const events = engine.events(new AbortController().signal)[Symbol.asyncIterator]();
		const pending = events.next();
		engine.disconnect();
		await rejectsWith(pending, 'unreachable', 'cannot connect to the Docker daemon at unix:///fake/docker.sock: connection refused');
		await rejectsWith(engine.ping(), 'unreachable');
		await rejectsWith(engine.listContainers(), 'unreachable');
		await rejectsWith(engine.events(new AbortController().signal)[Symbol.asyncIterator]().next(), 'unreachable');
		engine.reconnect();
		assert.equal((await engine.ping()).engine, 'Docker Engine');
	});

	test('emit reaches every open iterator; since replays history', async () => {
		const engine = createFakeEngine();
		const one = new AbortController();
		const two = new AbortController();
		const first = take(engine.events(one.signal), 2);
		const second = take(engine.events(two.signal), 2);
		await Promise.resolve();
		const base = {type: 'container', id: 'x', attributes: {}};
		engine.emit({...base, action: 'create', time: 10});
		engine.emit({...base, action: 'start', time: 20});
		assert.deepEqual(await first, ['create', 'start']);
		assert.deepEqual(await second, ['create', 'start']);
		assert.deepEqual(await take(engine.events(new AbortController().signal, 20), 1), ['start']);
	});

	test('changes emit what dockerd emits, in its order', async () => {
		const c = fakeContainer({name: 'c', state: 'exited'});
		const engine = createFakeEngine({containers: [c]});
		const seen = take(engine.events(new AbortController().signal), 14);
		await engine.containerAction(c.id, 'start');
		await engine.containerAction(c.id, 'pause');
		await engine.containerAction(c.id, 'unpause');
		await engine.containerAction(c.id, 'stop');
		await engine.containerAction(c.id, 'restart');
		await engine.containerAction(c.id, 'kill');
		await engine.containerAction(c.id, 'start');
		await engine.remove('containers', c.id, {force: true});
		assert.deepEqual(await seen, [
			'start',
			'pause',
			'unpause',
			'kill',
			'die 0',
			'stop',
			'start',
			'restart',
			'kill',
			'die 137',
			'start',
			'kill',
			'die 137',
			'destroy',
		]);
	});

	test('the daemon\'s refusals, word for word', async () => {
		const paused = fakeContainer({state: 'paused'});
		const running = fakeContainer({state: 'running'});
		const engine = createFakeEngine({containers: [paused, running]});
		await rejectsWith(engine.containerAction(paused.id, 'start'), 'conflict', 'cannot start a paused container, try unpause instead');
		await rejectsWith(engine.containerAction(paused.id, 'pause'), 'conflict', `Container ${paused.id} is already paused`);
		await rejectsWith(engine.containerAction(running.id, 'unpause'), 'server', `Container ${running.id} is not paused`);
		await rejectsWith(
			engine.remove('containers', paused.id),
			'conflict',
			`You cannot remove a paused container ${paused.id}. Unpause and then stop the container before attempting removal or force remove`,
		);
	});
});
