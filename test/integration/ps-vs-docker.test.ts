// dtui ps against docker ps on the same daemon: the same names and states for every
// filter, because both hand the filters to the daemon.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {createTestContainer, daemonSocket, dockerCliApiVersion, realDaemonSkip, removeTestContainers, testDocker} from '../helpers/daemon.js';

// dtui speaks the docker CLI's version here: the same answer, compared cell by cell.
let apiVersion: string | undefined;
const cliApiVersion = () => (apiVersion ??= dockerCliApiVersion());

const prefix = 'ps-cmp-';

function dockerPs(args: string[]): string[] {
	const out = execFileSync('docker', ['-H', `unix://${daemonSocket!}`, 'ps', ...args, '--format', '{{.Names}} {{.State}}'], {encoding: 'utf8'});
	return out.split('\n').filter(line => line.startsWith(prefix)).sort();
}

function dtuiPs(args: string[]): string[] {
	const result = spawnSync(process.execPath, ['bin/dtui.js', 'ps', ...args, '--format', 'json'], {encoding: 'utf8', env: {...process.env, DOCKER_HOST: `unix://${daemonSocket!}`, DOCKER_API_VERSION: cliApiVersion()}});
	assert.equal(result.stderr, '');
	assert.equal(result.status, 0);
	return result.stdout.split('\n').filter(Boolean).map(line => JSON.parse(line) as {Names: string; State: string}).map(row => `${row.Names} ${row.State}`).filter(line => line.startsWith(prefix)).sort();
}

describe('dtui ps agrees with docker ps', {skip: realDaemonSkip()}, () => {
	before(async () => {
		const docker = testDocker();
		await removeTestContainers(docker, prefix);
		await docker.createVolume({Name: `${prefix}vol`});
		await createTestContainer(docker, {name: `${prefix}web`, start: true, labels: {tier: 'front', team: 'a'}});
		await createTestContainer(docker, {name: `${prefix}api`, start: true, labels: {tier: 'back'}});
		await createTestContainer(docker, {name: `${prefix}job`, cmd: ['sh', '-c', 'exit 3'], start: true, labels: {tier: 'back'}});
		await createTestContainer(docker, {name: `${prefix}new`});
		const mounted = await docker.createContainer({name: `${prefix}data`, Image: 'busybox:local', Cmd: ['true'], HostConfig: {NetworkMode: 'none', Binds: [`${prefix}vol:/data`]}});
		await docker.getContainer(`${prefix}job`).wait();
		void mounted;
	});

	after(async () => {
		const docker = testDocker();
		await removeTestContainers(docker, prefix);
		await docker.getVolume(`${prefix}vol`).remove().catch(() => undefined);
	});

	const cases: string[][] = [
		[],
		['-a'],
		['-a', '--filter', 'status=exited'],
		['-a', '--filter', 'status=created', '--filter', 'status=running'],
		['-a', '--filter', 'label=tier=back'],
		['-a', '--filter', 'label=team'],
		['-a', '--filter', `name=${prefix}w`],
		['-a', '--filter', 'exited=3'],
		['-a', '--filter', 'ancestor=busybox:local', '--filter', 'status=running'],
		['-a', '--filter', `volume=${prefix}vol`],
		['-a', '--filter', 'network=none', '--filter', 'label=tier=front'],
		['-a', '--filter', 'health=none', '--filter', 'status=running'],
	];
	for (const args of cases) {
		test(`ps ${args.join(' ') || '(running)'}`, () => {
			const expected = dockerPs(args);
			assert.deepEqual(dtuiPs(args), expected);
		});
	}

	test('the cases are not vacuous: they select different sets', () => {
		const sets = cases.map(args => dockerPs(args).join('|'));
		assert.ok(new Set(sets).size >= 7 && sets.every(set => set !== ''), sets.join('\n'));
	});

	test('--no-trunc: the whole ids, as docker ps --no-trunc prints them', () => {
		const dockerIds = execFileSync('docker', ['-H', `unix://${daemonSocket!}`, 'ps', '-a', '-q', '--no-trunc', '--filter', `name=${prefix}`], {encoding: 'utf8'});
		const result = spawnSync(process.execPath, ['bin/dtui.js', 'ps', '-a', '-q', '--no-trunc', '--filter', `name=${prefix}`], {encoding: 'utf8', env: {...process.env, DOCKER_HOST: `unix://${daemonSocket!}`, DOCKER_API_VERSION: cliApiVersion()}});
		assert.equal(result.status, 0);
		assert.match(result.stdout, /^(?:[0-9a-f]{64}\n){5}$/);
		assert.deepEqual(result.stdout.split('\n').sort(), dockerIds.split('\n').sort());
	});

	test('a bad filter is a usage error, one line, exit 2', () => {
		const result = spawnSync(process.execPath, ['bin/dtui.js', 'ps', '--filter', 'status=sleeping'], {encoding: 'utf8', env: {...process.env, DOCKER_HOST: `unix://${daemonSocket!}`, DOCKER_API_VERSION: cliApiVersion()}});
		assert.equal(result.status, 2);
		assert.equal(result.stderr, 'dtui: invalid status "sleeping": use one of created, restarting, running, removing, paused, exited, dead\n');
	});

	test('dtui with stdout not a terminal prints the running containers table', () => {
		const result = spawnSync(process.execPath, ['bin/dtui.js'], {encoding: 'utf8', env: {...process.env, DOCKER_HOST: `unix://${daemonSocket!}`, DOCKER_API_VERSION: cliApiVersion()}});
		assert.equal(result.status, 0);
		assert.match(result.stdout, /^CONTAINER ID {3}IMAGE {2,}COMMAND {2,}CREATED {2,}STATUS {2,}PORTS {2,}NAMES\n/);
		assert.match(result.stdout, /ps-cmp-web\n/);
		assert.doesNotMatch(result.stdout, /ps-cmp-new/);
	});
});
