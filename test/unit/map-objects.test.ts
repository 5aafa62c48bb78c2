import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {mapHistory, mapImages, mapNetworks, mapPruneResult, mapVolumes, sanitizeDocument} from '../../source/docker/map-objects.js';
import {mapDaemonInfo, mapDiskUsage} from '../../source/docker/map-system.js';

const garbage = [undefined, null, 42, 'text', {}, [null, 7, 'x']];

describe('images', () => {
	test('dockerd 20.10 answers: tags kept, `<none>:<none>` dropped, -1 sizes left out', () => {
		const [tagged, dangling] = mapImages([
			{Containers: -1, Created: 1_795_813_657, Id: 'sha256:66c6', Labels: null, ParentId: 'sha256:264e', RepoDigests: null, RepoTags: ['busybox:local', 'a:1'], SharedSize: -1, Size: 1_985_472},
			{Containers: 2, Created: 5, Id: 'sha256:72ba', Labels: {probe: '1'}, ParentId: '', RepoDigests: ['<none>@<none>'], RepoTags: ['<none>:<none>'], SharedSize: 10, Size: 20},
		]);
		assert.deepEqual(tagged, {id: 'sha256:66c6', parentId: 'sha256:264e', tags: ['busybox:local', 'a:1'], digests: [], created: 1_795_813_657, size: 1_985_472, labels: {}});
		assert.deepEqual(dangling, {id: 'sha256:72ba', parentId: '', tags: [], digests: [], created: 5, size: 20, sharedSize: 10, containers: 2, labels: {probe: '1'}});
	});

	test('hostile tags are inert; entries without an id are dropped; garbage gives nothing', () => {
		const [image] = mapImages([{Id: 'sha256:1', RepoTags: ['evil\u001B]52;c;x\u0007:1']}, {RepoTags: ['x:1']}]);
		assert.equal(image?.tags[0], 'evil^[]52;c;x^G:1');
		for (const value of garbage) assert.deepEqual(mapImages(value), []);
	});
});

describe('networks and volumes', () => {
	test('networks: driver, scope, internal, subnets, created', () => {
		const [network] = mapNetworks([{Name: 'probe-net', Id: 'eaee', Created: '2026-11-27T21:46:36.698630984Z', Scope: 'local', Driver: 'bridge', Internal: true, IPAM: {Config: [{Subnet: '172.17.0.0/16', Gateway: '172.17.0.1'}, {}]}, Labels: {}}]);
		assert.deepEqual(network, {id: 'eaee', name: 'probe-net', driver: 'bridge', scope: 'local', internal: true, subnets: ['172.17.0.0/16'], created: Date.parse('2026-11-27T21:46:36Z') / 1000, labels: {}});
		assert.equal(mapNetworks([{Id: 'x', Name: 'n', Internal: 'yes'}])[0]?.internal, false);
	});

	test('volumes from the list answer and from disk usage (size, reference count; -1 means unknown)', () => {
		const [volume] = mapVolumes({Volumes: [{CreatedAt: '2026-11-27T21:46:36Z', Driver: 'local', Labels: null, Mountpoint: '/v/_data', Name: 'data', Scope: 'local'}], Warnings: null});
		assert.deepEqual(volume, {name: 'data', driver: 'local', mountpoint: '/v/_data', scope: 'local', created: Date.parse('2026-11-27T21:46:36Z') / 1000, labels: {}});
		const [sized, unknown] = mapVolumes([{Name: 'a', UsageData: {RefCount: 1, Size: 0}}, {Name: 'b', UsageData: {RefCount: -1, Size: -1}}]);
		assert.equal(sized?.size, 0);
		assert.equal(sized?.refCount, 1);
		assert.equal(unknown?.size, undefined);
		assert.equal(unknown?.refCount, undefined);
		for (const value of garbage) assert.deepEqual(mapVolumes(value), []);
	});
});

describe('system answers', () => {
	test('disk usage', () => {
		const usage = mapDiskUsage({LayersSize: 100, Images: [{Id: 'sha256:1', Containers: 4, SharedSize: 0, Size: 100}], Containers: [{Id: 'c1', Names: ['/web'], State: 'running', SizeRw: 12}], Volumes: [{Name: 'v', UsageData: {RefCount: 0, Size: 5}}], BuildCache: null});
		assert.equal(usage.layersSize, 100);
		assert.equal(usage.images[0]?.containers, 4);
		assert.deepEqual(usage.containers, [{id: 'c1', name: 'web', state: 'running', sizeRw: 12}]);
		assert.equal(usage.volumes[0]?.size, 5);
		assert.deepEqual(usage.buildCache, []);
		assert.deepEqual(mapDiskUsage(null), {layersSize: 0, images: [], containers: [], volumes: [], buildCache: []});
	});

	test('info', () => {
		const info = mapDaemonInfo({Name: 'vm', ServerVersion: '20.10.24', Driver: 'overlay2', CgroupDriver: 'cgroupfs', CgroupVersion: '1', NCPU: 2, MemTotal: 25_276_510_208, Containers: 5, ContainersRunning: 3, ContainersPaused: 0, ContainersStopped: 2, Images: 3, Swarm: {LocalNodeState: 'inactive'}, Warnings: ['WARNING: x\u001B[2J']});
		assert.equal(info.storageDriver, 'overlay2');
		assert.equal(info.swarm, 'inactive');
		assert.deepEqual(info.warnings, ['WARNING: x^[[2J']);
		assert.equal(mapDaemonInfo('nope').cpus, 0);
	});

	test('history and prune results', () => {
		assert.deepEqual(mapHistory([{Id: '<missing>', Created: 1, CreatedBy: '/bin/sh -c echo', Size: 3, Tags: null, Comment: ''}]), [{id: '<missing>', created: 1, createdBy: '/bin/sh -c echo', size: 3, tags: [], comment: ''}]);
		assert.deepEqual(mapPruneResult({ImagesDeleted: [{Untagged: 'a:1'}, {Deleted: 'sha256:1'}, {Deleted: 'sha256:2'}], SpaceReclaimed: 9}), {deleted: ['sha256:1', 'sha256:2'], untagged: ['a:1'], spaceReclaimed: 9});
		assert.deepEqual(mapPruneResult({NetworksDeleted: null}), {deleted: [], untagged: [], spaceReclaimed: 0});
		assert.deepEqual(mapPruneResult({VolumesDeleted: ['v'], SpaceReclaimed: 0}), {deleted: ['v'], untagged: [], spaceReclaimed: 0});
	});
});

describe('inspect documents', () => {
	test('every string made inert, keys too; "__proto__" stays data; depth is bounded', () => {
		const raw = JSON.parse('{"__proto__": {"polluted": true}, "Env": ["A=\\u001b]0;title\\u0007"], "Labels": {"k\\u001b[31m": "v"}, "N": 1, "B": false, "Z": null}');
		const clean = sanitizeDocument(raw) as Record<string, unknown>;
		assert.deepEqual(clean['Env'], ['A=^[]0;title^G']);
		assert.deepEqual(clean['Labels'], {'k^[[31m': 'v'});
		assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
		assert.deepEqual(Object.keys(clean), ['__proto__', 'Env', 'Labels', 'N', 'B', 'Z']);
		let deep: unknown = 'bottom';
		for (let index = 0; index < 200; index++) deep = [deep];
		assert.doesNotThrow(() => JSON.stringify(sanitizeDocument(deep)));
	});
});
