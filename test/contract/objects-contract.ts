import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import type {Engine} from '../../source/engine/engine.js';
import {networkInUseMessage} from '../helpers/daemon-words.js';
import {EngineError} from '../../source/engine/errors.js';

// Images, networks, volumes and the system endpoints: one suite for the fake and the
// real daemon, so what the views rely on (which reference removes what, the daemon's
// refusals word for word, what counts as used) cannot drift between the two.

export type LinkedOptions = {name: string; image?: string; network?: string; volume?: string; start?: boolean};

export type ObjectsHarness = {
	engine: Engine;
	/** `FROM busybox:local` plus these Dockerfile lines, tagged `tag` (taken from any image that had it); the new id. */
	build(tag: string, lines: string[]): Promise<string>;
	tag(source: string, reference: string): Promise<void>;
	network(name: string): Promise<string>;
	volume(name: string): Promise<void>;
	container(options: LinkedOptions): Promise<string>;
	removeContainer(id: string): Promise<void>;
	cleanup(): Promise<void>;
};

async function rejectsWith(promise: Promise<unknown>, kind: EngineError['kind'], message: string | RegExp): Promise<void> {
	await assert.rejects(promise, (error: unknown) => {
		assert.ok(error instanceof EngineError, `not an EngineError: ${String(error)}`);
		assert.equal(error.kind, kind, error.message);
		if (typeof message === 'string') assert.equal(error.message, message);
		else assert.match(error.message, message);
		return true;
	});
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

export function objectsContract(name: string, make: (prefix: string) => Promise<ObjectsHarness>): void {
	describe(`objects contract: ${name}`, () => {
		const prefix = `dtui-objects-${process.pid}-${Date.now().toString(36)}`;
		let harness: ObjectsHarness;
		let engine: Engine;
		let count = 0;
		const next = () => `${prefix}-${++count}`;

		before(async () => {
			harness = await make(prefix);
			engine = harness.engine;
		});

		after(async () => {
			await harness.cleanup();
		});

		const image = async (reference: string) => (await engine.listImages()).find(item => item.tags.includes(reference));

		test('an image with several tags is one image; removing one tag only untags it', async () => {
			const id = await harness.build(`${next()}:one`, ['LABEL dtui.test=tags']);
			const [a, b] = [`${next()}:a`, `${next()}/slash:b`];
			await harness.tag(id, a);
			await harness.tag(id, b);
			const listed = await image(a);
			assert.ok(listed);
			assert.equal(listed.id, id);
			assert.match(listed.id, /^sha256:[0-9a-f]{64}$/);
			assert.equal(listed.tags.length, 3);
			assert.ok(listed.size > 0);
			assert.equal(listed.labels['dtui.test'], 'tags');
			await rejectsWith(engine.remove('images', id), 'conflict', `conflict: unable to delete ${short(id)} (must be forced) - image is referenced in multiple repositories`);
			await engine.remove('images', b);
			assert.deepEqual((await image(a))?.tags.length, 2);
			assert.equal(await image(b), undefined);
		});

		test('an image in use: removing its last tag or id fails in the daemon\'s words; force by tag only untags', async () => {
			const reference = `${next()}:used`;
			const id = await harness.build(reference, ['LABEL dtui.test=used']);
			const container = await harness.container({name: next(), image: reference});
			await rejectsWith(engine.remove('images', reference), 'conflict', `conflict: unable to remove repository reference "${reference}" (must force) - container ${short(container)} is using its referenced image ${short(id)}`);
			await rejectsWith(engine.remove('images', id), 'conflict', `conflict: unable to delete ${short(id)} (must be forced) - image is being used by stopped container ${short(container)}`);
			await harness.removeContainer(container);
			const running = await harness.container({name: next(), image: id, start: true});
			await rejectsWith(engine.remove('images', id, {force: true}), 'conflict', `conflict: unable to delete ${short(id)} (cannot be forced) - image is being used by running container ${short(running)}`);
			await engine.remove('images', reference, {force: true});
			const dangling = (await engine.listImages()).find(item => item.id === id);
			assert.deepEqual(dangling?.tags, [], 'untagged, still there');
			await harness.removeContainer(running);
			await engine.remove('images', id);
			assert.equal((await engine.listImages()).find(item => item.id === id), undefined);
		});

		test('history lists the layers, newest first, with what made them', async () => {
			const reference = `${next()}:history`;
			const id = await harness.build(reference, ['LABEL dtui.test=history']);
			const layers = await engine.imageHistory(reference);
			assert.ok(layers.length >= 2);
			assert.equal(layers[0]!.id, id);
			assert.deepEqual(layers[0]!.tags, [reference]);
			assert.ok(layers.every(layer => layer.createdBy !== '' && layer.size >= 0 && layer.created > 0));
			await rejectsWith(engine.imageHistory(`${prefix}-missing`), 'not-found', `No such image: ${prefix}-missing:latest`);
		});

		test('inspect returns the daemon\'s document for each kind; unknown ids are not-found', async () => {
			const reference = `${next()}:inspect`;
			const id = await harness.build(reference, ['LABEL dtui.test=inspect']);
			const network = next();
			await harness.network(network);
			const volume = next();
			await harness.volume(volume);
			assert.equal((await engine.inspect('images', reference) as {Id: string}).Id, id);
			assert.equal((await engine.inspect('networks', network) as {Name: string}).Name, network);
			assert.equal((await engine.inspect('volumes', volume) as {Name: string}).Name, volume);
			const containerName = next();
			const container = await harness.container({name: containerName, volume});
			const document = await engine.inspect('containers', container) as {Id: string; Name: string; State: {Status: string}};
			assert.deepEqual([document.Id, document.Name, document.State.Status], [container, `/${containerName}`, 'created']);
			const missing = `${prefix}-missing`;
			await rejectsWith(engine.inspect('containers', missing), 'not-found', `No such container: ${missing}`);
			await rejectsWith(engine.inspect('networks', missing), 'not-found', `network ${missing} not found`);
			await rejectsWith(engine.inspect('volumes', missing), 'not-found', `get ${missing}: no such volume`);
			await rejectsWith(engine.inspect('images', missing), 'not-found', /No such image: .*missing:latest$/);
		});

		test('networks: internal ones are listed with driver and subnet; built-in and in-use ones refuse removal', async () => {
			const network = next();
			const id = await harness.network(network);
			const listed = (await engine.listNetworks()).find(item => item.id === id);
			assert.ok(listed);
			assert.equal(listed.name, network);
			assert.equal(listed.driver, 'bridge');
			assert.equal(listed.scope, 'local');
			assert.equal(listed.internal, true);
			assert.match(listed.subnets[0] ?? '', /^\d+\.\d+\.\d+\.\d+\/\d+$/);
			await rejectsWith(engine.remove('networks', 'host'), 'denied', 'host is a pre-defined network and cannot be removed');
			await rejectsWith(engine.remove('networks', 'none'), 'denied', 'none is a pre-defined network and cannot be removed');
			const container = await harness.container({name: next(), network, start: true});
			const attached = (await engine.listContainers()).find(item => item.id === container);
			assert.deepEqual(attached?.networks?.map(link => link.name), [network]);
			await rejectsWith(engine.remove('networks', network), 'denied', networkInUseMessage(network, id));
			await harness.removeContainer(container);
			await engine.remove('networks', network);
			await rejectsWith(engine.remove('networks', network), 'not-found', `network ${network} not found`);
		});

		test('volumes: listed with driver and mountpoint, sized by disk usage; one in use is not removed', async () => {
			const volume = next();
			await harness.volume(volume);
			const listed = (await engine.listVolumes()).find(item => item.name === volume);
			assert.equal(listed?.driver, 'local');
			assert.match(listed?.mountpoint ?? '', new RegExp(`/volumes/${volume}/_data$`));
			const container = await harness.container({name: next(), volume});
			assert.deepEqual((await engine.listContainers()).find(item => item.id === container)?.volumes, [volume]);
			const usage = (await engine.diskUsage()).volumes.find(item => item.name === volume);
			assert.equal(usage?.refCount, 1);
			assert.equal(usage?.size, 0);
			await rejectsWith(engine.remove('volumes', volume), 'conflict', `remove ${volume}: volume is in use - [${container}]`);
			assert.ok((await engine.listVolumes()).some(item => item.name === volume), 'nothing removed');
			await harness.removeContainer(container);
			await engine.remove('volumes', volume);
			await rejectsWith(engine.remove('volumes', volume), 'not-found', `get ${volume}: no such volume`);
		});

		test('prune removes what is unused and keeps what is used, and says what went', async () => {
			const [usedNetwork, idleNetwork, usedVolume, idleVolume] = [next(), next(), next(), next()];
			for (const network of [usedNetwork, idleNetwork]) await harness.network(network);
			for (const volume of [usedVolume, idleVolume]) await harness.volume(volume);
			const container = await harness.container({name: next(), network: usedNetwork, volume: usedVolume, start: true});
			const networks = await engine.prune('networks');
			assert.ok(networks.deleted.includes(idleNetwork) && !networks.deleted.includes(usedNetwork), networks.deleted.join());
			const volumes = await engine.prune('volumes');
			assert.ok(volumes.deleted.includes(idleVolume) && !volumes.deleted.includes(usedVolume), volumes.deleted.join());
			assert.ok((await engine.listNetworks()).some(item => item.name === usedNetwork));
			assert.ok((await engine.listVolumes()).some(item => item.name === usedVolume));
			await harness.removeContainer(container);

			// A rebuild under the same tag leaves the old image dangling.
			const reference = `${next()}:prune`;
			const old = await harness.build(reference, ['LABEL dtui.test=old']);
			await harness.build(reference, ['LABEL dtui.test=new']);
			assert.deepEqual((await engine.listImages()).find(item => item.id === old)?.tags, []);
			const images = await engine.prune('images');
			assert.ok(images.deleted.includes(old), images.deleted.join());
			assert.ok(await image(reference), 'a tagged image stays in a dangling-only prune');
			assert.ok(images.spaceReclaimed >= 0);
		});

		test('disk usage counts image users and layers; info describes the daemon', async () => {
			const reference = `${next()}:df`;
			const id = await harness.build(reference, ['LABEL dtui.test=df']);
			await harness.container({name: next(), image: reference});
			const usage = await engine.diskUsage();
			assert.ok(usage.layersSize > 0);
			assert.equal(usage.images.find(item => item.id === id)?.containers, 1);
			assert.ok(usage.containers.length >= 1);
			const info = await engine.info();
			assert.match(info.serverVersion, /^\d+\.\d+/);
			assert.ok(info.cpus > 0 && info.memoryBytes > 0);
			assert.ok(info.containers >= 1 && info.images >= 1);
			assert.ok(['inactive', 'active', 'pending', 'error', 'locked'].includes(info.swarm), info.swarm);
			assert.equal(info.containers, info.running + info.paused + info.stopped);
		});
	});
}
