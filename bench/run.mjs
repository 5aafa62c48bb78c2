#!/usr/bin/env node
// dtui's benchmark, beside `docker ps -a` on the same fixture (see bench/README.md).
//
//   npm run bench                                builds, then N = 10, 200, 1000 on an isolated dockerd
//   npm run bench -- --n 200 --socket /run/x.sock   an existing daemon (our containers only, removed after)
//   npm run bench -- --smoke                     N = 3, short windows: only shows the harness works
//   npm run bench -- --fleet                     also two daemons in one dashboard (N each, the last N)
//
// stdout: one JSON object per line (a "machine" record, one "fixture" record per N, one
// "flood" record, with --fleet a "fleet" record); stderr: progress and a Markdown table.
// Nothing here asserts a time.
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {ensureFixture, expectedOrder, removeContainer, removeFixture, shape, startFlood} from './lib/fixture.mjs';
import {daemonBaseline, dockerPs, firstFrames, flood, idleAndKeys, median, percentile} from './lib/measure.mjs';
import {daemonPids} from './lib/proc.mjs';
import {sleep} from './lib/pty.mjs';
import {report} from './lib/report.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const {values: flags} = parseArgs({
	options: {
		n: {type: 'string', default: '10,200,1000'},
		socket: {type: 'string'},
		'daemon-dir': {type: 'string', default: '/tmp/dtui-bench'},
		'keep-daemon': {type: 'boolean', default: false},
		'keep-fixture': {type: 'boolean', default: false},
		image: {type: 'string', default: 'busybox:local'},
		bin: {type: 'string', default: 'bin/dtui.js'},
		runs: {type: 'string', default: '7'},
		idle: {type: 'string', default: '20'},
		// dtui's safety poll period (source/hooks/list-store.ts): the window after idle holds one poll.
		'poll-window': {type: 'string', default: '30'},
		// Start-up is not idle: V8's memory reducer collects once more ~8 s after it (measured
		// here: ~60 ms of CPU at 9 s), so the idle window opens after that.
		settle: {type: 'string', default: '10'},
		presses: {type: 'string', default: '100'},
		'flood-n': {type: 'string', default: '200'},
		'flood-seconds': {type: 'string', default: '20'},
		'no-flood': {type: 'boolean', default: false},
		fleet: {type: 'boolean', default: false},
		'logs-key': {type: 'string', default: 'l'},
		'follow-key': {type: 'string', default: 'f'},
		smoke: {type: 'boolean', default: false},
		help: {type: 'boolean', short: 'h', default: false},
	},
});

if (flags.help) {
	process.stdout.write(readFileSync(new URL('README.md', import.meta.url), 'utf8'));
	process.exit(0);
}

const smoke = flags.smoke;
const ns = (smoke ? '3' : flags.n).split(',').map(Number);
if (ns.some(n => !Number.isInteger(n) || n < 2)) throw new Error('--n: whole numbers of at least 2, comma-separated');
const config = {
	bin: flags.bin,
	cwd: root,
	cols: 120,
	rows: 40,
	timeoutMs: 20_000,
	runs: smoke ? 2 : Number(flags.runs),
	idleMs: (smoke ? 1.5 : Number(flags.idle)) * 1000,
	pollWindowMs: (smoke ? 1 : Number(flags['poll-window'])) * 1000,
	settleMs: (smoke ? 0.5 : Number(flags.settle)) * 1000,
	presses: smoke ? 10 : Number(flags.presses),
	quietMs: 25,
	floodMs: (smoke ? 1.5 : Number(flags['flood-seconds'])) * 1000,
	logsKey: flags['logs-key'],
	followKey: flags['follow-key'],
	socket: '',
};
const floodN = smoke ? 3 : ns.reduce((best, n) => (Math.abs(n - Number(flags['flood-n'])) < Math.abs(best - Number(flags['flood-n'])) ? n : best), ns[0]);
const log = text => process.stderr.write(`bench: ${text}\n`);
const emit = record => process.stdout.write(`${JSON.stringify(record)}\n`);

