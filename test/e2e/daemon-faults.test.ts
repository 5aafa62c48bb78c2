// dtui against a daemon that fails the ways ENGINE-NOTES.md "When the daemon fails"
// describes: stopped, hung (SIGSTOP), restarted; and containers that change between the
// frame and the key press. On a dockerd of this file's own (the shared one must never
// stop), with dtui's --debug log as a witness of what it asked the daemon.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createTestContainer, realDaemonSkip} from '../helpers/daemon.js';
import {startOwnDaemon, type OwnDaemon} from '../helpers/own-daemon.js';
import {startTerminal, type Terminal} from '../helpers/tmux.js';

const skip = realDaemonSkip();
const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function rowOf(screen: string, name: string): string {
	return screen.split('\n').find(line => line.slice(3).startsWith(`${name} `)) ?? '';
}

describe('when the daemon fails', {skip}, () => {
	let daemon: OwnDaemon;
	let terminal: Terminal;
	let dtuiPid: number;
	const dir = mkdtempSync(join(tmpdir(), 'dtui-faults-'));
	const debugLog = join(dir, 'state', 'dtui', 'debug.log');
	const readLog = () => readFileSync(debugLog, 'utf8');

	before(async () => {
		daemon = await startOwnDaemon('/tmp/dtui-f1');
		await createTestContainer(daemon.docker, {name: 'fault-a', start: true});
		await createTestContainer(daemon.docker, {name: 'fault-b', start: true});
		await createTestContainer(daemon.docker, {name: 'fault-c'});
		const pidFile = join(dir, 'dtui.pid');
		const inner = `echo $$ > ${pidFile}; exec node bin/dtui.js --debug`;
		terminal = await startTerminal({
			command: ['sh', '-c', `sh -c '${inner}'; echo "dtui exited with $?"; sleep 600`],
			env: {DOCKER_HOST: `unix://${daemon.socket}`, XDG_STATE_HOME: join(dir, 'state')},
			cols: 200,
			rows: 16,
		});
		await terminal.waitForText('2 running / 3 total', 10_000);
		dtuiPid = Number(readFileSync(pidFile, 'utf8'));
	});

	after(async () => {
		await terminal?.kill();
		await daemon?.remove();
		rmSync(dir, {recursive: true, force: true});
	});

	test('a container removed between the frame and the key press: the action says so, its neighbours are untouched', async () => {
		await terminal.typeText('gj');
		await terminal.waitForText(/^› {2}fault-b /m);
		const startedA = (await daemon.docker.getContainer('fault-a').inspect()).State.StartedAt;
		// dtui frozen, so it cannot have seen the removal when the key arrives.
		process.kill(dtuiPid, 'SIGSTOP');
		try {
			await daemon.docker.getContainer('fault-b').remove({force: true});
			await terminal.typeText('r');
		} finally {
			process.kill(dtuiPid, 'SIGCONT');
		}

		await terminal.waitForText('fault-b: no longer exists, nothing done');
		await terminal.waitForText('1 running / 2 total');
		assert.equal((await daemon.docker.getContainer('fault-a').inspect()).State.StartedAt, startedA, 'fault-a was not restarted');
		assert.equal((await daemon.docker.getContainer('fault-c').inspect()).State.Status, 'created', 'fault-c was not started');
	});

	test('a container renamed, and its name taken, between the frame and the key press: the action goes to the one chosen', async () => {
		await terminal.typeText('g');
		await terminal.waitForText(/^› {2}fault-a /m);
		const renamed = daemon.docker.getContainer('fault-a');
		const startedBefore = (await renamed.inspect()).State.StartedAt;
		process.kill(dtuiPid, 'SIGSTOP');
		try {
			await renamed.rename({name: 'fault-a-old'});
			await createTestContainer(daemon.docker, {name: 'fault-a'});
			await terminal.typeText('r');
		} finally {
			process.kill(dtuiPid, 'SIGCONT');
		}

		await terminal.waitForText('fault-a restarted', 20_000);
		assert.notEqual((await daemon.docker.getContainer('fault-a-old').inspect()).State.StartedAt, startedBefore, 'the chosen container (now fault-a-old) restarted');
		assert.equal((await daemon.docker.getContainer('fault-a').inspect()).State.Status, 'created', 'the newcomer named fault-a was not touched');
		await terminal.waitForText(/^› {2}fault-a-old /m);
	});

	test('stopped: a banner within 5 s, no crash, actions refused while disconnected', async () => {
		const stopped = Date.now();
		await daemon.stop();
		const screen = await terminal.waitForText('Daemon unreachable', 5000 - (Date.now() - stopped));
		assert.match(screen, /✖ Daemon unreachable: .*(no such socket|connection refused|lost the connection).* — reconnecting…/);
		await terminal.typeText('g');
		await terminal.typeText('r');
		await terminal.waitForText('Not connected to the daemon: nothing done');
	});

	test('restarted: back within 2 s of answering, everything refreshed, events resumed from the last one seen', async () => {
		await daemon.start();
		const answered = Date.now();
		let screen = await terminal.screen();
		while (screen.includes('Daemon unreachable')) {
			assert.ok(Date.now() - answered <= 5000, `still disconnected 5 s after the daemon answered:\n${screen}`);
			await sleep(50);
			screen = await terminal.screen();
		}

		const back = Date.now() - answered;
		assert.ok(back <= 2000 + 250, `in use again ${back} ms after the daemon answered (2 s, and the screen poll)`);
		// Running containers come back exited (no live-restore): only a full refresh shows it.
		screen = await terminal.waitForText(/0 running \/ 3 total/, 5000);
		assert.match(rowOf(screen, 'fault-a-old'), /fault-a-old +busybox:local +exited/);
		// The event stream reopened from the last event seen before the reconnection (since=its time).
		const [before, afterwards = ''] = readLog().split(/ connection: reconnected, refreshing everything\n/);
		const lastSeen = [...before!.matchAll(/ event: container \S+ [0-9a-f]{12} \S+ time (\d+)\n/g)].at(-1)?.[1];
		assert.ok(lastSeen, 'dtui saw events before the stop');
		assert.match(afterwards, new RegExp(` engine\\.events\\(${lastSeen}\\): stream open\n`));
		// Live again: a container made now shows up by itself.
		await createTestContainer(daemon.docker, {name: 'fault-d'});
		await terminal.waitForText(/fault-d +busybox:local +created/, 5000);
	});

	test('hung (SIGSTOP): keys still answer, requests time out, the banner says it is not responding', async () => {
		daemon.hang();
		try {
			// A hung daemon is silent: only the heartbeat (every 3 s, 2 s to answer) finds it.
			const screen = await terminal.waitForText('Daemon unreachable', 8000);
			assert.match(screen, /✖ Daemon unreachable: the Docker daemon at unix:\/\/\S+ is not responding — reconnecting…/);
			await terminal.typeText('/');
			await terminal.typeText('fault-d');
			await terminal.waitForText('filter: fault-d', 1000);
			await terminal.sendKeys('Escape');
			assert.match(readLog(), / engine\.ping\(\) failed in (19|2\d)\d\d ms: EngineError: the Docker daemon at \S+ is not responding\n/);
		} finally {
			daemon.resume();
		}

		// Resumed: the banner goes by itself (the counts never changed, so they prove nothing).
		for (let waited = 0; (await terminal.screen()).includes('Daemon unreachable'); waited += 50) {
			assert.ok(waited <= 5000, 'the banner is gone within 5 s of the daemon resuming');
			await sleep(50);
		}

		await terminal.waitForText(/0 running \/ 4 total/, 5000);
	});

	test('SIGTERM while the daemon hangs: dtui ends at once, terminal restored', async () => {
		daemon.hang();
		try {
			await terminal.waitForText('not responding', 8000);
			process.kill(dtuiPid, 'SIGTERM');
			await terminal.waitForText('dtui exited with 143', 2000);
			const pane = await terminal.paneInfo();
			assert.deepEqual({alternate: pane.alternateOn}, {alternate: false});
		} finally {
			daemon.resume();
		}
	});
});
