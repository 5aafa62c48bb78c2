import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import type {Engine, EngineEvent} from '../../source/engine/engine.js';
import {EngineError} from '../../source/engine/errors.js';
import {lookupCredentials} from '../../source/transport/registry-auth.js';
import type {TransferEvent} from '../../source/engine/registry-io.js';

// Pull, tag and push, one suite for two engines: the fake with its in-memory registries,
// and dockerode on a real dockerd with real distribution registries on 127.0.0.1 (one
// open, one behind htpasswd). What the UI relies on about transfers is asserted here.

export type Login = {readonly username: string; readonly password: string};

export type RegistryHarness = {
	readonly engine: Engine;
	/** `127.0.0.1:PORT` of a registry anyone may push to. */
	readonly open: string;
	/** `127.0.0.1:PORT` of a registry that wants `login`. */
	readonly locked: string;
	readonly login: Login;
	/** `127.0.0.1:PORT` where nothing listens. */
	readonly closed: string;
	/** Makes a local image tagged `reference` with one layer no other image has. */
	makeImage(reference: string): Promise<void>;
	/** The manifest digest `domain` serves for `path:tag`; undefined when it has none. */
	remoteDigest(domain: string, pathAndTag: string): Promise<string | undefined>;
	cleanup(): Promise<void>;
};

async function collect(events: AsyncIterable<TransferEvent>): Promise<TransferEvent[]> {
	const seen: TransferEvent[] = [];
	for await (const event of events) seen.push(event);
	return seen;
}

async function rejectsWith(promise: Promise<unknown>, kind: EngineError['kind'], message: string): Promise<void> {
	await assert.rejects(promise, (error: unknown) => {
		assert.ok(error instanceof EngineError, `not an EngineError: ${String(error)}`);
		assert.equal(error.message, message);
		assert.equal(error.kind, kind, error.message);
		return true;
	});
}

/** Each layer's phases in order, by layer id. */
function phasesByLayer(events: readonly TransferEvent[]): Map<string, string[]> {
	const layers = new Map<string, string[]>();
	for (const event of events) if (event.type === 'layer') layers.set(event.id, [...(layers.get(event.id) ?? []), event.phase]);
	return layers;
}

const messages = (events: readonly TransferEvent[]) => events.flatMap(event => (event.type === 'message' ? [event.text] : []));
const digests = (events: readonly TransferEvent[]) => events.flatMap(event => (event.type === 'digest' ? [event.digest] : []));

/** A $DOCKER_CONFIG whose auths hold `login` for `domain`, as `docker login` writes it. */
function dockerConfig(root: string, name: string, domain: string, login: Login): NodeJS.ProcessEnv {
	const auth = Buffer.from(`${login.username}:${login.password}`).toString('base64');
	const configDirectory = mkdtempSync(path.join(root, `${name}-`));
	writeFileSync(path.join(configDirectory, 'config.json'), JSON.stringify({auths: {[domain]: {auth}}}));
	return {DOCKER_CONFIG: configDirectory, PATH: process.env['PATH']};
}

