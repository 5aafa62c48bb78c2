// One function per figure the benchmark prints. Each starts its own terminal and
// leaves nothing running.
import {cpuNanoseconds, cpuOf, memoryOf} from './proc.mjs';
import {sleep, startPty} from './pty.mjs';

export function median(values) {
	const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
	const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const escapeRegExp = text => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The selected row shows `›` before the name (the cursor is a character, so it survives NO_COLOR). */
export const selectedRow = name => new RegExp(`›[ ●]\\s*${escapeRegExp(name)}\\b`);

/** dtui on `config.socket`, or (`config.hosts`: sockets) on several daemons at once. */
function dtui(config) {
	const hosts = (config.hosts ?? []).flatMap(socket => ['-H', `unix://${socket}`]);
	return startPty({argv: [process.execPath, config.bin, ...hosts], cols: config.cols, rows: config.rows, env: {DOCKER_HOST: `unix://${config.socket}`, DOCKER_CONTEXT: undefined}, cwd: config.cwd});
}

/**
 * Launch → the first frame that shows container rows (the first row's name on screen),
 * and launch → the frame answering a `j` sent the moment the rows appeared (the
 * cursor on the second row): when dtui is usable, not only visible.
 */
export async function firstFrames(config, order, runs) {
	const first = [];
	const usable = [];
	for (let run = 0; run < runs; run++) {
		const pty = dtui(config);
		try {
			const shown = await pty.waitFor(p => p.plainTail().includes(order[0]), config.timeoutMs, `the first row (${order[0]})`);
			first.push(shown - pty.t0);
			if (order.length > 1) {
				pty.write('j');
				const moved = await pty.waitFor(p => selectedRow(order[1]).test(p.plainTail()), config.timeoutMs, `the cursor on ${order[1]}`);
				usable.push(moved - pty.t0);
			}
		} finally {
			await pty.stop();
		}

		// Let the daemon and the page cache settle between launches.
		await sleep(300);
	}

	return {first, usable};
}

/** `docker ps -a` through the same terminal wrapper: launch → exit, with its table written. */
export async function dockerPs(config, runs) {
	const times = [];
	for (let run = 0; run < runs; run++) {
		const pty = startPty({argv: ['docker', '-H', `unix://${config.socket}`, 'ps', '-a'], cols: config.cols, rows: config.rows});
		const {code, t} = await pty.exited;
		if (code !== 0) throw new Error(`docker ps -a exited with ${code}: ${pty.plainTail().slice(-300)}`);
		times.push(t - pty.t0);
		await sleep(100);
	}

	return times;
}

/** The daemon's CPU % over `ms` with no dtui running: what the fixture itself costs. */
export async function daemonBaseline(daemon, ms) {
	if (daemon.length === 0) return Number.NaN;
	const start = cpuOf(daemon);
	const t = performance.now();
	await sleep(ms);
	return ((cpuOf(daemon) - start) / 1e6 / (performance.now() - t)) * 100;
}

/**
 * One long-running dtui: after the first frame and `settleMs`, `idleMs` of idling
 * (its CPU, the daemon's, bytes written, memory), `pollWindowMs` more, then `presses` keys (j and k in
 * turn, so each one moves the cursor), each timed from the write to the last byte of
 * the frame that answers it (the output then quiet for `quietMs`).
 */
export async function idleAndKeys(config, order, daemon) {
	const pty = dtui(config);
	try {
		await pty.waitFor(p => p.plainTail().includes(order[0]), config.timeoutMs, `the first row (${order[0]})`);
		const pid = pty.programPid();
		if (!pid) throw new Error('dtui is not running');
		await sleep(config.settleMs);

		const window = async ms => {
			const bytesBefore = pty.bytes;
			const writesBefore = pty.chunks.length;
			const ownBefore = cpuNanoseconds(pid) ?? Number.NaN;
			const daemonBefore = cpuOf(daemon);
			const t = performance.now();
			await sleep(ms);
			const elapsed = performance.now() - t;
			return {
				cpuPercent: (((cpuNanoseconds(pid) ?? Number.NaN) - ownBefore) / 1e6 / elapsed) * 100,
				daemonCpuPercent: daemon.length > 0 ? ((cpuOf(daemon) - daemonBefore) / 1e6 / elapsed) * 100 : Number.NaN,
				bytesPerSecond: ((pty.bytes - bytesBefore) / elapsed) * 1000,
				writes: pty.chunks.length - writesBefore,
				...memoryOf(pid),
			};
		};

		const idle = await window(config.idleMs);
		// Then a window as long as the list's safety poll period, which holds exactly one
		// poll wherever it falls: what the poll (and the AGE / STATUS text it updates) costs.
		const poll = await window(config.pollWindowMs);

		const latencies = [];
		let unanswered = 0;
		if (order.length > 1) {
			for (let press = 0; press < config.presses; press++) {
				const sent = pty.write(press % 2 === 0 ? 'j' : 'k');
				const end = await pty.settle(sent, config.quietMs, 2000);
				if (end === undefined) unanswered++;
				else latencies.push(end - sent);
				// Irregular gaps, so presses do not fall into step with any timer.
				await sleep(10 + Math.random() * 20);
			}
		}

		return {idle, poll, latencies, unanswered, memoryAfterKeys: memoryOf(pid)};
	} finally {
		await pty.stop();
	}
}

/**
 * Following a container that writes ~10 000 lines a second: the logs view opened on it
 * (filter to its name, then the logs key), then the follow key (f) pressed again and
 * again, each timed until the frame says so (paused, then following again): the key a
 * user presses on a log that scrolls too fast to read. Resolves with `supported: false`
 * when this build has no logs view (the key shows no log line within 5 s).
 */
export async function flood(config, name) {
	const pty = dtui(config);
	try {
		await pty.waitFor(p => p.plainTail().includes(name), config.timeoutMs, name);
		const pid = pty.programPid();
		pty.write('/');
		await sleep(100);
		pty.write(`${name}\r`);
		await sleep(300);
		let mark = pty.mark();
		pty.write(config.logsKey);
		try {
			await pty.waitFor(p => p.textSince(mark).includes('flood line'), 5000, 'log lines');
		} catch {
			return {supported: false};
		}

		const rssStart = memoryOf(pid).rss;
		const cpuStart = cpuNanoseconds(pid) ?? Number.NaN;
		const start = performance.now();
		const latencies = [];
		let unanswered = 0;
		let open = false;
		while (performance.now() - start < config.floodMs) {
			mark = pty.mark();
			const sent = pty.write(config.followKey);
			open = !open;
			try {
				// The logs view's title says which it is (logs-pane.tsx).
				const answered = await pty.waitFor(p => p.textSince(mark).includes(open ? 'paused' : 'following'), 2000, open ? 'paused' : 'following');
				latencies.push(answered - sent);
			} catch {
				unanswered++;
			}

			await sleep(100 + Math.random() * 100);
		}

		const elapsed = performance.now() - start;
		return {
			supported: true,
			latencies,
			unanswered,
			rssStart,
			...memoryOf(pid),
			cpuPercent: (((cpuNanoseconds(pid) ?? Number.NaN) - cpuStart) / 1e6 / elapsed) * 100,
		};
	} finally {
		await pty.stop();
	}
}
