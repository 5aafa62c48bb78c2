import assert from 'node:assert/strict';
import {compareApiVersions, newestApiVersion} from '../../source/engine/api-version.js';
import {after, before, describe, test} from 'node:test';
import type {ContainerState, ContainerSummary, Engine, EngineEvent} from '../../source/engine/engine.js';
import {EngineError} from '../../source/engine/errors.js';
import {cannotKillMessage, noSuchContainerMessage, notRunningMessage, removeRunningMessage} from '../helpers/daemon-words.js';

// One suite, two engines: the fake runs it always, the real daemon when one is there.
// Whatever the UI may rely on about an Engine is asserted here, so the fake cannot
// drift from dockerd without a red test.

export type ContractHarness = {
	engine: Engine;
	/** Create a container named `name` from busybox:local behind the engine's back; started if asked. Returns its id. */
	create(name: string, options?: {start?: boolean}): Promise<string>;
	cleanup(): Promise<void>;
};

const image = 'busybox:local';

/** Polls until the container reaches `state`: some daemon changes land just after the call returns. */
async function eventually(engine: Engine, id: string, state: ContainerState): Promise<ContainerSummary> {
	const deadline = Date.now() + 5000;
	for (;;) {
		const found = (await engine.listContainers()).find(container => container.id === id);
		if (found?.state === state || Date.now() > deadline) {
			assert.ok(found, `container ${id} is not listed`);
			assert.equal(found.state, state, `status "${found.status}"`);
			return found;
		}

		await new Promise(resolve => setTimeout(resolve, 50));
	}
}

async function rejectsWith(promise: Promise<unknown>, kind: EngineError['kind'], message: string | RegExp): Promise<void> {
	await assert.rejects(promise, (error: unknown) => {
		assert.ok(error instanceof EngineError, `not an EngineError: ${String(error)}`);
		assert.equal(error.kind, kind, error.message);
		if (typeof message === 'string') assert.equal(error.message, message);
		else assert.match(error.message, message);
		return true;
	});
}

