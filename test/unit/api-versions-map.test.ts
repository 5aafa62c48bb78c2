import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import http from 'node:http';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, afterEach, before, describe, test} from 'node:test';
import {resolveEndpoint} from '../../source/transport/connection.js';
import {createDockerodeEngine} from '../../source/docker/dockerode-engine.js';
import {pruneFilters} from '../../source/docker/dockerode-objects.js';
import {mapContainer, mapEvent} from '../../source/docker/map.js';
import {mapImages, mapNetworks} from '../../source/docker/map-objects.js';
import {mapDiskUsage} from '../../source/docker/map-system.js';
import type {DiskUsage} from '../../source/engine/objects.js';
import {parseProgressLine} from '../../source/docker/progress-stream.js';
import {imageListing} from '../../source/one-shot/images.js';
import {reclaimableText, usageRows} from '../../source/views/disk-usage-summary.js';

// What the Engine API answers differently between 1.41 (Docker 20.10, Podman 4) and the
// versions dtui now negotiates (up to 1.52 and beyond), each read both ways. Payloads follow
// the published specification of each version (moby api/docs/v1.XX.yaml: its examples
// and documented field shapes) and moby's api/docs/CHANGELOG.md.

const imageId = 'sha256:ec3f0931a6e6b6855d76b2d7b0be30e81860baccd891b2e243280bf1cd8ad710';
const labels = {'com.example.some-label': 'some-value', 'com.example.some-other-label': 'some-other-value'};
const tags = ['example:1.0', 'example:latest', 'example:stable', 'internal.registry.example.com:5000/example:1.0'];
const digests = ['example@sha256:afcc7f1ac1b49db317a7196c902e61c6c3c4607d63599ee1a82d702d249a0ccb'];

/** The ImageSummary every version's example describes, as dtui maps it (apart from the counted fields). */
const mappedImage = {id: imageId, parentId: '', tags, digests, created: 1_644_009_612, size: 172_064_416, labels};

describe('GET /images/json', () => {
	// v1.41: VirtualSize alongside Size; Containers and SharedSize -1 in a list ("not calculated").
	const v141 = {Id: imageId, ParentId: '', RepoTags: tags, RepoDigests: digests, Created: 1_644_009_612, Size: 172_064_416, SharedSize: -1, VirtualSize: 172_064_416, Labels: labels, Containers: -1};
	// v1.44 dropped VirtualSize; v1.51 counts the containers of every image in the list.
	const v151 = {Id: imageId, ParentId: '', RepoTags: tags, RepoDigests: digests, Created: 1_644_009_612, Size: 172_064_416, SharedSize: -1, Labels: labels, Containers: 2};

	test('1.41: Size read, -1 counts left out', () => {
		assert.deepEqual(mapImages([v141]), [mappedImage]);
	});

	test('1.51: no VirtualSize; the container count kept', () => {
		assert.deepEqual(mapImages([v151]), [{...mappedImage, containers: 2}]);
	});

	test('an answer with only the old VirtualSize still has a size', () => {
		const {Size: _size, ...withoutSize} = v141;
		assert.equal(mapImages([withoutSize])[0]?.size, 172_064_416);
	});

	test('1.41 dangling images say <none>:<none> and <none>@<none>; 1.43 says nothing: both have no tags', () => {
		const old = mapImages([{...v141, RepoTags: ['<none>:<none>'], RepoDigests: ['<none>@<none>']}]);
		const current = mapImages([{...v151, RepoTags: [], RepoDigests: []}]);
		assert.deepEqual([old[0]?.tags, old[0]?.digests, current[0]?.tags, current[0]?.digests], [[], [], [], []]);
	});

	test('`dtui images --format json` says Containers as the docker CLI does: N/A before 1.51, the count after', () => {
		const containers = (raw: unknown) => imageListing(mapImages([raw]), {noTrunc: false, now: 0}).rows[0]?.json['Containers'];
		assert.equal(containers(v141), 'N/A');
		assert.equal(containers(v151), '2');
	});
});

