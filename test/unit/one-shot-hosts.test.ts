// runOneShot: the list commands on one host or several at once, over fake engines —
// what goes to stdout, what to stderr, the exit code, and that a host that fails or
// hangs costs the others nothing.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {HostConnection} from '../../source/start/connect.js';
import type {Engine} from '../../source/engine/engine.js';
import {EngineError} from '../../source/engine/errors.js';
import {createFakeEngine, fakeContainer, type FakeEngine} from '../fakes/fake-engine.js';
import {fakeImage} from '../fakes/fake-images.js';
import {fakeVolume} from '../fakes/fake-objects.js';
import {runOneShot, type OneShotCommand} from '../../source/one-shot/one-shot-command.js';

/** What cli.tsx's fail() does, minus the exit: the test reads the code and the stderr text. */
class Exit extends Error {
	constructor(readonly stderr: string, readonly code: number) {
		super(stderr);
	}
}

const fail = (message: string, code: number): never => {
	throw new Exit(`dtui: ${message}\n`, code);
};

type Flags = {all: boolean; quiet: boolean; filter: string[]; format: string; noTrunc: boolean};
const defaults: Flags = {all: false, quiet: false, filter: [], format: 'table', noTrunc: false};

async function run(command: OneShotCommand, hosts: readonly HostConnection[], flags: Partial<Flags> = {}, timeoutMs?: number): Promise<{stdout: string; stderr: string; code: number}> {
	let stdout = '';
	try {
		await runOneShot(command, hosts, {...defaults, ...flags}, fail, text => {
			stdout += text;
		}, timeoutMs);
		return {stdout, stderr: '', code: 0};
	} catch (error) {
		if (!(error instanceof Exit)) throw error;
		return {stdout, stderr: error.stderr, code: error.code};
	}
}

const created = Math.floor(Date.now() / 1000) - 7200;
const hex = (digit: string) => digit.repeat(64);

function hostA(): FakeEngine {
	return createFakeEngine({
		info: {host: 'unix:///srv/a/docker.sock'},
		containers: [fakeContainer({id: hex('a'), name: 'web', image: 'nginx:1.27', command: 'nginx', status: 'Up 2 hours', created})],
		images: [fakeImage({id: `sha256:${hex('1')}`, tags: ['nginx:1.27'], created, size: 187_654_321})],
		volumes: [fakeVolume({name: 'data', labels: {keep: 'yes'}}), fakeVolume({name: 'scratch'})],
	});
}

function hostB(): FakeEngine {
	return createFakeEngine({
		info: {host: 'ssh://admin@web2'},
		containers: [
			fakeContainer({id: hex('b'), name: 'api', image: 'busybox:local', command: 'sh', state: 'exited', status: 'Exited (0) 2 hours ago', created}),
			fakeContainer({id: hex('c'), name: 'db', image: 'busybox:local', command: 'sh', status: 'Up 3 hours', created: created - 3600}),
		],
		images: [fakeImage({id: `sha256:${hex('2')}`, tags: ['busybox:local'], created, size: 1_985_472}), fakeImage({id: `sha256:${hex('3')}`, tags: [], created, size: 1_000})],
		volumes: [fakeVolume({name: 'data'})],
	});
}

const closed = (engine: FakeEngine) => engine.calls.some(call => call.method === 'close');