export function registryContract(name: string, make: () => Promise<RegistryHarness>): void {
	describe(`registry contract: ${name}`, () => {
		let harness: RegistryHarness;
		let engine: Engine;
		const repository = `dtui-test-${process.pid}-${Date.now().toString(36)}`;
		const configRoot = mkdtempSync(path.join(tmpdir(), 'dtui-registry-config-'));

		before(async () => {
			harness = await make();
			engine = harness.engine;
		});

		after(async () => {
			rmSync(configRoot, {recursive: true, force: true});
			await harness.cleanup();
		});

		test('tag, push, remove the local tag, pull it back: each layer ends pushed or pulled, the digests agree', async () => {
			const reference = `${harness.open}/${repository}/busybox:pushed`;
			await engine.tagImage('busybox:local', reference);
			assert.ok((await engine.listImages()).some(image => image.tags.includes(reference)), 'the new tag is listed');

			const pushed = await collect(engine.pushImage(reference, undefined, new AbortController().signal));
			assert.equal(messages(pushed)[0], `The push refers to repository [${harness.open}/${repository}/busybox]`);
			const pushLayers = phasesByLayer(pushed);
			assert.ok(pushLayers.size >= 1, 'per-layer events');
			for (const [id, phases] of pushLayers) {
				assert.match(id, /^[0-9a-f]{12}$/);
				assert.equal(phases[0], 'preparing', `${id}: ${phases.join(',')}`);
				assert.ok(['pushed', 'exists'].includes(phases.at(-1)!), `${id}: ${phases.join(',')}`);
			}

			const [digest] = digests(pushed);
			assert.match(digest ?? '', /^sha256:[0-9a-f]{64}$/);
			const last = pushed.at(-1);
			assert.ok(last?.type === 'digest' && last.size !== undefined && last.size > 0, 'the push ends with the digest and the manifest size');
			assert.equal(await harness.remoteDigest(harness.open, `${repository}/busybox:pushed`), digest);

			await engine.remove('images', reference);
			assert.ok(!(await engine.listImages()).some(image => image.tags.includes(reference)), 'the local tag is gone');
			const pulled = await collect(engine.pullImage(reference, undefined, new AbortController().signal));
			assert.equal(messages(pulled)[0], `Pulling from ${repository}/busybox`);
			assert.deepEqual(digests(pulled), [digest]);
			assert.equal(messages(pulled).at(-1), `Status: Downloaded newer image for ${reference}`);
			// busybox:local is still here: its layers are not downloaded again.
			for (const [id, phases] of phasesByLayer(pulled)) assert.deepEqual(phases, ['exists'], id);
			assert.ok((await engine.listImages()).some(image => image.tags.includes(reference)), 'the pulled image is listed');
		});

		test('a layer the daemon does not have is downloaded and extracted, then complete', async () => {
			const reference = `${harness.open}/${repository}/own-layer:1`;
			await harness.makeImage(reference);
			await collect(engine.pushImage(reference, undefined, new AbortController().signal));
			await engine.remove('images', reference);
			const pulled = await collect(engine.pullImage(reference, undefined, new AbortController().signal));
			const downloaded = [...phasesByLayer(pulled).values()].filter(phases => !phases.includes('exists'));
			assert.equal(downloaded.length, 1, JSON.stringify([...phasesByLayer(pulled)]));
			const phases = downloaded[0]!;
			assert.equal(phases[0], 'waiting');
			assert.ok(phases.includes('downloading'), phases.join(','));
			assert.ok(phases.includes('extracting'), phases.join(','));
			assert.equal(phases.at(-1), 'pulled');
			const bytes = pulled.find(event => event.type === 'layer' && event.phase === 'downloading');
			assert.ok(bytes?.type === 'layer' && bytes.total !== undefined && bytes.total > 0 && bytes.current !== undefined, 'downloading has byte counts');
		});

		test('pulling what is already there says it is up to date', async () => {
			const reference = `${harness.open}/${repository}/busybox:pushed`;
			const pulled = await collect(engine.pullImage(reference, undefined, new AbortController().signal));
			assert.equal(messages(pulled).at(-1), `Status: Image is up to date for ${reference}`);
		});

		test('tag, pull and push announce themselves on the event stream', async () => {
			const controller = new AbortController();
			const seen: EngineEvent[] = [];
			const reading = (async () => {
				for await (const event of engine.events(controller.signal)) if (event.type === 'image') seen.push(event);
			})();
			await new Promise(resolve => setTimeout(resolve, 100));
			const reference = `${harness.open}/${repository}/busybox:events`;
			await engine.tagImage('busybox:local', reference);
			await collect(engine.pushImage(reference, undefined, new AbortController().signal));
			await collect(engine.pullImage(reference, undefined, new AbortController().signal));
			const deadline = Date.now() + 3000;
			while (seen.length < 3 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 20));
			controller.abort();
			await reading;
			assert.deepEqual(seen.map(event => [event.action, event.attributes['name']]), [
				['tag', reference],
				['push', `${harness.open}/${repository}/busybox`],
				['pull', `${harness.open}/${repository}/busybox`],
			]);
		});

		test('an unknown image, a closed port and a malformed reference are one line each', async () => {
			const missing = `${harness.open}/${repository}/nothing:1`;
			await rejectsWith(collect(engine.pullImage(missing, undefined, new AbortController().signal)), 'not-found', `${missing} is not in the registry ${harness.open} (manifest unknown)`);
			const nowhere = `${harness.closed}/${repository}/x:1`;
			await rejectsWith(collect(engine.pullImage(nowhere, undefined, new AbortController().signal)), 'server', `cannot reach the registry ${harness.closed}: connection refused`);
			await rejectsWith(collect(engine.pullImage('Busybox', undefined, new AbortController().signal)), 'bad-request', 'invalid reference "Busybox": repository name must be lowercase');
			await rejectsWith(collect(engine.pushImage(`${harness.open}/x@sha256:${'a'.repeat(64)}`, undefined, new AbortController().signal)), 'bad-request', `invalid reference "${harness.open}/x@sha256:${'a'.repeat(64)}": cannot push a digest reference`);
			const notLocal = `${harness.open}/${repository}/never-tagged:1`;
			await rejectsWith(collect(engine.pushImage(notLocal, undefined, new AbortController().signal)), 'not-found', `there is no local image ${notLocal} to push (tag one first)`);
		});

		test('tag refuses a bad target before asking, and an unknown source in the daemon\'s words', async () => {
			await rejectsWith(engine.tagImage('busybox:local', 'UPPER/case'), 'bad-request', 'invalid reference "UPPER/case": repository name must be lowercase');
			await rejectsWith(engine.tagImage('busybox:local', `x@sha256:${'b'.repeat(64)}`), 'bad-request', `invalid reference "x@sha256:${'b'.repeat(64)}": a tag cannot have a digest (@sha256:…)`);
			await rejectsWith(engine.tagImage('nosuch:1', `${harness.open}/${repository}/y:1`), 'not-found', 'No such image: nosuch:1');
		});

		test('a registry with basic auth: no login, a wrong one, then the one from DOCKER_CONFIG', async () => {
			const reference = `${harness.locked}/${repository}/busybox:auth`;
			await engine.tagImage('busybox:local', reference);
			const signal = new AbortController().signal;
			await rejectsWith(collect(engine.pushImage(reference, undefined, signal)), 'denied', `${harness.locked} wants a login and there are no credentials for it (docker login ${harness.locked})`);

			const wrong = await lookupCredentials(harness.locked, {env: dockerConfig(configRoot, 'wrong', harness.locked, {username: harness.login.username, password: 'not-the-password'})});
			assert.equal(wrong?.username, harness.login.username);
			await rejectsWith(collect(engine.pushImage(reference, wrong, signal)), 'denied', `${harness.locked} refused the credentials for ${reference} (unauthorized: authentication required)`);

			const right = await lookupCredentials(harness.locked, {env: dockerConfig(configRoot, 'right', harness.locked, harness.login)});
			const pushed = await collect(engine.pushImage(reference, right, signal));
			const [digest] = digests(pushed);
			assert.equal(await harness.remoteDigest(harness.locked, `${repository}/busybox:auth`), digest);

			await engine.remove('images', reference);
			await rejectsWith(collect(engine.pullImage(reference, wrong, signal)), 'denied', `${harness.locked} refused the credentials for ${reference} (unauthorized: authentication required)`);
			await rejectsWith(collect(engine.pullImage(reference, undefined, signal)), 'denied', `${harness.locked} wants a login and there are no credentials for it (docker login ${harness.locked})`);
			assert.deepEqual(digests(await collect(engine.pullImage(reference, right, signal))), [digest]);
		});

		test('aborting a pull ends it quietly, and the engine carries on', async () => {
			const reference = `${harness.open}/${repository}/own-layer:1`;
			await engine.remove('images', reference);
			const controller = new AbortController();
			const seen: TransferEvent[] = [];
			for await (const event of engine.pullImage(reference, undefined, controller.signal)) {
				seen.push(event);
				controller.abort();
			}

			assert.equal(seen.length, 1);
			const already = new AbortController();
			already.abort();
			assert.deepEqual(await collect(engine.pullImage(reference, undefined, already.signal)), []);
			await collect(engine.pullImage(reference, undefined, new AbortController().signal));
			assert.ok((await engine.listImages()).some(image => image.tags.includes(reference)));
		});
	});
}
