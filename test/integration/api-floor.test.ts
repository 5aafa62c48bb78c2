// dtui in front of Docker 29's version floor (test/helpers/api-floor-proxy.ts before the
// test daemon): it negotiates a version the daemon accepts, so nothing it asks is refused;
// a daemon whose range and dtui's do not meet, or a DOCKER_API_VERSION the daemon refuses,
// is one line and exit 1. (The whole engine suite also runs through such a proxy in CI:
// scripts/run-tests.mjs, DTUI_TEST_ENGINES.)
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {startApiFloorProxy, type ApiFloorProxy} from '../helpers/api-floor-proxy.js';
import {createTestContainer, daemonSocket, realDaemonSkip, removeTestContainers, testDocker} from '../helpers/daemon.js';

const prefix = 'floor-cli-';

/** Runs dtui without blocking: the proxies answer from this process. */
async function dtui(socket: string, args: string[], env: Record<string, string> = {}): Promise<{stdout: string; stderr: string; status: number | null}> {
	const child = spawn(process.execPath, ['bin/dtui.js', ...args], {env: {...process.env, DOCKER_HOST: `unix://${socket}`, DOCKER_API_VERSION: '', ...env}});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const status = await new Promise<number | null>(resolve => child.once('close', resolve));
	return {stdout, stderr, status};
}

describe('dtui against an engine with Docker 29\'s API floor', {skip: realDaemonSkip()}, () => {
	const folder = mkdtempSync('/tmp/dtui-floor-cli-');
	let floor: ApiFloorProxy;
	let disjoint: ApiFloorProxy;

	before(async () => {
		await removeTestContainers(testDocker(), prefix);
		await createTestContainer(testDocker(), {name: `${prefix}web`, start: true});
		floor = await startApiFloorProxy({listen: join(folder, 'floor.sock'), target: daemonSocket!});
		disjoint = await startApiFloorProxy({listen: join(folder, 'new.sock'), target: daemonSocket!, apiVersion: '1.60', minApiVersion: '1.53', engineVersion: '40.0.0'});
	});

	after(async () => {
		await floor.close();
		await disjoint.close();
		await removeTestContainers(testDocker(), prefix);
		rmSync(folder, {recursive: true, force: true});
	});

	test('dtui ps lists the containers; only /version goes unversioned, every other path speaks 1.52', async () => {
		floor.requests.length = 0;
		const result = await dtui(floor.socket, ['ps', '-a', '--format', 'json', '--filter', `name=${prefix}`]);
		assert.equal(result.stderr, '');
		assert.equal(result.status, 0);
		assert.deepEqual(result.stdout.split('\n').filter(Boolean).map(line => (JSON.parse(line) as {Names: string}).Names), [`${prefix}web`]);
		assert.equal(floor.requests[0], 'GET /version');
		assert.ok(floor.requests.length > 1);
		for (const request of floor.requests.slice(1)) assert.match(request, /^[A-Z]+ \/v1\.52\//);
	});

	test('a daemon whose range is above dtui\'s is one line naming both ranges', async () => {
		const result = await dtui(disjoint.socket, ['ps']);
		assert.equal(result.stdout, '');
		assert.equal(result.stderr, `dtui: the daemon speaks Engine API 1.53 to 1.60; dtui speaks 1.41 to 1.52 (unix://${disjoint.socket})\n`);
		assert.equal(result.status, 1);
	});

	test('DOCKER_API_VERSION below the floor is the daemon\'s own refusal, in one line', async () => {
		const result = await dtui(floor.socket, ['ps'], {DOCKER_API_VERSION: '1.41'});
		assert.equal(result.stdout, '');
		assert.equal(result.stderr, 'dtui: client version 1.41 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version\n');
		assert.equal(result.status, 1);
	});

	test('DOCKER_API_VERSION the daemon accepts is spoken from the first request', async () => {
		floor.requests.length = 0;
		const result = await dtui(floor.socket, ['ps', '-q'], {DOCKER_API_VERSION: '1.47'});
		assert.equal(result.stderr, '');
		assert.equal(result.status, 0);
		assert.ok(floor.requests.length > 1);
		for (const request of floor.requests) assert.match(request, /^[A-Z]+ \/v1\.47\//);
	});

	test('a DOCKER_API_VERSION that is no version is one line before any request', async () => {
		floor.requests.length = 0;
		const result = await dtui(floor.socket, ['ps'], {DOCKER_API_VERSION: 'latest'});
		assert.equal(result.stderr, 'dtui: DOCKER_API_VERSION="latest" is not an API version (like 1.52)\n');
		assert.equal(result.status, 1);
		assert.deepEqual(floor.requests, []);
	});
});