describe('GET /containers/json', () => {
	const base = {
		Id: 'aa86eacfb3b3ed4cd362c1e88fc89a53908ad05fb3a4103bca3f9b28292d14bf',
		Names: ['/funny_chatelet'],
		Image: 'docker.io/library/ubuntu:latest',
		ImageID: 'sha256:72297848456d5d37d1262630108ab308d3e9ec7ed1c3286a32fe09856619a782',
		Command: '/bin/bash',
		Created: 1_739_811_096,
		Labels: {},
		HostConfig: {NetworkMode: 'default'},
		Mounts: [],
	};

	// v1.52 adds Health {Status: none|starting|healthy|unhealthy, FailingStreak}; the Status text still ends with it while running.
	const cases: Array<[string, Record<string, unknown>, string | undefined]> = [
		['1.41 running, healthy in the text', {State: 'running', Status: 'Up 4 days (healthy)'}, 'healthy'],
		['1.52 running, healthy in both', {State: 'running', Status: 'Up 4 days (healthy)', Health: {Status: 'healthy', FailingStreak: 0}}, 'healthy'],
		['1.41 running, starting in the text', {State: 'running', Status: 'Up 2 seconds (health: starting)'}, 'starting'],
		['1.52 running, starting', {State: 'running', Status: 'Up 2 seconds (health: starting)', Health: {Status: 'starting', FailingStreak: 0}}, 'starting'],
		['1.52 running, unhealthy', {State: 'running', Status: 'Up 4 days (unhealthy)', Health: {Status: 'unhealthy', FailingStreak: 3}}, 'unhealthy'],
		['1.52 without a health check', {State: 'running', Status: 'Up 4 days', Health: {Status: 'none', FailingStreak: 0}}, undefined],
		['1.52 running, the field wins over the text', {State: 'running', Status: 'Up 4 days', Health: {Status: 'healthy', FailingStreak: 0}}, 'healthy'],
		// A stopped container keeps its last status (the daemon sets "unhealthy" as the check stops): `docker ps` shows none.
		['1.41 exited', {State: 'exited', Status: 'Exited (0) 5 minutes ago'}, undefined],
		['1.52 exited with a stale status', {State: 'exited', Status: 'Exited (0) 5 minutes ago', Health: {Status: 'unhealthy', FailingStreak: 0}}, undefined],
		['1.52 paused', {State: 'paused', Status: 'Up 4 days (Paused)', Health: {Status: 'unhealthy', FailingStreak: 0}}, undefined],
		['an unknown status falls back to the text', {State: 'running', Status: 'Up 4 days (healthy)', Health: {Status: 'degraded'}}, 'healthy'],
	];
	for (const [name, fields, health] of cases) {
		test(`health: ${name} → ${String(health)}`, () => {
			assert.equal(mapContainer({...base, ...fields}).health, health);
		});
	}

	test('ports: 1.41 leaves IP out of an unpublished port, Docker 29 (a netip.Addr) writes it as ""; both read the same', () => {
		const published = {IP: '0.0.0.0', PrivatePort: 8080, PublicPort: 80, Type: 'tcp'};
		const old = mapContainer({...base, State: 'running', Status: 'Up', Ports: [published, {PrivatePort: 2222, Type: 'tcp'}]});
		const current = mapContainer({...base, State: 'running', Status: 'Up', Ports: [published, {IP: '', PrivatePort: 2222, Type: 'tcp'}]});
		const expected = [{privatePort: 8080, publicPort: 80, ip: '0.0.0.0', type: 'tcp'}, {privatePort: 2222, type: 'tcp'}];
		assert.deepEqual(old.ports, expected);
		assert.deepEqual(current.ports, expected);
	});
});

describe('GET /events', () => {
	const actor = {ID: 'ede54ee1afda366ab42f824e8a5ffd195155d853ceaec74a927f249ea270c743', Attributes: {'com.example.some-label': 'some-label-value', image: 'alpine:latest', name: 'my-container'}};
	const current = {Type: 'container', Action: 'create', Actor: actor, scope: 'local', time: 1_629_574_695, timeNano: 1_629_574_695_515_050_031};
	const expected = {type: 'container', action: 'create', id: actor.ID, name: 'my-container', time: 1_629_574_695, attributes: actor.Attributes};

	test('1.41: the deprecated status, id and from come alongside', () => {
		assert.deepEqual(mapEvent({status: 'create', id: actor.ID, from: 'alpine:latest', ...current}), expected);
	});

	test('1.52: only Type, Action, Actor, scope, time, timeNano', () => {
		assert.deepEqual(mapEvent(current), expected);
	});

	test('1.52 image events: no status or id either', () => {
		const image = {Type: 'image', Action: 'pull', Actor: {ID: 'alpine:latest', Attributes: {name: 'alpine'}}, scope: 'local', time: 1_629_574_695, timeNano: 1_629_574_695_515_050_031};
		assert.deepEqual(mapEvent(image), {type: 'image', action: 'pull', id: 'alpine:latest', name: 'alpine', time: 1_629_574_695, attributes: {name: 'alpine'}});
	});
});