config.bin = path.resolve(root, config.bin);
if (!existsSync(config.bin) || !existsSync(path.join(path.dirname(config.bin), '../dist/dtui.js'))) {
	throw new Error(`${config.bin} or its bundle is missing: run \`npm run build\` (npm run bench does)`);
}

// Our own dockerd unless told otherwise: 1000 containers never land on a daemon in use.
const ownDaemon = flags.socket === undefined;
if (ownDaemon) {
	log(`starting an isolated dockerd in ${flags['daemon-dir']}`);
	config.socket = execFileSync(`${root}scripts/test-daemon.sh`, [flags['daemon-dir']], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']}).trim();
} else {
	config.socket = flags.socket;
}

const daemon = daemonPids(config.socket);
if (daemon.length === 0) log(`no dockerd found serving ${config.socket}: the daemon's CPU is left out`);

function dockerVersion() {
	try {
		return execFileSync('docker', ['-H', `unix://${config.socket}`, 'version', '--format', '{{.Server.Version}}'], {encoding: 'utf8'}).trim();
	} catch {
		return 'unknown';
	}
}

emit({
	record: 'machine',
	cpu: os.cpus()[0]?.model ?? 'unknown',
	cores: os.cpus().length,
	memoryGiB: Math.round(os.totalmem() / 2 ** 30),
	kernel: os.release(),
	node: process.version,
	dockerd: dockerVersion(),
	loadAverage: os.loadavg().map(value => Number(value.toFixed(2))),
	smoke,
});

const results = [];
let floodResult;
let fleetResult;
try {
	for (const n of ns) {
		const {running, loggers} = shape(n);
		log(`N = ${n} (${running} running, ${loggers} logging every second)`);
		const changes = await ensureFixture({socket: config.socket, image: flags.image, n, log});
		// The daemon goes on cleaning up after the API has answered (containerd, shims,
		// layers): measuring then would count its work against the first frames.
		if (!smoke && changes.removed + changes.created + changes.started > 0) await sleep(15_000);
		const order = await expectedOrder(config.socket);

		log('docker ps -a');
		await dockerPs(config, 1);
		const ps = await dockerPs(config, config.runs);
		log('first frames');
		await firstFrames(config, order, 1);
		const frames = await firstFrames(config, order, config.runs);
		log(`idle ${config.idleMs / 1000} s without dtui, then with it, ${config.pollWindowMs / 1000} s more, then ${config.presses} keys`);
		const baseline = await daemonBaseline(daemon, config.idleMs);
		const long = await idleAndKeys(config, order, daemon);

		const record = {
			record: 'fixture',
			n,
			running,
			loggers,
			first_frame_ms: median(frames.first),
			first_frame_runs_ms: frames.first.map(round),
			usable_ms: median(frames.usable),
			docker_ps_ms: median(ps),
			docker_ps_runs_ms: ps.map(round),
			idle_seconds: config.idleMs / 1000,
			idle_cpu_pct: long.idle.cpuPercent,
			daemon_cpu_pct: long.idle.daemonCpuPercent,
			daemon_cpu_baseline_pct: baseline,
			daemon_cpu_by_dtui_pct: long.idle.daemonCpuPercent - baseline,
			idle_bytes_per_s: long.idle.bytesPerSecond,
			idle_writes: long.idle.writes,
			poll_window_seconds: config.pollWindowMs / 1000,
			poll_cpu_pct: long.poll.cpuPercent,
			poll_daemon_cpu_pct: long.poll.daemonCpuPercent,
			poll_bytes_per_s: long.poll.bytesPerSecond,
			rss_mib: long.idle.rss,
			rss_peak_mib: long.memoryAfterKeys.peak,
			key_ms_median: median(long.latencies),
			key_ms_p95: percentile(long.latencies, 95),
			key_presses: long.latencies.length + long.unanswered,
			key_unanswered: long.unanswered,
		};
		for (const [key, value] of Object.entries(record)) if (typeof value === 'number' && !Number.isInteger(value)) record[key] = round(value);
		results.push(record);
		emit(record);

		if (n === floodN && !flags['no-flood']) {
			log(`following a container that writes ~10 000 lines/s for ${config.floodMs / 1000} s`);
			const name = await startFlood({socket: config.socket, image: flags.image});
			try {
				const result = await flood(config, name);
				floodResult = {
					record: 'flood',
					n,
					supported: result.supported,
					...(result.supported
						? {
								key_ms_median: round(median(result.latencies)),
								key_ms_p95: round(percentile(result.latencies, 95)),
								key_presses: result.latencies.length + result.unanswered,
								key_unanswered: result.unanswered,
								cpu_pct: round(result.cpuPercent),
								rss_start_mib: round(result.rssStart),
								rss_end_mib: round(result.rss),
								rss_peak_mib: round(result.peak),
							}
						: {note: `no logs view: "${config.logsKey}" on the flooding container showed no log line`}),
				};
				emit(floodResult);
			} finally {
				await removeContainer(config.socket, name);
			}
		}
	}

	if (flags.fleet) fleetResult = await measureFleet(ns.at(-1));
} finally {
	if (!flags['keep-fixture']) {
		log('removing the fixture');
		await removeFixture(config.socket).catch(error => log(`could not remove the fixture: ${error.message}`));
	}

	if (ownDaemon && !flags['keep-daemon']) {
		execFileSync(`${root}scripts/test-daemon.sh`, ['--stop', flags['daemon-dir']], {stdio: ['ignore', 'ignore', 'inherit']});
	}
}

process.stderr.write(`\n${report(results, floodResult, fleetResult)}\n`);

/**
 * Two daemons in one dashboard (`-H a -H b`), N containers on each: the first frame, what
 * idling costs (dtui, and both daemons together) and key → frame. The second daemon is
 * this run's own and goes with it.
 */
async function measureFleet(n) {
	const dir = `${flags['daemon-dir']}-2`;
	log(`fleet: a second dockerd in ${dir}, N = ${n} on each`);
	const second = execFileSync(`${root}scripts/test-daemon.sh`, [dir], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']}).trim();
	try {
		await ensureFixture({socket: second, image: flags.image, n, log});
		if (!smoke) await sleep(15_000);
		const fleet = {...config, hosts: [config.socket, second]};
		const order = await expectedOrder(config.socket);
		// Only the first row: the cursor check of a single daemon's list does not know the HOST column.
		await firstFrames(fleet, order.slice(0, 1), 1);
		const frames = await firstFrames(fleet, order.slice(0, 1), config.runs);
		const long = await idleAndKeys(fleet, order, [...daemon, ...daemonPids(second)]);
		const record = {
			record: 'fleet',
			hosts: 2,
			n_per_host: n,
			first_frame_ms: round(median(frames.first)),
			idle_cpu_pct: round(long.idle.cpuPercent),
			daemons_cpu_pct: round(long.idle.daemonCpuPercent),
			idle_bytes_per_s: round(long.idle.bytesPerSecond),
			rss_mib: round(long.idle.rss),
			key_ms_median: round(median(long.latencies)),
			key_ms_p95: round(percentile(long.latencies, 95)),
		};
		emit(record);
		return record;
	} finally {
		await removeFixture(second).catch(error => log(`could not remove the fleet fixture: ${error.message}`));
		execFileSync(`${root}scripts/test-daemon.sh`, ['--stop', dir], {stdio: ['ignore', 'ignore', 'inherit']});
	}
}

function round(value) {
	return Number.isFinite(value) ? Math.round(value * 100) / 100 : value;
}
