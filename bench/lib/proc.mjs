// CPU time and memory of a process from /proc (Linux). CPU comes from each thread's
// schedstat (nanoseconds on the CPU), not /proc/PID/stat's 10 ms ticks: half a percent
// of a core over 20 s is only 10 ticks, too coarse to tell 0.2 % from 0.6 %.
import {readFileSync, readdirSync, realpathSync} from 'node:fs';
import {childrenOf} from './pty.mjs';

/** Nanoseconds every thread of `pid` has spent on a CPU (threads that already ended are lost, as in top). */
export function cpuNanoseconds(pid) {
	let total = 0;
	let tasks = [];
	try {
		tasks = readdirSync(`/proc/${pid}/task`);
	} catch {
		return undefined;
	}

	for (const task of tasks) {
		try {
			total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
		} catch {}
	}

	return total;
}

/** Sum over several processes (the daemon is dockerd and its containerd). */
export function cpuOf(pids) {
	return pids.reduce((sum, pid) => sum + (cpuNanoseconds(pid) ?? 0), 0);
}

/** {rss, peak} in MiB, from /proc/PID/status (VmRSS, VmHWM). */
export function memoryOf(pid) {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kib = field => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
		return {rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024};
	} catch {
		return {rss: Number.NaN, peak: Number.NaN};
	}
}

function cmdline(pid) {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
	} catch {
		return [];
	}
}

function comm(pid) {
	try {
		return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
	} catch {
		return '';
	}
}

/**
 * The dockerd serving `socket`, and its own containerd when it manages one: found by the
 * socket in dockerd's command line (`-H unix://…` / `--host=…`), as the test daemon
 * script starts it. Empty when it cannot be found (another user's daemon, systemd
 * socket activation): the daemon's figures are then left out, never guessed.
 */
export function daemonPids(socket) {
	let real = socket;
	try {
		real = realpathSync(socket);
	} catch {}

	const names = new Set([socket, real, `unix://${socket}`, `unix://${real}`]);
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const pid = Number(entry);
		if (comm(pid) !== 'dockerd') continue;
		const args = cmdline(pid);
		const hosts = args.flatMap((arg, index) => {
			if (arg === '-H' || arg === '--host') return [args[index + 1] ?? ''];
			const match = /^(?:-H|--host)=?(.+)$/.exec(arg);
			return match ? [match[1]] : [];
		});
		if (hosts.some(host => names.has(host))) {
			const containerd = childrenOf(pid).filter(child => comm(child) === 'containerd');
			return [pid, ...containerd];
		}
	}

	return [];
}

/** Percent of one core used by `pids` while `during()` runs. */
export async function cpuPercentDuring(pids, during) {
	const startNs = cpuOf(pids);
	const start = performance.now();
	await during();
	const elapsedMs = performance.now() - start;
	return ((cpuOf(pids) - startNs) / 1e6 / elapsedMs) * 100;
}
