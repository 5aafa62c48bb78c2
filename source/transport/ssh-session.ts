import type {Duplex} from 'node:stream';
import type {Client, ClientChannel} from 'ssh2';
import type {Env} from './docker-config.js';
import {EngineError} from '../engine/errors.js';
import {loginSsh} from './ssh-login.js';
import type {SshTarget} from './ssh-target.js';

// One SSH connection to one host, carrying every request to its daemon as a channel:
// a forward to the remote daemon's unix socket when we know it (no process per
// request, and not limited by sshd's MaxSessions), else `docker system dial-stdio`
// per channel, as the docker CLI does.

export type SshChannel = {
	readonly stream: Duplex;
	/**
	 * Whether it may carry another request once this one is answered. A forward may; a
	 * dial-stdio channel is closed instead, to give its session slot to a waiting request.
	 */
	readonly reusable: boolean;
};

export type SshSession = {
	/** A byte stream to the remote daemon: one HTTP connection's worth. */
	open(): Promise<SshChannel>;
	close(): void;
	/** Resolves once the connection is gone, whatever ended it. */
	readonly ended: Promise<void>;
};

const dialStdio = 'docker system dial-stdio';
// The remote CLI's own idea of its daemon (its DOCKER_HOST or context), asked once per connection.
const whereIsTheDaemon = "docker context inspect --format '{{.Endpoints.docker.Host}}'";
const commandNotFound = 127;
const maxDialStdioChannels = 8;

const probeTimeoutMs = 10_000;

/** Runs a command to its end; stdout and stderr as text, the exit code (null: killed). */
function run(client: Client, command: string, timeoutMs: number): Promise<{code: number | null; stdout: string; stderr: string}> {
	return new Promise((resolve, reject) => {
		client.exec(command, (error, channel) => {
			if (error) return reject(error);
			let stdout = '';
			let stderr = '';
			let code: number | null = null;
			// Every later request waits for this session: it must not wait forever.
			const timer = setTimeout(() => {
				reject(new EngineError('timeout', `the remote \`${command}\` did not finish within ${timeoutMs / 1000} s`));
				channel.close();
			}, timeoutMs);
			channel.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
			channel.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
			channel.on('exit', (exitCode: number | null) => (code = exitCode));
			channel.on('close', () => {
				clearTimeout(timer);
				resolve({code, stdout, stderr});
			});
		});
	});
}

function lines(text: string): string[] {
	return text
		.split('\n')
		.map(line => line.trim())
		.filter(line => line !== '');
}

export async function connectSsh(target: SshTarget, env: Env): Promise<SshSession> {
	const {client, name, ended} = await loginSsh(target, env);

	function openFailure(error: Error): EngineError {
		return new EngineError('unreachable', `the ssh server at ${name} refused a channel: ${error.message.replace(/^\(SSH\) /, '')}`);
	}

	let socketPath = target.socketPath;
	if (socketPath === undefined) {
		let answer;
		try {
			answer = await run(client, whereIsTheDaemon, probeTimeoutMs);
		} catch (error) {
			client.end();
			throw error instanceof EngineError ? error : openFailure(error as Error);
		}

		if (answer.code !== 0) {
			client.end();
			if (answer.code === commandNotFound) throw new EngineError('unreachable', 'the remote host has no docker command for dial-stdio');
			// dial-stdio would fail the same way (a nologin shell, a broken remote context),
			// only later and less clearly. stdout first: a nologin shell explains itself
			// there, behind a chdir warning on stderr.
			const said = lines(answer.stdout).at(-1) || lines(answer.stderr).at(-1) || `exit code ${answer.code ?? 'none'}`;
			throw new EngineError('unreachable', `docker on ${name} failed: ${said}`);
		}

		// The last line that is a daemon address: a login script may have printed before it.
		const daemon = lines(answer.stdout).filter(line => /^[a-z]+:\/\//.test(line)).at(-1) ?? '';
		if (daemon.startsWith('unix://')) socketPath = daemon.slice('unix://'.length);
	}

	let forward = socketPath !== undefined;

	// sshd's MaxSessions (10 by default) caps exec channels per connection; past it a
	// channel is refused. So dial-stdio channels wait for a free one, keeping two spare.
	let busy = 0;
	const waiting: Array<() => void> = [];
	async function acquire(): Promise<void> {
		if (busy < maxDialStdioChannels) {
			busy++;
			return;
		}

		// The releasing channel hands its slot over: busy stays the same.
		await new Promise<void>(resolve => waiting.push(resolve));
	}

	function release(): void {
		const next = waiting.shift();
		if (next) next();
		else busy--;
	}

	async function execDialStdio(): Promise<Duplex> {
		const command = target.socketPath === undefined ? dialStdio : `docker --host 'unix://${target.socketPath.replace(/'/g, `'\\''`)}' system dial-stdio`;
		await acquire();
		return new Promise((resolve, reject) => {
			const opened = (error: Error | undefined, channel: ClientChannel) => {
				if (error) {
					release();
					return reject(openFailure(error));
				}

				channel.once('close', release);
				let answered = false;
				let exited = false;
				let heldEnd = false;
				let stderr = '';
				// Watched where the channel pushes data: a 'data' listener would start the
				// stream flowing before the HTTP client reads it. An end before any answer is
				// held until the exit status is known: sshd may send the EOF first, and the
				// HTTP client would then only say "socket hang up".
				const push = channel.push.bind(channel);
				channel.push = (chunk: unknown, encoding?: BufferEncoding) => {
					if (chunk === null && !answered && !exited) {
						heldEnd = true;
						return false;
					}

					if (chunk !== null) answered = true;
					return push(chunk, encoding);
				};

				const releaseEnd = () => {
					if (heldEnd && !channel.destroyed) push(null);
					heldEnd = false;
				};

				channel.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
				channel.on('exit', (code: number | null) => {
					exited = true;
					if (answered || code === 0) {
						releaseEnd();
						return;
					}

					// The HTTP client sees only "socket hang up"; say what the remote said.
					const failure =
						code === commandNotFound
							? new EngineError('unreachable', 'the remote host has no docker command for dial-stdio')
							: new EngineError('unreachable', `docker system dial-stdio on ${name} failed: ${lines(stderr)[0] || `exit code ${code}`}`);
					channel.emit('error', failure);
					channel.destroy();
				});
				// No exit status at all (the connection went): the end goes through as it came.
				channel.once('close', () => {
					exited = true;
					releaseEnd();
				});
				resolve(channel);
			};

			try {
				client.exec(command, opened);
			} catch (error) {
				// ssh2 throws "Not connected" when the connection has just gone.
				opened(error as Error, undefined as unknown as ClientChannel);
			}
		});
	}

	function forwardToSocket(remoteSocket: string): Promise<Duplex> {
		return new Promise((resolve, reject) => {
			try {
				client.openssh_forwardOutStreamLocal(remoteSocket, (error, channel) => (error ? reject(error) : resolve(channel)));
			} catch (error) {
				reject(error as Error);
			}
		});
	}

	return {
		async open() {
			if (forward && socketPath !== undefined) {
				try {
					return {stream: await forwardToSocket(socketPath), reusable: true};
				} catch {
					// OpenSSH gives one reason for "forwarding not allowed" (AllowStreamLocalForwarding
					// no) and "no such socket": dial-stdio from now on either way; when the daemon
					// is down, the remote docker CLI then says so in its own words.
					forward = false;
				}
			}

			return {stream: await execDialStdio(), reusable: false};
		},
		close() {
			client.end();
		},
		ended,
	};
}