describe('several hosts', () => {
	test('ps: a HOST column first, hosts in the order given, each host\'s rows newest first', async () => {
		const [a, b] = [hostA(), hostB()];
		const result = await run('ps', [{label: 'a', engine: a}, {label: 'web2', engine: b}], {all: true});
		assert.deepEqual(result, {
			stdout: [
				'HOST   CONTAINER ID   IMAGE           COMMAND   CREATED       STATUS                   PORTS   NAMES',
				'a      aaaaaaaaaaaa   nginx:1.27      "nginx"   2 hours ago   Up 2 hours                       web',
				'web2   bbbbbbbbbbbb   busybox:local   "sh"      2 hours ago   Exited (0) 2 hours ago           api',
				'web2   cccccccccccc   busybox:local   "sh"      3 hours ago   Up 3 hours                       db',
				'',
			].join('\n'),
			stderr: '',
			code: 0,
		});
		assert.ok(closed(a) && closed(b), 'every engine is closed');
	});

	test('images and volumes: the HOST column; -q bare ids; json a Host field', async () => {
		const hosts = () => [{label: 'a', engine: hostA()}, {label: 'web2', engine: hostB()}];
		assert.equal(
			(await run('images', hosts())).stdout,
			[
				'HOST   REPOSITORY   TAG      IMAGE ID       CREATED       SIZE',
				'a      nginx        1.27     111111111111   2 hours ago   188MB',
				'web2   busybox      local    222222222222   2 hours ago   1.99MB',
				'web2   <none>       <none>   333333333333   2 hours ago   1kB',
				'',
			].join('\n'),
		);
		assert.equal((await run('volumes', hosts())).stdout, 'HOST   DRIVER   VOLUME NAME\na      local    data\na      local    scratch\nweb2   local    data\n');
		assert.equal((await run('images', hosts(), {quiet: true})).stdout, '111111111111\n222222222222\n333333333333\n');
		const lines = (await run('volumes', hosts(), {format: 'json'})).stdout.trim().split('\n').map(line => JSON.parse(line) as Record<string, string>);
		assert.deepEqual(lines.map(line => [line['Host'], line['Name'], line['Labels']]), [['a', 'data', 'keep=yes'], ['a', 'scratch', ''], ['web2', 'data', '']]);
		assert.equal(Object.keys(lines[0]!)[0], 'Host');
	});

	test('the filters go to every daemon', async () => {
		const [a, b] = [hostA(), hostB()];
		const result = await run('images', [{label: 'a', engine: a}, {label: 'web2', engine: b}], {filter: ['dangling=true'], quiet: true});
		assert.equal(result.stdout, '333333333333\n');
		for (const engine of [a, b]) assert.deepEqual(engine.calls.find(call => call.method === 'listImages')?.args, [{all: false, filters: {dangling: ['true']}}]);
	});

	test('a host that did not answer its ping: the others\' rows on stdout, one line naming it on stderr, exit 1', async () => {
		const [a, b] = [hostA(), hostB()];
		const result = await run('volumes', [{label: 'a', engine: a}, {label: 'web2', engine: b, error: 'cannot connect to the Docker daemon at ssh://admin@web2: connection refused'}]);
		assert.deepEqual(result, {
			stdout: 'HOST   DRIVER   VOLUME NAME\na      local    data\na      local    scratch\n',
			stderr: 'dtui: web2: cannot connect to the Docker daemon at ssh://admin@web2: connection refused\n',
			code: 1,
		});
		assert.equal(b.calls.some(call => call.method === 'listVolumes'), false, 'a host known to be down is not asked');
		assert.ok(closed(a) && closed(b), 'every engine is closed, the failed one too');
	});

	test('a list request that fails is that host\'s line; two failures, two lines', async () => {
		const [a, b, c] = [hostA(), hostB(), hostA()];
		a.failNext('listNetworks', new EngineError('server', 'Error response from daemon: boom', 500));
		c.disconnect();
		const result = await run('networks', [{label: 'a', engine: a}, {label: 'web2', engine: b}, {label: 'c', engine: c}], {quiet: true});
		assert.equal(result.code, 1);
		assert.equal(result.stdout.split('\n').filter(Boolean).length, 3, 'web2\'s bridge, host and none');
		assert.equal(result.stderr, 'dtui: a: Error response from daemon: boom\ndtui: c: cannot connect to the Docker daemon at unix:///srv/a/docker.sock: connection refused\n');
	});

	test('a host that hangs costs its timeout and no more; the others are printed', async () => {
		const b = hostB();
		// Answers nothing until the request's signal gives up, as a SIGSTOPped daemon.
		const hung: Engine = {...hostA(), listContainers: async signal => new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new EngineError('aborted', 'request aborted'))))};
		const started = Date.now();
		const result = await run('ps', [{label: 'slow', engine: hung}, {label: 'web2', engine: b}], {quiet: true}, 200);
		assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
		assert.deepEqual(result, {stdout: 'cccccccccccc\n', stderr: 'dtui: slow: no answer within 0.2 s\n', code: 1});
	});

	test('no host answered: nothing on stdout, every host named', async () => {
		const result = await run('ps', [{label: 'a', engine: hostA(), error: 'down'}, {label: 'b', engine: hostB(), error: 'down too'}]);
		assert.deepEqual(result, {stdout: '', stderr: 'dtui: a: down\ndtui: b: down too\n', code: 1});
	});
});

