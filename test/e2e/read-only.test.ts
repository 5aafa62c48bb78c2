// --read-only means read-only: dtui talks to the daemon through a recording proxy, every
// key of the keymap is pressed on every kind of row and screen (each followed by the
// dialog answers y, f and enter), the registry command lines are typed, and not one
// request but GET or HEAD leaves the process. The proxy also cuts any other request
// before it reaches the (shared) daemon, so a failure here cannot harm anyone's containers.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createTestContainer, daemonSocket, realDaemonSkip, removeTestContainers, testDocker} from '../helpers/daemon.js';
import {startRecordingProxy, type RecordingProxy} from '../helpers/recording-proxy.js';
import {startTerminal, type Terminal} from '../helpers/tmux.js';
import {keymap} from '../../source/keymap/keymap.js';

const prefix = 'e2e-ro-';
const bin = fileURLToPath(new URL('../../bin/dtui.js', import.meta.url));

/** The keymap's keys as tmux names them; q and ctrl+c would end the run early (they are pressed last). */
const tmuxNames: Record<string, string> = {enter: 'Enter', esc: 'Escape', space: 'Space', tab: 'Tab', 'shift+tab': 'BTab', up: 'Up', down: 'Down', home: 'Home', end: 'End', pagedown: 'NPage', pageup: 'PPage'};
const everyKey = [...new Set(keymap.flatMap(binding => binding.keys))]
	.filter(key => key !== 'q' && key !== 'ctrl+c')
	.map(key => tmuxNames[key] ?? (key.startsWith('ctrl+') ? `C-${key.slice(5)}` : key));

describe('--read-only sends nothing that changes the daemon, whatever is pressed', {skip: realDaemonSkip()}, () => {
	let proxy: RecordingProxy;
	let terminal: Terminal;
	// dtui runs here: a log saved with ctrl+s lands in this directory, not in the repository.
	const dir = mkdtempSync(join(tmpdir(), 'dtui-ro-'));

	before(async () => {
		const docker = testDocker();
		await removeTestContainers(docker, prefix);
		await createTestContainer(docker, {name: `${prefix}running`, start: true});
		const paused = await createTestContainer(docker, {name: `${prefix}paused`, start: true});
		await docker.getContainer(paused).pause();
		await createTestContainer(docker, {name: `${prefix}created`});
		proxy = await startRecordingProxy({socket: join(dir, 'proxy.sock'), target: daemonSocket!, blockMutations: true});
		terminal = await startTerminal({command: ['sh', '-c', `node ${bin} --read-only; echo "dtui exited with $?"; sleep 600`], env: {DOCKER_HOST: `unix://${proxy.socket}`}, cwd: dir, cols: 160, rows: 30});
		await terminal.waitForText(/running \/ \d+ total/, 10_000);
	});

	after(async () => {
		await terminal?.kill();
		await proxy?.close();
		await removeTestContainers(testDocker(), prefix);
		rmSync(dir, {recursive: true, force: true});
	});

	/**
	 * Each key, then whatever a dialog it opened would take as yes, then back out. The
	 * first four go in one tmux call (cheaper); each escape alone, so that it is not read
	 * together with the next key as alt+key.
	 */
	async function pressEverything() {
		for (const key of everyKey) {
			await terminal.tmux('send-keys', '-t', 'dtui', key, 'y', 'f', 'Enter');
			await terminal.sendKeys('Escape');
			await terminal.sendKeys('Escape');
		}
	}

	test('the proxy sees and stops a mutating request (without --read-only, s y on a running row)', async () => {
		const control = await startRecordingProxy({socket: join(dir, 'control.sock'), target: daemonSocket!, blockMutations: true});
		const writable = await startTerminal({command: ['node', bin], env: {DOCKER_HOST: `unix://${control.socket}`}, cwd: dir, cols: 160, rows: 30});
		try {
			await writable.waitForText(/running \/ \d+ total/, 10_000);
			await writable.typeText(`/${prefix}running`);
			await writable.sendKeys('Enter');
			await writable.waitForText(`filter: ${prefix}running`);
			await writable.typeText('s');
			await writable.waitForText(`Stop ${prefix}running?`);
			await writable.typeText('y');
			await writable.waitForText(`${prefix}running: `);
			assert.deepEqual(control.requests.filter(request => request.method !== 'GET'), [{method: 'POST', path: control.requests.find(request => request.method === 'POST')!.path}]);
			assert.match(control.requests.find(request => request.method === 'POST')!.path, /\/containers\/[0-9a-f]{64}\/stop\?t=10$/);
		} finally {
			await writable.kill();
			await control.close();
		}

		assert.equal((await testDocker().getContainer(`${prefix}running`).inspect()).State.Status, 'running', 'cut before it reached the daemon');
	});

	test('every key on every kind of container row, on every list, and the registry commands', async () => {
		for (const row of ['running', 'paused', 'created']) {
			await terminal.sendKeys('1', 'Escape', 'Escape');
			await terminal.typeText(`/${prefix}${row}`);
			await terminal.sendKeys('Enter');
			await terminal.waitForText(`filter: ${prefix}${row}`);
			await pressEverything();
		}

		for (const list of ['2', '3', '4']) {
			await terminal.sendKeys(list);
			await pressEverything();
		}

		for (const line of [':pull busybox:local', ':tag busybox:local e2e-ro-tag:1', ':push busybox:local', ':prune']) {
			await terminal.sendKeys('1', 'Escape', 'Escape');
			await terminal.typeText(line);
			await terminal.sendKeys('Enter', 'y', 'Enter');
		}

		// Still running, and it did talk to the daemon the whole time.
		await terminal.sendKeys('1', 'Escape', 'Escape', 'Escape');
		await terminal.waitForText(/READ-ONLY .*running \/ \d+ total/);
		assert.ok(proxy.requests.some(request => request.method === 'GET' && /\/containers\/json/.test(request.path)));
		assert.ok(proxy.requests.some(request => request.method === 'GET' && /\/events/.test(request.path)));
		assert.deepEqual(proxy.requests.filter(request => request.method !== 'GET' && request.method !== 'HEAD'), []);
	});

	test('the containers are as they were', async () => {
		const state = async (name: string) => (await testDocker().getContainer(prefix + name).inspect()).State.Status;
		assert.deepEqual([await state('running'), await state('paused'), await state('created')], ['running', 'paused', 'created']);
		await assert.rejects(testDocker().getImage('e2e-ro-tag:1').inspect(), (error: {statusCode?: number}) => error.statusCode === 404);
	});

	test('q quits', async () => {
		await terminal.sendKeys('Escape', 'Escape', '1', 'q');
		await terminal.waitForText('dtui exited with 0', 5000);
		assert.deepEqual(proxy.requests.filter(request => request.method !== 'GET' && request.method !== 'HEAD'), []);
	});
});
