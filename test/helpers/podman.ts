import {spawn} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import path from 'node:path';

// Rootful Podman's Docker-compatible API (`podman system service`) on a private socket,
// with its own storage (vfs: no overlay mounts to leave behind) and no containers.

export const podmanBinary = '/usr/bin/podman';

export type PodmanService = {
	/** $XDG_RUNTIME_DIR for resolution: the socket is at <it>/podman/podman.sock. */
	readonly runtimeDirectory: string;
	readonly socket: string;
	stop(): Promise<void>;
};

function isSocket(file: string): boolean {
	try {
		return statSync(file).isSocket();
	} catch {
		return false;
	}
}

export async function startPodman(directory: string): Promise<PodmanService> {
	const runtimeDirectory = path.join(directory, 'run');
	const socket = path.join(runtimeDirectory, 'podman', 'podman.sock');
	mkdirSync(path.dirname(socket), {recursive: true});
	const log = path.join(directory, 'podman.log');
	const storage = ['--root', path.join(directory, 'root'), '--runroot', path.join(directory, 'runroot'), '--tmpdir', path.join(directory, 'tmp'), '--storage-driver', 'vfs'];
	const child = spawn('sh', ['-c', `exec "$@" >"${log}" 2>&1`, 'sh', podmanBinary, ...storage, 'system', 'service', '--time=0', `unix://${socket}`], {stdio: 'ignore'});
	const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
	for (let attempt = 0; attempt < 100 && !isSocket(socket) && child.exitCode === null; attempt++) {
		await new Promise(resolve => setTimeout(resolve, 50));
	}

	if (!isSocket(socket)) {
		child.kill('SIGKILL');
		throw new Error(`podman system service did not start: ${readFileSync(log, 'utf8')}`);
	}

	return {
		runtimeDirectory,
		socket,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
			rmSync(directory, {recursive: true, force: true});
		},
	};
}