describe('GET /networks', () => {
	const bridge = {
		Name: 'bridge',
		Id: 'f2de39df4171b0dc801e8002d1d999b77256983dfc63041c0f34030aa3977566',
		Created: '2016-10-19T06:21:00.416543526Z',
		Scope: 'local',
		Driver: 'bridge',
		EnableIPv6: false,
		Internal: false,
		Attachable: false,
		Ingress: false,
		IPAM: {Driver: 'default', Config: [{Subnet: '172.17.0.0/16'}]},
		Options: {'com.docker.network.bridge.default_bridge': 'true'},
	};
	const none = {Name: 'none', Id: 'e086a3893b05ab69242d3c44e49483a3bbbd3a26b46baa8f61ab797c1088d794', Created: '0001-01-01T00:00:00Z', Scope: 'local', Driver: 'null', EnableIPv6: false, Internal: false, Attachable: false, Ingress: false, IPAM: {Driver: 'default', Config: []}, Options: {}};
	const mappedBridge = {id: bridge.Id, name: 'bridge', driver: 'bridge', scope: 'local', internal: false, subnets: ['172.17.0.0/16'], created: 1_476_858_060, labels: {}};
	const mappedNone = {id: none.Id, name: 'none', driver: 'null', scope: 'local', internal: false, subnets: [], created: 0, labels: {}};

	test('1.41: no EnableIPv4; Containers in the list', () => {
		assert.deepEqual(mapNetworks([bridge, {...none, Containers: {}}]), [mappedBridge, mappedNone]);
	});

	test('1.52: EnableIPv4 said either way; no Containers in the list', () => {
		assert.deepEqual(mapNetworks([{...bridge, EnableIPv4: true}, {...none, EnableIPv4: false}]), [{...mappedBridge, enableIPv4: true}, mappedNone]);
	});
});