export function engineContract(name: string, make: () => Promise<ContractHarness>): void {
	describe(`engine contract: ${name}`, () => {
		let harness: ContractHarness;
		let engine: Engine;
		const base = `dtui-test-contract-${process.pid}-${Date.now().toString(36)}`;
		let count = 0;
		const nextName = () => `${base}-${++count}`;

		before(async () => {
			harness = await make();
			engine = harness.engine;
		});

		after(async () => {
			await harness.cleanup();
		});

		test('ping describes the daemon', async () => {
			const info = await engine.ping();
			assert.equal(info.host, engine.host);
			assert.ok(['Docker Engine', 'Podman'].includes(info.engine), info.engine);
			assert.notEqual(info.version, '');
			assert.match(info.apiVersion, /^\d+\.\d+$/);
		});

		test('ping says the API version in use: the daemon\'s newest or dtui\'s, whichever is lower, within the daemon\'s range', async () => {
			const info = await engine.ping();
			const inUse = info.apiInUse ?? '';
			const expected = compareApiVersions(info.apiVersion, newestApiVersion) < 0 ? info.apiVersion : newestApiVersion;
			assert.equal(inUse, expected);
			if (info.minApiVersion !== undefined) assert.ok(compareApiVersions(inUse, info.minApiVersion) >= 0, `${inUse} < ${info.minApiVersion}`);
		});

		test('listContainers shows a created container by its exact name, image and state', async () => {
			const containerName = nextName();
			const id = await harness.create(containerName);
			const found = (await engine.listContainers()).find(container => container.id === id);
			assert.ok(found);
			assert.match(found.id, /^[0-9a-f]{64}$/);
			assert.equal(found.name, containerName);
			// As the daemon names it: Podman lists the fully qualified reference.
			assert.ok([image, `docker.io/library/${image}`].includes(found.image), found.image);
			assert.equal(found.state, 'created');
			assert.equal(found.status, 'Created');
			assert.equal(found.health, undefined);
			assert.ok(found.created > 0);
		});

		test('running and exited containers are told apart, with the daemon\'s status text', async () => {
			const running = await harness.create(nextName(), {start: true});
			const stopped = await harness.create(nextName(), {start: true});
			await engine.containerAction(stopped, 'stop');
			assert.match((await eventually(engine, running, 'running')).status, /^Up /);
			assert.match((await eventually(engine, stopped, 'exited')).status, /^Exited \(\d+\) /);
		});

		test('start, pause, unpause, restart, stop and kill change what listContainers reports', async () => {
			const id = await harness.create(nextName());
			await engine.containerAction(id, 'start');
			assert.match((await eventually(engine, id, 'running')).status, /^Up /);
			await engine.containerAction(id, 'pause');
			assert.match((await eventually(engine, id, 'paused')).status, /^Up .*\(Paused\)$/);
			await engine.containerAction(id, 'unpause');
			await eventually(engine, id, 'running');
			await engine.containerAction(id, 'restart');
			assert.match((await eventually(engine, id, 'running')).status, /^Up /);
			await engine.containerAction(id, 'stop');
			assert.match((await eventually(engine, id, 'exited')).status, /^Exited \(\d+\) /);
			await engine.containerAction(id, 'restart');
			await eventually(engine, id, 'running');
			await engine.containerAction(id, 'kill');
			assert.match((await eventually(engine, id, 'exited')).status, /^Exited \(137\) /);
		});

		test('stopping a stopped container and starting a running one resolve (no-ops)', async () => {
			const id = await harness.create(nextName());
			await engine.containerAction(id, 'stop');
			await engine.containerAction(id, 'start');
			await engine.containerAction(id, 'start');
			await eventually(engine, id, 'running');
			await engine.containerAction(id, 'stop');
			await engine.containerAction(id, 'stop');
			await eventually(engine, id, 'exited');
		});

		test('pausing or killing a stopped container is a conflict in the daemon\'s words', async () => {
			const containerName = nextName();
			const id = await harness.create(containerName);
			await rejectsWith(engine.containerAction(id, 'pause'), 'conflict', notRunningMessage(id));
			await rejectsWith(engine.containerAction(containerName, 'kill'), 'conflict', cannotKillMessage(containerName, id));
		});

		test('removing a running container needs force; the refusal is the daemon\'s message', async () => {
			const containerName = nextName();
			const id = await harness.create(containerName, {start: true});
			await rejectsWith(engine.remove('containers', id), 'conflict', removeRunningMessage(id, containerName));
			await eventually(engine, id, 'running');
			await engine.remove('containers', id, {force: true});
			assert.equal((await engine.listContainers()).find(container => container.id === id), undefined);
		});

		test('an action on an unknown id is not-found', async () => {
			const missing = `${base}-missing`;
			await rejectsWith(engine.containerAction(missing, 'start'), 'not-found', noSuchContainerMessage(missing));
			await rejectsWith(engine.containerAction(missing, 'stop'), 'not-found', noSuchContainerMessage(missing));
			await rejectsWith(engine.remove('containers', missing, {force: true}), 'not-found', noSuchContainerMessage(missing));
		});

		test('events yields a start with the container\'s id and name, and ends quietly on abort', async () => {
			const controller = new AbortController();
			const timer = setTimeout(() => {
				controller.abort();
			}, 10_000);
			// `since` replays what happened from then on, so the subscription cannot miss the start.
			const since = Math.floor(Date.now() / 1000) - 1;
			const events = engine.events(controller.signal, since)[Symbol.asyncIterator]();
			const containerName = nextName();
			const id = await harness.create(containerName, {start: true});
			let start: EngineEvent | undefined;
			for (;;) {
				const next = await events.next();
				if (next.done) break;
				if (next.value.type === 'container' && next.value.action === 'start' && next.value.id === id) {
					start = next.value;
					break;
				}
			}

			clearTimeout(timer);
			assert.ok(start, 'no start event before the 10 s deadline');
			assert.equal(start.name, containerName);
			assert.equal(start.attributes['name'], containerName);
			assert.ok(start.time >= since, `time ${start.time} < ${since}`);

			const pending = events.next();
			controller.abort();
			assert.deepEqual(await pending, {done: true, value: undefined});
		});

		test('events on an already aborted signal ends at once', async () => {
			const controller = new AbortController();
			controller.abort();
			const seen: EngineEvent[] = [];
			for await (const event of engine.events(controller.signal)) seen.push(event);
			assert.deepEqual(seen, []);
		});
	});
}
