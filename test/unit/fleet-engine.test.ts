// A fleet's engine: ids tagged with their host on the way out, untagged on the way in,
// and every request that names an object sent to the host that listed it — only there.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createFakeEngine, fakeContainer, type FakeEngine} from '../fakes/fake-engine.js';
import {fakeVolume} from '../fakes/fake-objects.js';
import {fakeImage} from '../fakes/fake-images.js';
import type {EngineEvent} from '../../source/engine/engine.js';
import {isEngineError} from '../../source/engine/errors.js';
import {onSameHost, plainId, splitId, tagId} from '../../source/fleet/fleet-id.js';
import {hostLabel, uniqueLabels} from '../../source/fleet/host-label.js';
import {createFleetSession} from '../../source/start/fleet-session.js';
import {fleetOf} from '../../source/fleet/fleet.js';
import {targetsOf} from '../../source/start/connect.js';

const id = 'a'.repeat(64);

/** Two fake daemons with the same objects, both connected. */
async function twoHosts(): Promise<{one: FakeEngine; two: FakeEngine; session: ReturnType<typeof createFleetSession>}> {
	const seed = () => ({
		containers: [fakeContainer({id, name: 'web', state: 'running', imageId: 'sha256:' + 'b'.repeat(64), volumes: ['data']})],
		images: [fakeImage({id: 'sha256:' + 'b'.repeat(64), tags: ['busybox:local']})],
		volumes: [fakeVolume({name: 'data'}), fakeVolume({name: 'cache'})],
	});
	const one = createFakeEngine(seed());
	const two = createFakeEngine(seed());
	const session = createFleetSession([
		{label: 'one', engine: one, info: await one.ping()},
		{label: 'two', engine: two, info: await two.ping()},
	], {monitor: {pingIntervalMs: 60_000}});
	return {one, two, session};
}

const calls = (fake: FakeEngine, method: string) => fake.calls.filter(call => call.method === method).map(call => call.args);

describe('fleet ids', () => {
	test('tag, split and show', () => {
		assert.equal(tagId('sha256:abc', '2'), 'sha256:abc#2');
		assert.deepEqual(splitId('sha256:abc#2'), {key: '2', id: 'sha256:abc'});
		assert.equal(splitId('sha256:abc'), undefined);
		assert.equal(plainId('data#12'), 'data');
		assert.equal(plainId('data'), 'data');
		assert.equal(onSameHost('busybox:local', 'sha256:abc#2'), 'busybox:local#2');
		assert.equal(onSameHost('busybox:local', 'sha256:abc'), 'busybox:local');
	});

	test('host labels are short and unique', () => {
		assert.equal(hostLabel('unix:///var/run/docker.sock'), 'local');
		assert.equal(hostLabel('unix:///tmp/d1/docker.sock'), '/tmp/d1');
		assert.equal(hostLabel('ssh://admin@web1'), 'web1');
		assert.equal(hostLabel('ssh://admin@web1:2222'), 'web1:2222');
		assert.equal(hostLabel('tcp://10.0.0.5:2376'), '10.0.0.5:2376');
		assert.deepEqual(uniqueLabels(['web1', 'web2', 'web1']), ['web1', 'web2', 'web1 (2)']);
	});

	test('--host and --context: repeated or comma-separated, never both', () => {
		assert.deepEqual(targetsOf(['unix:///a', 'unix:///b'], []), [{host: 'unix:///a'}, {host: 'unix:///b'}]);
		assert.deepEqual(targetsOf([], ['one,two', 'three']), [{context: 'one'}, {context: 'two'}, {context: 'three'}]);
		assert.deepEqual(targetsOf([], []), []);
		assert.deepEqual(targetsOf([''], []), [{host: ''}], 'an empty --host is its own mistake, not the default');
		assert.throws(() => targetsOf(['unix:///a'], ['one']), /^Error: conflicting options: cannot specify both --host and --context$/);
	});
});

