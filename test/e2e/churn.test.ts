// Churn and endurance: while dtui runs, containers are created and removed without a
// pause (and others started and stopped) on a dockerd of this file's own. Afterwards
// dtui's list is the daemon's, its memory stayed bounded, and its debug log shows that
// no stream broke and nothing was lost silently (an unhandled rejection would have
// ended it with exit 70).
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type Docker from 'dockerode';
import {createTestContainer, realDaemonSkip, testImage} from '../helpers/daemon.js';
import {startOwnDaemon, type OwnDaemon} from '../helpers/own-daemon.js';
import {startTerminal, type Terminal} from '../helpers/tmux.js';

const churnSeconds = 15;
const workers = 4;

/** Resident and peak memory of a process, in MiB. */
function memoryOf(pid: number): {rss: number; peak: number} {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? Number.NaN);
	return {rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024};
}

/** Creates and removes containers until `until`; returns how many it made. */
async function churn(docker: Docker, worker: number, until: number): Promise<number> {
	let made = 0;
	while (Date.now() < until) {
		const container = await docker.createContainer({name: `churn-${worker}-${made}`, Image: testImage, Cmd: ['true'], HostConfig: {NetworkMode: 'none'}});
		await container.remove({force: true});
		made++;
	}

	return made;
}

/** Starts and stops the given containers in turn until `until`. */
async function flap(docker: Docker, names: readonly string[], until: number): Promise<number> {
	let flips = 0;
	while (Date.now() < until) {
		for (const name of names) {
			const container = docker.getContainer(name);
			const {State} = await container.inspect();
			await (State.Running ? container.stop({t: 0}) : container.start());
			flips++;
		}
	}

	return flips;
}

/** The containers as the daemon lists them, in dtui's order: running first, then by name. */
async function daemonRows(docker: Docker): Promise<string[]> {
	const all = await docker.listContainers({all: true});
	return all
		.map(info => ({name: info.Names[0]!.slice(1), running: info.State === 'running'}))
		.sort((a, b) => Number(b.running) - Number(a.running) || a.name.localeCompare(b.name))
		.map(row => `${row.name} ${row.running ? 'running' : 'exited|created'}`);
}

describe('churn: containers created and removed while dtui watches', {skip: realDaemonSkip()}, () => {
	let daemon: OwnDaemon;
	let terminal: Terminal;
	let pid: number;
	const dir = mkdtempSync(join(tmpdir(), 'dtui-churn-'));
	const debugLog = join(dir, 'state', 'dtui', 'debug.log');

	before(async () => {
		daemon = await startOwnDaemon('/tmp/dtui-f2');
		for (let index = 0; index < 6; index++) await createTestContainer(daemon.docker, {name: `keep-${index}`, start: index < 3});
		const pidFile = join(dir, 'dtui.pid');
		terminal = await startTerminal({
			command: ['sh', '-c', `sh -c 'echo $$ > ${pidFile}; exec node bin/dtui.js --debug'; echo "dtui exited with $?"; sleep 600`],
			env: {DOCKER_HOST: `unix://${daemon.socket}`, XDG_STATE_HOME: join(dir, 'state')},
			cols: 120,
			rows: 30,
		});
		await terminal.waitForText('3 running / 6 total', 10_000);
		pid = Number(readFileSync(pidFile, 'utf8'));
	});

	after(async () => {
		await terminal?.kill();
		await daemon?.remove();
		rmSync(dir, {recursive: true, force: true});
	});

	test(`${churnSeconds} s of churn: the list ends equal to the daemon's, memory bounded, nothing swallowed`, async t => {
		const before = memoryOf(pid);
		const until = Date.now() + churnSeconds * 1000;
		let peak = before.rss;
		const sampler = setInterval(() => {
			peak = Math.max(peak, memoryOf(pid).rss);
		}, 500);
		const [made, flips] = await Promise.all([
			Promise.all(Array.from({length: workers}, async (_, worker) => churn(daemon.docker, worker, until))).then(counts => counts.reduce((sum, count) => sum + count, 0)),
			flap(daemon.docker, ['keep-0', 'keep-3'], until),
		]);
		clearInterval(sampler);
		// A floor, not a benchmark: enough churn that the list refetches all the time.
		assert.ok(made >= churnSeconds * 3, `only ${made} containers created and removed in ${churnSeconds} s`);
		assert.ok(flips >= 10, `only ${flips} starts and stops`);

		const expected = await daemonRows(daemon.docker);
		const running = expected.filter(row => row.endsWith(' running')).length;
		const rowsOf = (screen: string) =>
			screen
				.split('\n')
				.filter(line => /^[› ] {2}\S+ +busybox:local /.test(line))
				.map(line => {
					const [name, , state] = line.slice(3).split(/ +/);
					return `${name!} ${state === 'running' ? 'running' : 'exited|created'}`;
				});
		// The counts alone cannot tell the last flip from the one before (a start and a stop
		// each time): the rows are read until they settle, for as long as the counts may take.
		let shown = rowsOf(await terminal.waitForText(`${running} running / ${expected.length} total`, 5000));
		for (const deadline = Date.now() + 5000; JSON.stringify(shown) !== JSON.stringify(expected) && Date.now() < deadline;) {
			await new Promise(resolve => setTimeout(resolve, 100));
			shown = rowsOf(await terminal.screen());
		}

		assert.deepEqual(shown, expected);

		const after = memoryOf(pid);
		// Measured here: ~70 MiB at rest, under ~110 MiB through the churn. The bound is generous; a leak is not.
		assert.ok(peak < 250 && after.peak < 300, `memory: ${before.rss.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB, ${after.rss.toFixed(0)} MiB after`);
		assert.ok(after.rss < before.rss + 100, `memory grew from ${before.rss.toFixed(0)} to ${after.rss.toFixed(0)} MiB`);

		t.diagnostic(`${made} containers created and removed, ${flips} starts and stops; dtui ${before.rss.toFixed(0)} MiB before, peak ${peak.toFixed(0)}, ${after.rss.toFixed(0)} after`);
		const log = readFileSync(debugLog, 'utf8');
		const events = log.match(/ event: container (create|destroy) /g)?.length ?? 0;
		assert.ok(events >= made * 2 * 0.95, `dtui saw ${events} create/destroy events for ${made * 2}`);
		for (const trouble of [/ stream failed/, / connection: disconnected/, / failed in \d+ ms/, /unexpected error/]) {
			assert.doesNotMatch(log, trouble);
		}

		process.kill(pid, 0);
	});

	test('q still quits at once', async () => {
		await terminal.typeText('q');
		await terminal.waitForText('dtui exited with 0', 5000);
	});
});