describe('GET /system/df', () => {
	// The v1.41 specification's example, with a running container added (its example's one has exited).
	const image41 = {Id: 'sha256:2b8fd9751c4c0f5dd266fcae00707e67a2545ef34f9a29354585f93dac906749', ParentId: '', RepoTags: ['busybox:latest'], RepoDigests: ['busybox@sha256:a59906e33509d14c036c8678d687bd4eec81ed7c4b8ce907b888c607f6a1e0e6'], Created: 1_466_724_217, Size: 1_092_588, SharedSize: 0, VirtualSize: 1_092_588, Labels: {}, Containers: 1};
	const {VirtualSize: _virtualSize, ...image52} = image41;
	const exited = {Id: 'e575172ed11dc01bfce087fb27bee502db149e1a0fad7c296ad300bbff178148', Names: ['/top'], Image: 'busybox', ImageID: image41.Id, Command: 'top', Created: 1_472_592_424, Ports: [], SizeRw: 4096, SizeRootFs: 1_092_588, Labels: {}, State: 'exited', Status: 'Exited (0) 56 minutes ago', HostConfig: {NetworkMode: 'default'}, Mounts: []};
	const running = {...exited, Id: 'f575172ed11dc01bfce087fb27bee502db149e1a0fad7c296ad300bbff178148', Names: ['/web'], State: 'running', Status: 'Up 2 hours', SizeRw: 1024};
	const volume = {Name: 'my-volume', Driver: 'local', Mountpoint: '/var/lib/docker/volumes/my-volume/_data', Labels: null, Scope: 'local', Options: null, UsageData: {Size: 10_920_104, RefCount: 2}};
	const cacheShared = {ID: 'hw53o5aio51xtltp5xjp8v7fx', Type: 'regular', Description: 'pulled from docker.io/library/debian', InUse: false, Shared: true, Size: 0, CreatedAt: '2021-06-28T13:31:01.474619385Z', LastUsedAt: '2021-07-07T22:02:32.738075951Z', UsageCount: 26};
	const cacheOwn = {...cacheShared, ID: 'ndlpt0hhvkqcdfkputsk4cq9c', Shared: false, Size: 51};

	const legacy = {LayersSize: 1_092_588, Images: [image41], Containers: [exited, running], Volumes: [volume], BuildCache: [{...cacheShared, Parent: ''}, {...cacheOwn, Parent: 'ndlpt0hhvkqcdfkputsk4cq9c'}]};
	// v1.52: the daemon's own figures per type (zeros left out: omitempty); Items only with verbose=1.
	const figures = {
		ImageUsage: {ActiveCount: 1, TotalCount: 1, TotalSize: 1_092_588},
		ContainerUsage: {ActiveCount: 1, TotalCount: 2, Reclaimable: 4096, TotalSize: 5120},
		VolumeUsage: {ActiveCount: 1, TotalCount: 1, TotalSize: 10_920_104},
		BuildCacheUsage: {TotalCount: 2, Reclaimable: 51, TotalSize: 51},
	};
	const verbose52 = {
		ImageUsage: {...figures.ImageUsage, Items: [image52]},
		ContainerUsage: {...figures.ContainerUsage, Items: [exited, running]},
		VolumeUsage: {...figures.VolumeUsage, Items: [volume]},
		BuildCacheUsage: {...figures.BuildCacheUsage, Items: [{...cacheShared, Parents: []}, {...cacheOwn, Parents: ['ndlpt0hhvkqcdfkputsk4cq9c']}]},
	};
	// 1.52 without verbose=1: the figures and, deprecated, the old lists.
	const plain52 = {...figures, LayersSize: 1_092_588, Images: [image52], Containers: [exited, running], Volumes: [volume], BuildCache: [cacheShared, cacheOwn]};

	const items = {
		layersSize: 1_092_588,
		images: [{id: image41.Id, parentId: '', tags: ['busybox:latest'], digests: image41.RepoDigests, created: 1_466_724_217, size: 1_092_588, sharedSize: 0, containers: 1, labels: {}}],
		containers: [{id: exited.Id, name: 'top', state: 'exited', sizeRw: 4096}, {id: running.Id, name: 'web', state: 'running', sizeRw: 1024}],
		volumes: [{name: 'my-volume', driver: 'local', mountpoint: volume.Mountpoint, scope: 'local', created: 0, labels: {}, size: 10_920_104, refCount: 2}],
		buildCache: [{id: cacheShared.ID, type: 'regular', size: 0, inUse: false, shared: true}, {id: cacheOwn.ID, type: 'regular', size: 51, inUse: false, shared: false}],
	};
	const totals: DiskUsage['totals'] = {
		images: {total: 1, active: 1, size: 1_092_588, reclaimable: 0},
		containers: {total: 2, active: 1, size: 5120, reclaimable: 4096},
		volumes: {total: 1, active: 1, size: 10_920_104, reclaimable: 0},
		buildCache: {total: 2, active: 0, size: 51, reclaimable: 51},
	};

	test('1.41: the top-level lists, no figures', () => {
		assert.deepEqual(mapDiskUsage(legacy), items);
	});

	test('1.52 with verbose=1: the items from each type\'s part, and its figures', () => {
		assert.deepEqual(mapDiskUsage(verbose52), {...items, totals});
	});

	test('1.52 without verbose=1: the old lists for the items, the new figures', () => {
		assert.deepEqual(mapDiskUsage(plain52), {...items, totals});
	});

	test('1.52 with nothing of a type: an empty part (every zero left out) is zero figures, no items', () => {
		const usage = mapDiskUsage({ImageUsage: {}, ContainerUsage: {}, VolumeUsage: {}, BuildCacheUsage: {}});
		const zero = {total: 0, active: 0, size: 0, reclaimable: 0};
		assert.deepEqual(usage, {layersSize: 0, images: [], containers: [], volumes: [], buildCache: [], totals: {images: zero, containers: zero, volumes: zero, buildCache: zero}});
	});

	const shown = (usage: DiskUsage) => usageRows(usage).map(row => [row.type, row.total, row.active, row.size, reclaimableText(row)]);

	test('`docker system df` rows: 1.41 computed as the CLI 20.10 does', () => {
		assert.deepEqual(shown(mapDiskUsage(legacy)), [
			['Images', 1, 1, 1_092_588, '0B (0%)'],
			['Containers', 2, 1, 5120, '4.1kB (80%)'],
			['Local Volumes', 1, 1, 10_920_104, '0B (0%)'],
			['Build Cache', 2, 0, 51, '51B'],
		]);
	});

	test('`docker system df` rows: 1.52 the daemon\'s figures, as the CLI 29 shows them', () => {
		// Figures that differ from what the items would give, so the test tells which was used.
		const own = {...verbose52, ImageUsage: {...verbose52.ImageUsage, Reclaimable: 546_294}, BuildCacheUsage: {...verbose52.BuildCacheUsage, TotalSize: 60, ActiveCount: 1}};
		assert.deepEqual(shown(mapDiskUsage(own)), [
			['Images', 1, 1, 1_092_588, '546kB (50%)'],
			['Containers', 2, 1, 5120, '4.1kB (80%)'],
			['Local Volumes', 1, 1, 10_920_104, '0B (0%)'],
			['Build Cache', 2, 1, 60, '51B'],
		]);
	});
});