describe('the fleet engine', () => {
	test('lists every host with ids that name it, references too', async () => {
		const {session} = await twoHosts();
		const containers = await session.engine.listContainers();
		assert.deepEqual(containers.map(container => [container.id, container.imageId, container.volumes]), [
			[`${id}#1`, `sha256:${'b'.repeat(64)}#1`, ['data#1']],
			[`${id}#2`, `sha256:${'b'.repeat(64)}#2`, ['data#2']],
		]);
		assert.deepEqual((await session.engine.listVolumes()).map(volume => volume.name), ['data#1', 'cache#1', 'data#2', 'cache#2']);
		session.engine.close();
	});

	test('an action reaches the host its id names, with the daemon\'s own id, and no other', async () => {
		const {one, two, session} = await twoHosts();
		await session.engine.containerAction(`${id}#2`, 'stop');
		await session.engine.remove('volumes', 'cache#1');
		await session.engine.remove('images', 'busybox:local#2', {force: true});
		assert.deepEqual(calls(two, 'containerAction'), [[id, 'stop']]);
		assert.deepEqual(calls(one, 'containerAction'), []);
		assert.deepEqual(calls(one, 'remove').map(args => args.slice(0, 2)), [['volumes', 'cache']]);
		assert.deepEqual(calls(two, 'remove').map(args => args.slice(0, 2)), [['images', 'busybox:local']]);
		session.engine.close();
	});

	test('an id without a host, or with one the fleet does not have, is refused before any request', async () => {
		const {one, two, session} = await twoHosts();
		await assert.rejects(session.engine.containerAction(id, 'stop'), error => isEngineError(error) && error.message === `${id}: which host? (watching one, two)`);
		await assert.rejects(session.engine.containerAction(`${id}#9`, 'stop'), /which host\?/);
		// A stream that names no host fails when read, as the daemon's refusal would.
		const logs = session.engine.logs(id, {follow: false, tail: 10}, AbortSignal.timeout(1000));
		await assert.rejects((async () => {
			for await (const _line of logs) assert.fail('no line expected');
		})(), /which host\?/);
		assert.deepEqual([...calls(one, 'containerAction'), ...calls(two, 'containerAction'), ...calls(one, 'logs'), ...calls(two, 'logs')], []);
		session.engine.close();
	});

	test('a member refuses an id tagged for another host', async () => {
		const {two, session} = await twoHosts();
		const second = fleetOf(session.engine)!.members[1]!;
		await assert.rejects(second.engine.containerAction(`${id}#1`, 'stop'), error => isEngineError(error) && error.message === `${id} is not on two`);
		assert.deepEqual(calls(two, 'containerAction'), []);
		session.engine.close();
	});

	test('prune runs on every connected host and adds up what they freed', async () => {
		const {one, two, session} = await twoHosts();
		const result = await session.engine.prune('volumes');
		assert.equal(calls(one, 'prune').length, 1);
		assert.equal(calls(two, 'prune').length, 1);
		assert.deepEqual(result.deleted, ['cache', 'cache']);
		session.engine.close();
	});

	test('disk usage: the daemons\' own figures (API 1.52+) are added up only for a type every host gave them for', async () => {
		const {one, two, session} = await twoHosts();
		const figures = (total: number) => ({total, active: 1, size: total * 100, reclaimable: total * 10});
		const own = async (totals: object) => ({layersSize: 0, images: [], containers: [], volumes: [], buildCache: [], totals});
		try {
			Object.assign(one, {diskUsage: async () => own({images: figures(1), volumes: figures(3)})});
			Object.assign(two, {diskUsage: async () => own({images: figures(2)})});
			assert.deepEqual((await session.engine.diskUsage()).totals, {images: {total: 3, active: 2, size: 300, reclaimable: 30}});
			// A host without figures (before 1.52): none for the fleet, which is then computed from the items.
			Object.assign(two, {diskUsage: async () => ({layersSize: 0, images: [], containers: [], volumes: [], buildCache: []})});
			assert.equal((await session.engine.diskUsage()).totals, undefined);
		} finally {
			session.engine.close();
		}
	});

	test('events of every host, ids tagged', async () => {
		const {one, two, session} = await twoHosts();
		const stop = new AbortController();
		const seen: EngineEvent[] = [];
		const reading = (async () => {
			for await (const event of session.engine.events(stop.signal)) {
				seen.push(event);
				if (seen.length === 2) stop.abort();
			}
		})();
		await new Promise(resolve => setTimeout(resolve, 20));
		one.emit({type: 'container', action: 'start', id, time: 1, attributes: {}});
		two.emit({type: 'container', action: 'die', id, time: 2, attributes: {}});
		await reading;
		assert.deepEqual(seen.map(event => [event.action, event.id]), [['start', `${id}#1`], ['die', `${id}#2`]]);
		session.engine.close();
	});
});
