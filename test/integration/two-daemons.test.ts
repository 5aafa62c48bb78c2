// `dtui ps` across two real daemons at once (the test daemon and one of this test's own):
// both hosts' rows under their HOST labels; then, with the second daemon stopped, the
// first one's rows still printed, one line naming the second on stderr, exit 1.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {hostLabel} from '../../source/fleet/host-label.js';
import {createTestContainer, daemonSocket, realDaemonSkip, removeTestContainers, testDocker} from '../helpers/daemon.js';
import {startOwnDaemon, type OwnDaemon} from '../helpers/own-daemon.js';

const prefix = 'two-d-';

describe('dtui ps on two daemons at once', {skip: realDaemonSkip()}, () => {
	let second: OwnDaemon | undefined;
	let hosts: string[] = [];
	let labels: string[] = [];

	function dtui(args: string[]) {
		// DOCKER_HOST points elsewhere: only the -H flags may decide where dtui goes.
		return spawnSync(process.execPath, ['bin/dtui.js', 'ps', '-a', ...hosts.flatMap(host => ['-H', host]), '--filter', `name=${prefix}`, ...args], {encoding: 'utf8', env: {...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock'}});
	}

	before(async () => {
		second = await startOwnDaemon('/tmp/dtui-2d');
		await removeTestContainers(testDocker(), prefix);
		await createTestContainer(testDocker(), {name: `${prefix}first`});
		await createTestContainer(second.docker, {name: `${prefix}second`, start: true});
		hosts = [`unix://${daemonSocket!}`, `unix://${second.socket}`];
		labels = hosts.map(host => hostLabel(host));
	});

	after(async () => {
		await removeTestContainers(testDocker(), prefix);
		await second?.remove();
	});

	test('the labels are the sockets\' directories', () => {
		assert.deepEqual(labels, [daemonSocket!.replace(/\/docker\.sock$/, ''), '/tmp/dtui-2d']);
	});

	test('both hosts\' rows, each under its HOST label, in the order the hosts were given', () => {
		const result = dtui([]);
		assert.equal(result.stderr, '');
		assert.equal(result.status, 0);
		const lines = result.stdout.split('\n').filter(Boolean);
		assert.match(lines[0]!, /^HOST {3,}CONTAINER ID {3}IMAGE {3,}COMMAND {3,}CREATED {3,}STATUS {3,}PORTS {3,}NAMES$/);
		assert.equal(lines.length, 3, result.stdout);
		assert.ok(lines[1]!.startsWith(`${labels[0]!}   `) && lines[1]!.endsWith(` ${prefix}first`), lines[1]);
		assert.match(lines[1]!, / Created /);
		assert.ok(lines[2]!.startsWith(`${labels[1]!}   `) && lines[2]!.endsWith(` ${prefix}second`), lines[2]);
		assert.match(lines[2]!, / Up /);

		const json = dtui(['--format', 'json']).stdout.split('\n').filter(Boolean).map(line => JSON.parse(line) as {Host: string; Names: string; State: string});
		assert.deepEqual(json.map(row => [row.Host, row.Names, row.State]), [[labels[0], `${prefix}first`, 'created'], [labels[1], `${prefix}second`, 'running']]);
	});

	test('the second daemon stopped: the first one\'s rows on stdout, one line naming the second on stderr, exit 1', async () => {
		await second!.stop();
		const result = dtui([]);
		assert.equal(result.status, 1);
		const lines = result.stdout.split('\n').filter(Boolean);
		assert.equal(lines.length, 2, result.stdout);
		assert.match(lines[0]!, /^HOST {3,}CONTAINER ID/);
		assert.ok(lines[1]!.startsWith(`${labels[0]!}   `) && lines[1]!.endsWith(` ${prefix}first`), lines[1]);
		const stderr = result.stderr.split('\n').filter(Boolean);
		assert.equal(stderr.length, 1, result.stderr);
		assert.ok(stderr[0]!.startsWith(`dtui: ${labels[1]!}: `), stderr[0]);
		assert.match(stderr[0]!, /\/tmp\/dtui-2d\/docker\.sock/, 'the reason names the socket');
	});
});