describe('one host', () => {
	test('no HOST column; its rows as docker prints them', async () => {
		const a = hostA();
		assert.equal((await run('volumes', [{label: a.host, engine: a}])).stdout, 'DRIVER   VOLUME NAME\nlocal    data\nlocal    scratch\n');
		assert.ok(closed(a));
	});

	test('a failure is one line naming the host, exit 1', async () => {
		const a = hostA();
		a.failNext('listImages', new EngineError('denied', 'permission denied while trying to connect to the Docker daemon socket', 403));
		assert.deepEqual(await run('images', [{label: a.host, engine: a}]), {stdout: '', stderr: 'dtui: unix:///srv/a/docker.sock: permission denied while trying to connect to the Docker daemon socket\n', code: 1});
	});

	test('-a lists intermediate images too (the daemon\'s all=true)', async () => {
		const parent = fakeImage({id: `sha256:${hex('4')}`, tags: [], created, size: 10});
		const child = fakeImage({id: `sha256:${hex('5')}`, parentId: parent.id, tags: ['app:1'], created, size: 20});
		const engine = createFakeEngine({images: [child, parent]});
		assert.equal((await run('images', [{label: engine.host, engine}], {quiet: true})).stdout, '555555555555\n');
		assert.equal((await run('images', [{label: engine.host, engine}], {quiet: true, all: true})).stdout, '555555555555\n444444444444\n');
	});

	test('a bad format or filter is a usage error (2) before any request', async () => {
		const cases: Array<[OneShotCommand, Partial<Flags>, string]> = [
			['images', {format: 'wide'}, 'dtui: unknown format "wide": use table, json\n'],
			['networks', {filter: ['status=running']}, 'dtui: unknown filter "status": use one of driver, id, label, name, scope, type, dangling\n'],
			['volumes', {filter: ['dangling=maybe']}, 'dtui: invalid dangling "maybe": use true or false\n'],
			['ps', {format: 'yaml'}, 'dtui: unknown format "yaml": use table, wide, json\n'],
		];
		for (const [command, flags, stderr] of cases) {
			const engine = hostA();
			assert.deepEqual(await run(command, [{label: 'a', engine}, {label: 'b', engine: hostB()}], flags), {stdout: '', stderr, code: 2}, command);
			assert.deepEqual(engine.calls.map(call => call.method), ['close'], command);
		}
	});
});

describe('the fake daemon filters as dockerd does', () => {
	test('images: dangling, label, reference (only the matching tags are listed), before', async () => {
		const old = fakeImage({id: `sha256:${hex('6')}`, tags: ['busybox:old'], created: created - 100, labels: {tier: 'base'}});
		const engine = createFakeEngine({images: [fakeImage({id: `sha256:${hex('7')}`, tags: ['busybox:local', 'team/app:1'], created}), old, fakeImage({id: `sha256:${hex('8')}`, tags: [], created})]});
		const tags = async (filters: Record<string, string[]>) => (await engine.listImages(undefined, {filters})).map(image => image.tags.join(',') || '<none>');
		assert.deepEqual(await tags({dangling: ['true']}), ['<none>']);
		assert.deepEqual(await tags({dangling: ['false']}), ['busybox:local,team/app:1', 'busybox:old']);
		assert.deepEqual(await tags({label: ['tier=base']}), ['busybox:old']);
		assert.deepEqual(await tags({reference: ['busybox']}), ['busybox:local', 'busybox:old']);
		assert.deepEqual(await tags({reference: ['*/app:*']}), ['team/app:1']);
		assert.deepEqual(await tags({before: ['busybox:local']}), ['busybox:old']);
		await assert.rejects(engine.listImages(undefined, {filters: {colour: ['red']}}), new EngineError('bad-request', 'Invalid filter \'colour\'', 400));
	});

	test('networks and volumes: name, driver, type, dangling', async () => {
		const engine = createFakeEngine({
			containers: [fakeContainer({name: 'user', state: 'exited', volumes: ['used']})],
			volumes: [fakeVolume({name: 'used'}), fakeVolume({name: 'unused', driver: 'nfs'})],
		});
		const names = async (list: Promise<Array<{name: string}>>) => (await list).map(item => item.name);
		assert.deepEqual(await names(engine.listVolumes(undefined, {filters: {dangling: ['true']}})), ['unused']);
		assert.deepEqual(await names(engine.listVolumes(undefined, {filters: {driver: ['local'], name: ['use']}})), ['used']);
		assert.deepEqual(await names(engine.listNetworks(undefined, {filters: {type: ['builtin'], name: ['o']}})), ['host', 'none']);
		assert.deepEqual(await names(engine.listNetworks(undefined, {filters: {dangling: ['true']}})), []);
		await assert.rejects(engine.listVolumes(undefined, {filters: {dangling: ['maybe']}}), {message: 'Invalid filter \'dangling=[maybe]\''});
	});
});

test('a host label or failure reason with control characters is printed inert', async () => {
	const result = await run('volumes', [{label: 'evil\u001B]0;x\u0007', engine: hostA()}, {label: 'b\u001B[2J', engine: hostB(), error: 'gone\u001B[31m'}], {quiet: false});
	assert.equal(result.stdout, 'HOST           DRIVER   VOLUME NAME\nevil^[]0;x^G   local    data\nevil^[]0;x^G   local    scratch\n');
	assert.equal(result.stderr, 'dtui: b^[[2J: gone^[[31m\n');
});