describe('POST /images/create and /images/{name}/push progress lines', () => {
	// v1.41's CreateImageInfo and PushImageInfo have `error` and `progress`; 1.48 deprecated them and v1.52's spec has neither.
	test('a layer\'s progress: with and without the `progress` bar text', () => {
		const current = {status: 'Downloading', progressDetail: {current: 36_445, total: 3_001_129}, id: '6c7ead18756b'};
		const expected = {type: 'layer', id: '6c7ead18756b', phase: 'downloading', status: 'Downloading', current: 36_445, total: 3_001_129};
		assert.deepEqual(parseProgressLine({...current, progress: '[>    ]  36.45kB/3.001MB'}), expected);
		assert.deepEqual(parseProgressLine(current), expected);
	});

	test('a failure: with and without the `error` text', () => {
		const current = {errorDetail: {message: 'unauthorized: authentication required'}};
		const expected = {type: 'error', message: 'unauthorized: authentication required'};
		assert.deepEqual(parseProgressLine({...current, error: 'unauthorized: authentication required'}), expected);
		assert.deepEqual(parseProgressLine(current), expected);
	});
});

describe('POST /{images,networks,volumes}/prune filters', () => {
	test('volumes: every unused one on every version (API 1.42 prunes only anonymous ones unless all=true, which 1.41 refuses)', () => {
		assert.equal(pruneFilters('volumes', false, '1.41'), undefined);
		assert.equal(pruneFilters('volumes', false, '1.42'), '{"all":["true"]}');
		assert.equal(pruneFilters('volumes', false, '1.52'), '{"all":["true"]}');
		assert.equal(pruneFilters('volumes', false, undefined), undefined);
	});

	test('images and networks: the same on every version', () => {
		for (const version of ['1.41', '1.52']) {
			assert.equal(pruneFilters('images', false, version), '{"dangling":["true"]}');
			assert.equal(pruneFilters('images', true, version), '{"dangling":["false"]}');
			assert.equal(pruneFilters('networks', false, version), undefined);
		}
	});
});

describe('what the dockerode engine sends, by the version it negotiated', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'dtui-versions-'));
	const socket = path.join(dir, 'docker.sock');
	const seen: string[] = [];
	let apiVersion = '1.41';
	const server = http.createServer((request, response) => {
		seen.push(`${request.method ?? ''} ${decodeURIComponent(request.url ?? '')}`);
		const body = request.url?.endsWith('/version') ? {Version: '99.0.0', ApiVersion: apiVersion, MinAPIVersion: '1.24', Components: [{Name: 'Engine'}]} : {};
		response.writeHead(200, {'Content-Type': 'application/json'});
		response.end(JSON.stringify(body));
	});

	before(async () => {
		await new Promise<void>(resolve => server.listen(socket, resolve));
	});

	afterEach(() => {
		seen.length = 0;
	});

	after(async () => {
		await new Promise(resolve => server.close(resolve));
		rmSync(dir, {recursive: true, force: true});
	});

	const cases: Array<[string, string, string]> = [
		['1.41', 'POST /v1.41/volumes/prune', 'GET /v1.41/system/df?verbose=1'],
		['1.52', 'POST /v1.52/volumes/prune?filters={"all":["true"]}', 'GET /v1.52/system/df?verbose=1'],
	];
	for (const [version, prune, df] of cases) {
		test(`at ${version}: ${prune}; ${df}`, async () => {
			apiVersion = version;
			const engine = createDockerodeEngine(resolveEndpoint({host: `unix://${socket}`, env: {}}));
			await engine.ping();
			await engine.prune('volumes');
			await engine.diskUsage();
			engine.close();
			assert.deepEqual(seen, ['GET /version', prune, df]);
		});
	}
});
