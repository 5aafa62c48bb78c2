import {setTimeout as sleep} from 'node:timers/promises';
// ContainerEngine over dockerode: logs, stats, top, exec and attach. Streams get a
// deadline only until the daemon answers (then they may idle for hours); every
// failure becomes an EngineError; every byte of text goes through the decoders that
// sanitise it.
import {Duplex, PassThrough, type Readable} from 'node:stream';
import type Docker from 'dockerode';
import type {ContainerEngine, ContainerSession, ExecResult, LogOptions, SessionSize} from '../engine/container-io.js';
import {describeConnectError} from '../transport/describe-error.js';
import {JsonLines} from './json-lines.js';
import {FrameDemuxer, LogDecoder} from './log-decoder.js';
import {Deadline, failureOf, underDeadline, type RequestContext} from './request-deadline.js';
import {mapProcessList} from './map-processes.js';
import {mapStats, withPreviousCpu} from './stats.js';
import {sanitize} from '../text/sanitize.js';

/** Between the two one-shot readings a daemon without previous readings needs for CPU %. */
const oneShotGapMs = 500;

/** The output kept from a non-interactive exec: enough for a shell path or an error line. */
const maxExecOutput = 4096;

export function createContainerIo({docker, label, closing, requestTimeoutMs}: RequestContext): ContainerEngine {
	const container = (id: string) => docker.getContainer(encodeURIComponent(id));

	/** Runs a request under a deadline; errors become EngineErrors. */
	async function request<T>(signal: AbortSignal | undefined, run: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
		return underDeadline([signal, closing], requestTimeoutMs, label, run);
	}

	/** Opens a streamed answer; yields its chunks until it ends or `signal` aborts (then quietly). */
	async function* chunks(signal: AbortSignal, open: (abortSignal: AbortSignal) => Promise<unknown>): AsyncGenerator<Buffer> {
		if (signal.aborted || closing.aborted) return;
		const deadline = new Deadline([signal, closing], requestTimeoutMs);
		let stream: Readable;
		try {
			stream = (await open(deadline.signal)) as Readable;
		} catch (error) {
			deadline.dispose();
			if (deadline.cancelled) return;
			throw failureOf(deadline, error, label);
		}

		deadline.clearTimer();
		const onAbort = () => stream.destroy();
		deadline.signal.addEventListener('abort', onAbort);
		try {
			for await (const chunk of stream) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
		} catch (error) {
			if (!deadline.cancelled) throw describeConnectError(error, label);
		} finally {
			deadline.signal.removeEventListener('abort', onAbort);
			deadline.dispose();
			stream.destroy();
		}
	}

	async function hasTty(id: string, signal?: AbortSignal): Promise<boolean> {
		const info = await request(signal, abortSignal => container(id).inspect({abortSignal} as Docker.ContainerInspectOptions));
		return (info as {Config?: {Tty?: unknown}}).Config?.Tty === true;
	}

	function logQuery(options: LogOptions): Record<string, unknown> {
		// Timestamps always: they order the lines of several containers, and `t` shows them without asking again.
		return {
			stdout: true,
			stderr: true,
			timestamps: true,
			follow: options.follow,
			tail: options.tail === 'all' ? 'all' : String(options.tail),
			...(options.since === undefined ? {} : {since: Math.floor(options.since)}),
		};
	}

	async function* logs(id: string, options: LogOptions, signal: AbortSignal) {
		const decoder = new LogDecoder(await hasTty(id, signal));
		// Always a stream: without follow dockerode would buffer the whole log in memory.
		const source = chunks(signal, async abortSignal =>
			new Promise((resolve, reject) => {
				const dial = {
					path: `/containers/${encodeURIComponent(id)}/logs?`,
					method: 'GET',
					isStream: true,
					abortSignal,
					statusCodes: {200: true, 404: 'no such container', 500: 'server error'},
					options: logQuery(options),
				};
				docker.modem.dial(dial, (error: unknown, stream: unknown) => (error ? reject(error) : resolve(stream)));
			}),
		);
		for await (const chunk of source) yield* decoder.push(chunk);
		if (!signal.aborted) yield* decoder.end();
	}

	async function* stats(id: string, signal: AbortSignal) {
		const lines = new JsonLines();
		let previous: unknown;
		for await (const chunk of chunks(signal, abortSignal => container(id).stats({stream: true, abortSignal} as {stream: true}))) {
			for (const value of lines.push(chunk)) {
				yield mapStats(withPreviousCpu(value, previous));
				previous = value;
			}
		}
	}

	async function execRun(id: string, command: readonly string[], signal?: AbortSignal): Promise<ExecResult> {
		return request(signal, async abortSignal => {
			const exec = await container(id).exec({Cmd: [...command], AttachStdout: true, AttachStderr: true, Tty: false, abortSignal} as Docker.ExecCreateOptions);
			const stream = (await exec.start({hijack: false, abortSignal} as Docker.ExecStartOptions)) as Readable;
			const demuxer = new FrameDemuxer();
			let output = '';
			for await (const chunk of stream) {
				for (const frame of demuxer.push(chunk as Buffer)) if (output.length < maxExecOutput) output += frame.payload.toString('utf8');
			}

			const info = (await exec.inspect({abortSignal} as object)) as {ExitCode?: unknown};
			return {exitCode: typeof info.ExitCode === 'number' ? info.ExitCode : undefined, output: sanitize(output.slice(0, maxExecOutput).trim())};
		});
	}

	/** A hijacked socket as a session; a multiplexed one (attach without a TTY) is demultiplexed on the way out. */
	function session(socket: Duplex, multiplexed: boolean, resize: ContainerSession['resize'], exitCode: () => Promise<number | undefined>): ContainerSession {
		let stream: Duplex = socket;
		if (multiplexed) {
			const output = new PassThrough();
			const demuxer = new FrameDemuxer();
			socket.on('data', (chunk: Buffer) => {
				for (const frame of demuxer.push(chunk)) output.write(frame.payload);
			});
			socket.on('end', () => output.end());
			stream = Duplex.from({readable: output, writable: socket});
		}

		// The daemon ending its side ends the session: over an SSH forward the channel only
		// closes once both sides have ended, and ours would otherwise stay open for ever.
		socket.once('end', () => socket.end());
		const ended = new Promise<{exitCode?: number}>(resolve => {
			socket.once('close', () => {
				void exitCode().then(code => resolve(code === undefined ? {} : {exitCode: code}), () => resolve({}));
			});
		});
		return {stream, resize, ended, close: () => socket.destroy()};
	}

	/** Resizing can race the end of a session; Podman answers 201, which dockerode calls an error. */
	async function quietly(run: () => Promise<unknown>): Promise<void> {
		try {
			await run();
		} catch {}
	}

	async function execSession(id: string, command: readonly string[], size: SessionSize): Promise<ContainerSession> {
		return request(undefined, async () => {
			const exec = await container(id).exec({Cmd: [...command], AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true});
			const socket = (await exec.start({hijack: true, stdin: true, Tty: true})) as Duplex;
			const resize = async (columns: number, rows: number) => quietly(async () => exec.resize({w: columns, h: rows}));
			await resize(size.columns, size.rows);
			return session(socket, false, resize, async () => {
				const info = (await exec.inspect()) as {ExitCode?: unknown};
				return typeof info.ExitCode === 'number' ? info.ExitCode : undefined;
			});
		});
	}

	async function attach(id: string, size: SessionSize): Promise<ContainerSession> {
		const tty = await hasTty(id);
		return request(undefined, async () => {
			const target = container(id);
			// Detaching is ours to do (ctrl+p ctrl+q never reaches the daemon): a container
			// started without -i reads no stdin, so the daemon could not see the keys.
			const socket = (await target.attach({stream: true, stdin: true, stdout: true, stderr: true, hijack: true})) as Duplex;
			const resize = async (columns: number, rows: number) => quietly(async () => target.resize({w: columns, h: rows}));
			if (tty) await resize(size.columns, size.rows);
			return session(socket, !tty, resize, async () => undefined);
		});
	}

	return {
		logs,
		stats,
		async statsOnce(id, signal) {
			const once = async () => request(signal, abortSignal => container(id).stats({stream: false, abortSignal} as {stream?: false}));
			const first = await once();
			const sample = mapStats(first);
			if (sample.cpuPercent !== undefined) return sample;
			// dockerd waits for its next reading and sends both; Podman sends one, with no
			// previous reading to compute CPU % from: a second, a moment later, gives one.
			await sleep(oneShotGapMs);
			return mapStats(withPreviousCpu(await once(), first));
		},
		async top(id, signal) {
			return mapProcessList(await request(signal, abortSignal => container(id).top({abortSignal} as object)));
		},
		execRun,
		execSession,
		attach,
	};
}
