// A dockerd of the test's own, for tests that stop, hang (SIGSTOP), restart or flood a
// daemon: never the shared one, whose other users would see it fail. Started with
// scripts/test-daemon.sh in a short base dir (the socket path must stay < 108 bytes);
// `remove()` in an `after` stops it and deletes the dir, even when it is stopped or hung.
import {execFile} from 'node:child_process';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import Docker from 'dockerode';

export type OwnDaemon = {
	readonly socket: string;
	/** Raw dockerode on this daemon, every transport key named (DOCKER_HOST cannot redirect it). */
	readonly docker: Docker;
	/** dockerd's pid now (it changes with each start). */
	pid(): number;
	/** SIGTERM, then wait until it is gone: its socket file goes, its data stays. */
	stop(): Promise<void>;
	/** Start it again on the same data (no image build: busybox:local is still there). */
	start(): Promise<void>;
	/** SIGSTOP: it keeps its sockets open and answers nothing. */
	hang(): void;
	/** SIGCONT. */
	resume(): void;
	/** Stops it (whatever state it is in) and deletes the base dir. Safe to call twice. */
	remove(): Promise<void>;
};

async function script(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile('scripts/test-daemon.sh', args, {env: {...process.env, ...env}, timeout: 90_000}, (error, stdout, stderr) => {
			if (error) reject(new Error(`scripts/test-daemon.sh ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
			else resolve(stdout.trim());
		});
	});
}

/** Whether a process is still there (signal 0 checks without sending anything). */
export function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * dockerds for this base dir that its pid file no longer names (a start that failed
 * late, a run killed half-way): found by their base-specific data root, killed by pid.
 * `--stop` only knows the pid file, and a stray one makes the next start fail.
 */
async function killStrays(base: string): Promise<boolean> {
	const marker = `--data-root\0${base}/root\0`;
	const strays = readdirSync('/proc').filter(entry => /^\d+$/.test(entry)).filter(pid => {
		try {
			return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
		} catch {
			return false;
		}
	});
	for (const pid of strays.map(Number)) {
		try {
			process.kill(pid, 'SIGCONT');
			process.kill(pid, 'SIGKILL');
		} catch {}
	}

	for (let waited = 0; waited < 5000 && strays.map(Number).some(pid => alive(pid)); waited += 50) await sleep(50);
	return strays.length > 0;
}

/** The recorded daemon stopped gracefully (its containers first), then any stray, then what they left. */
async function cleanUp(base: string): Promise<void> {
	// rm -rf can race a shim still writing below the dir ("Directory not empty"): once more.
	await script(['--stop', base]).catch(async () => script(['--stop', base]));
	if (await killStrays(base)) await script(['--stop', base]);
}

export async function startOwnDaemon(base: string): Promise<OwnDaemon> {
	// Whatever a crashed earlier run left in this dir goes first. A start can still fail
	// on a busy machine (seen: dockerd gone at once, no log); a second try has worked.
	let socket: string;
	try {
		await cleanUp(base);
		socket = await script([base]);
	} catch {
		await cleanUp(base);
		socket = await script([base]);
	}

	const readPid = () => Number(readFileSync(join(base, 'pid'), 'utf8'));
	let pid = readPid();
	let removed = false;
	return {
		socket,
		docker: new Docker({socketPath: socket, host: undefined, port: undefined, protocol: undefined}),
		pid: () => pid,
		async stop() {
			process.kill(pid, 'SIGTERM');
			for (let waited = 0; alive(pid); waited += 100) {
				if (waited > 30_000) throw new Error(`dockerd ${pid} did not stop within 30 s`);
				await sleep(100);
			}
		},
		async start() {
			await script([base], {IMAGE: ''});
			pid = readPid();
		},
		hang() {
			process.kill(pid, 'SIGSTOP');
		},
		resume() {
			process.kill(pid, 'SIGCONT');
		},
		async remove() {
			if (removed) return;
			removed = true;
			// A stopped process would sit on the script's SIGTERM for its whole grace period.
			if (alive(pid)) process.kill(pid, 'SIGCONT');
			await cleanUp(base);
		},
	};
}
