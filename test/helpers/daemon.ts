import {execFileSync} from 'node:child_process';
import {statSync} from 'node:fs';
import Docker from 'dockerode';
import {compareApiVersions} from '../../source/engine/api-version.js';
import {resolveEndpoint} from '../../source/transport/connection.js';
import {createDockerodeEngine} from '../../source/docker/dockerode-engine.js';
import type {Engine} from '../../source/engine/engine.js';
import {inCi} from './ci.js';

// Tests that need a real dockerd get its socket from DTUI_TEST_SOCKET. Locally a
// missing daemon skips them; in CI it fails them, so a broken setup cannot pass green.

export const daemonSocket: string | undefined = process.env['DTUI_TEST_SOCKET'] || undefined;

export const testImage = 'busybox:local';

/** An init that exits 0 on SIGTERM at once, so stop and restart do not wait the 10 s grace period. */
export const idleCommand = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1 & wait $!; done'];

function isSocket(path: string): boolean {
	try {
		return statSync(path).isSocket();
	} catch {
		return false;
	}
}

/** For `describe(name, {skip: realDaemonSkip()}, …)`: false when the daemon is there, else why not. Throws in CI. */
export function realDaemonSkip(): false | string {
	let reason: string | undefined;
	if (daemonSocket === undefined) reason = 'DTUI_TEST_SOCKET is not set (a dockerd unix socket)';
	else if (!isSocket(daemonSocket)) reason = `DTUI_TEST_SOCKET=${daemonSocket} is not a socket`;
	if (reason === undefined) return false;
	if (inCi()) throw new Error(`real-daemon tests cannot run in CI: ${reason}`);
	return reason;
}

/** Raw dockerode on the test socket, for setting up and checking state behind the engine's back. */
export function testDocker(): Docker {
	if (daemonSocket === undefined) throw new Error('DTUI_TEST_SOCKET is not set');
	// Every transport key named, so a DOCKER_HOST in the environment cannot redirect the tests.
	return new Docker({socketPath: daemonSocket, host: undefined, port: undefined, protocol: undefined});
}

export type TestContainerOptions = {
	name: string;
	cmd?: string[];
	labels?: Record<string, string>;
	start?: boolean;
	tty?: boolean;
};

/** Creates (and by default does not start) a busybox container with no network; returns its id. */
export async function createTestContainer(docker: Docker, options: TestContainerOptions): Promise<string> {
	const container = await docker.createContainer({
		name: options.name,
		Image: testImage,
		Cmd: options.cmd ?? idleCommand,
		Labels: options.labels ?? {},
		Tty: options.tty ?? false,
		HostConfig: {NetworkMode: 'none'},
	});
	if (options.start) await container.start();
	return container.id;
}

/** Force-removes every container whose name starts with `prefix`. */
export async function removeTestContainers(docker: Docker, prefix: string): Promise<void> {
	// An empty prefix would remove every container on the daemon.
	if (prefix === '') throw new Error('removeTestContainers needs a name prefix');
	const all = await docker.listContainers({all: true});
	const ours = all.filter(info => info.Names.some(name => name.replace(/^\//, '').startsWith(prefix)));
	await Promise.all(
		ours.map(async info => {
			try {
				await docker.getContainer(info.Id).remove({force: true, v: true});
			} catch (error) {
				// Gone already (or being removed by the daemon): that is what we wanted.
				const status = (error as {statusCode?: unknown}).statusCode;
				if (status !== 404 && status !== 409) throw error;
			}
		}),
	);
}

/** An engine on the test socket that has negotiated its API version, as dtui's connect() leaves it. */
export async function negotiatedEngine(socket: string): Promise<Engine> {
	// An empty env: the test socket must win whatever DOCKER_HOST says.
	const engine = createDockerodeEngine(resolveEndpoint({host: `unix://${socket}`, env: {}}));
	await engine.ping();
	return engine;
}

/**
 * The Engine API version the docker CLI speaks with the test daemon (the lower of its own
 * and the daemon's), for running dtui at the same one where their output is compared: a
 * newer daemon answers a newer version with more (image container counts from 1.51).
 */
export function dockerCliApiVersion(): string {
	if (daemonSocket === undefined) throw new Error('DTUI_TEST_SOCKET is not set');
	const [client = '', server = ''] = execFileSync('docker', ['-H', `unix://${daemonSocket}`, 'version', '--format', '{{.Client.APIVersion}} {{.Server.APIVersion}}'], {encoding: 'utf8'}).trim().split(' ');
	return compareApiVersions(client, server) < 0 ? client : server;
}
