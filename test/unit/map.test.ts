import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {healthFromStatus, mapContainer, mapContainers, mapEvent, mapVersion} from '../../source/docker/map.js';
import {sanitize} from '../../source/text/sanitize.js';

const id = 'a'.repeat(64);

// What dockerd 20.10 sends for one running container (trimmed to the fields we read).
const realContainer = {
	Id: id,
	Names: ['/web'],
	Image: 'busybox:local',
	ImageID: 'sha256:66c6',
	Command: 'sleep 1000',
	Created: 1_795_813_739,
	Ports: [
		{IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp'},
		{PrivatePort: 53, Type: 'udp'},
	],
	Labels: {'com.example.team': 'infra'},
	State: 'running',
	Status: 'Up 3 minutes (healthy)',
};

describe('mapContainer', () => {
	test('maps a well-formed entry', () => {
		assert.deepEqual(mapContainer(realContainer), {
			id,
			name: 'web',
			image: 'busybox:local',
			command: 'sleep 1000',
			state: 'running',
			health: 'healthy',
			status: 'Up 3 minutes (healthy)',
			ports: [
				{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp'},
				{privatePort: 53, type: 'udp'},
			],
			created: 1_795_813_739,
			labels: {'com.example.team': 'infra'},
			imageId: 'sha256:66c6',
		});
	});

	test('keeps what ties it to networks and volumes', () => {
		const mapped = mapContainer({
			...realContainer,
			NetworkSettings: {Networks: {front: {NetworkID: 'n1'}, none: {NetworkID: ''}, bad: null}},
			Mounts: [{Type: 'volume', Name: 'data\u001B[2J'}, {Type: 'bind', Source: '/x'}, 7],
		});
		assert.deepEqual(mapped.networks, [{name: 'front', id: 'n1'}, {name: 'none', id: ''}, {name: 'bad', id: ''}]);
		assert.deepEqual(mapped.volumes, [sanitize('data\u001B[2J')]);
	});

	for (const garbage of [undefined, null, 42, 'text', [], [realContainer]]) {
		test(`never throws on ${JSON.stringify(garbage)}`, () => {
			assert.deepEqual(mapContainer(garbage), {
				id: '',
				name: '',
				image: '',
				command: '',
				state: 'unknown',
				health: undefined,
				status: '',
				ports: [],
				created: 0,
				labels: {},
			});
		});
	}

	test('fields of the wrong type fall back to defaults', () => {
		const mapped = mapContainer({
			Id: id,
			Names: 'web',
			Image: 7,
			Command: null,
			Created: 'yesterday',
			Ports: {PrivatePort: 80},
			Labels: ['a'],
			State: 12,
			Status: {},
		});
		assert.equal(mapped.name, 'aaaaaaaaaaaa');
		assert.equal(mapped.image, '');
		assert.equal(mapped.command, '');
		assert.equal(mapped.created, 0);
		assert.deepEqual(mapped.ports, []);
		assert.deepEqual(mapped.labels, {});
		assert.equal(mapped.state, 'unknown');
		assert.equal(mapped.status, '');
		assert.equal(mapContainer({Id: id, Created: Number.NaN}).created, 0);
	});

	test('name: the first non-alias name without its slash, else the short id', () => {
		assert.equal(mapContainer({Id: id, Names: ['/other/db', '/db']}).name, 'db');
		assert.equal(mapContainer({Id: id, Names: ['/other/db']}).name, 'other/db');
		assert.equal(mapContainer({Id: id, Names: [3, '/late']}).name, 'late');
		assert.equal(mapContainer({Id: id, Names: []}).name, 'aaaaaaaaaaaa');
		assert.equal(mapContainer({Id: id, Names: ['/']}).name, 'aaaaaaaaaaaa');
		assert.equal(mapContainer({Id: id}).name, 'aaaaaaaaaaaa');
	});

	test('state: every known value passes, anything else is unknown', () => {
		for (const state of ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']) {
			assert.equal(mapContainer({Id: id, State: state}).state, state);
		}

		assert.equal(mapContainer({Id: id, State: 'Running'}).state, 'unknown');
		assert.equal(mapContainer({Id: id, State: 'zombie'}).state, 'unknown');
	});

	test('state: old daemons without State are read from the status text', () => {
		const table: Array<[string, string]> = [
			['Up 2 hours', 'running'],
			['Up 2 hours (Paused)', 'paused'],
			['Exited (1) 3 days ago', 'exited'],
			['Restarting (1) 5 seconds ago', 'restarting'],
			['Created', 'created'],
			['Removal In Progress', 'removing'],
			['Dead', 'dead'],
			['Something new', 'unknown'],
		];
		for (const [status, state] of table) assert.equal(mapContainer({Id: id, Status: status}).state, state, status);
	});

	test('ports: entries without a valid private port are dropped; optional parts left out', () => {
		const mapped = mapContainer({
			Id: id,
			Ports: [
				null,
				{PrivatePort: 'x'},
				{PrivatePort: 70_000},
				{PrivatePort: 1.5},
				{PrivatePort: 22, PublicPort: -1, IP: '', Type: 5},
				{PrivatePort: 443, PublicPort: 8443, IP: '::', Type: 'tcp'},
			],
		});
		assert.deepEqual(mapped.ports, [
			{privatePort: 22, type: 'tcp'},
			{privatePort: 443, publicPort: 8443, ip: '::', type: 'tcp'},
		]);
	});

	test('labels: only string values survive; "__proto__" stays an ordinary key', () => {
		const labels = JSON.parse('{"a": "1", "b": 2, "c": null, "d": {"x": "y"}, "__proto__": "p"}') as unknown;
		const mapped = mapContainer({Id: id, Labels: labels});
		assert.deepEqual(Object.entries(mapped.labels), [
			['a', '1'],
			['__proto__', 'p'],
		]);
		assert.equal(Object.getPrototypeOf(mapped.labels), Object.prototype);
	});

	test('hostile strings are sanitised in every field', () => {
		const hostile = 'x\u001b]52;c;aGk=\u0007\u001b[2Jy\u009b';
		const safe = sanitize(hostile);
		assert.notEqual(safe, hostile);
		const mapped = mapContainer({
			Id: hostile,
			Names: [`/${hostile}`],
			Image: hostile,
			Command: hostile,
			Status: `Up 1 second ${hostile}`,
			State: 'running',
			Ports: [{PrivatePort: 1, IP: hostile, Type: hostile}],
			Labels: {[hostile]: hostile},
		});
		assert.equal(mapped.id, safe);
		assert.equal(mapped.name, safe);
		assert.equal(mapped.image, safe);
		assert.equal(mapped.command, safe);
		assert.equal(mapped.status, `Up 1 second ${safe}`);
		assert.deepEqual(mapped.ports, [{privatePort: 1, ip: safe, type: safe}]);
		assert.deepEqual(mapped.labels, {[safe]: safe});
		assert.doesNotMatch(JSON.stringify(mapped), /\\u001b|\\u0007|\\u009b/);
	});
});

describe('healthFromStatus', () => {
	const table: Array<[string, string | undefined]> = [
		['Up 3 minutes (healthy)', 'healthy'],
		['Up 3 minutes (unhealthy)', 'unhealthy'],
		['Up 2 seconds (health: starting)', 'starting'],
		['Up 3 minutes (healthy) (Paused)', 'healthy'],
		['Up 3 minutes', undefined],
		['Up 3 minutes (Paused)', undefined],
		['Exited (0) 2 hours ago', undefined],
		['healthy', undefined],
		['', undefined],
	];
	for (const [status, health] of table) {
		test(`"${status}" → ${String(health)}`, () => {
			assert.equal(healthFromStatus(status), health);
			assert.equal(mapContainer({Id: id, Status: status}).health, health);
		});
	}
});

describe('mapContainers', () => {
	test('a non-array is an empty list', () => {
		assert.deepEqual(mapContainers({message: 'page not found'}), []);
		assert.deepEqual(mapContainers(undefined), []);
		assert.deepEqual(mapContainers(Buffer.from('[]')), []);
	});

	test('entries without an id are dropped, the rest mapped in order', () => {
		const list = mapContainers([realContainer, null, {Names: ['/no-id']}, {Id: 'b'.repeat(64), Names: ['/two']}]);
		assert.deepEqual(
			list.map(container => container.name),
			['web', 'two'],
		);
	});
});

describe('mapEvent', () => {
	const start = {
		status: 'start',
		id,
		from: 'busybox:local',
		Type: 'container',
		Action: 'start',
		Actor: {ID: id, Attributes: {image: 'busybox:local', name: 'web'}},
		scope: 'local',
		time: 1_795_813_750,
		timeNano: 1_795_813_750_013_261_709,
	};

	test('maps a daemon event', () => {
		assert.deepEqual(mapEvent(start), {
			type: 'container',
			action: 'start',
			id,
			name: 'web',
			time: 1_795_813_750,
			attributes: {image: 'busybox:local', name: 'web'},
		});
	});

	test('"action: detail" is split (exec commands, health statuses)', () => {
		const exec = mapEvent({...start, Action: 'exec_create: sh -c echo a: b'});
		assert.equal(exec?.action, 'exec_create');
		assert.equal(exec?.detail, 'sh -c echo a: b');
		const health = mapEvent({...start, Action: 'health_status: unhealthy'});
		assert.equal(health?.action, 'health_status');
		assert.equal(health?.detail, 'unhealthy');
	});

	test('garbage is undefined, not a throw', () => {
		for (const garbage of [undefined, null, 1, 'start', [], {}, {Type: 'container'}, {Action: 3}, {Action: ''}]) {
			assert.equal(mapEvent(garbage), undefined, JSON.stringify(garbage));
		}
	});

	test('missing parts get defaults; time falls back to timeNano', () => {
		assert.deepEqual(mapEvent({Action: 'prune', timeNano: 1_795_813_750_500_000_000}), {
			type: 'unknown',
			action: 'prune',
			id: '',
			time: 1_795_813_750,
			attributes: {},
		});
		assert.deepEqual(mapEvent({Action: 'x', Actor: {ID: 5, Attributes: {name: 7, a: 'b'}}, time: 'now'}), {
			type: 'unknown',
			action: 'x',
			id: '',
			time: 0,
			attributes: {a: 'b'},
		});
	});

	test('pre-1.22 events (status, id only) still map', () => {
		assert.deepEqual(mapEvent({status: 'die', id, from: 'busybox', time: 5}), {
			type: 'container',
			action: 'die',
			id,
			time: 5,
			attributes: {},
		});
	});

	test('hostile strings are sanitised', () => {
		const hostile = 'n\u001b[2J\u0007';
		const mapped = mapEvent({Type: hostile, Action: `${hostile}: ${hostile}`, Actor: {ID: hostile, Attributes: {name: hostile}}});
		assert.doesNotMatch(JSON.stringify(mapped), /\\u001b|\\u0007/);
		assert.equal(mapped?.name, sanitize(hostile));
		assert.equal(mapped?.detail, sanitize(hostile));
	});
});

describe('mapVersion', () => {
	test('maps dockerd 20.10', () => {
		const raw = {
			Components: [{Name: 'Engine', Version: '20.10.24+dfsg1', Details: {ApiVersion: '1.41'}}],
			Version: '20.10.24+dfsg1',
			ApiVersion: '1.41',
			Os: 'linux',
			Arch: 'amd64',
		};
		assert.deepEqual(mapVersion(raw, 'unix:///var/run/docker.sock'), {
			host: 'unix:///var/run/docker.sock',
			engine: 'Docker Engine',
			version: '20.10.24+dfsg1',
			apiVersion: '1.41',
			os: 'linux',
			arch: 'amd64',
		});
	});

	test('Podman names itself in Components', () => {
		const info = mapVersion({Components: [{Name: 'Podman Engine', Version: '4.3.1'}], Version: '4.3.1', ApiVersion: '1.41'}, 'h');
		assert.equal(info.engine, 'Podman');
	});

	test('garbage gives empty strings, never a throw', () => {
		assert.deepEqual(mapVersion('nope', 'h'), {host: 'h', engine: 'Docker Engine', version: '', apiVersion: ''});
		assert.deepEqual(mapVersion({Components: 'x', Version: 1, Os: null}, 'h'), {
			host: 'h',
			engine: 'Docker Engine',
			version: '',
			apiVersion: '',
		});
	});
});
