// What the Engine offers inside one container: its logs, its live resource use, its
// processes, and an interactive session (exec or attach). Like engine.ts: small,
// readonly types; every string has already been made inert (sanitize.ts).
import type {Duplex} from 'node:stream';

export type LogStreamName = 'stdout' | 'stderr';

export type LogLine = {
	/** TTY containers have one stream: everything is 'stdout'. */
	readonly stream: LogStreamName;
	/** One line, without its line break, sanitised. */
	readonly text: string;
	/** The daemon's RFC 3339 timestamp of the line ('' when it sent none). */
	readonly time: string;
	/** The same instant as milliseconds since the epoch, microseconds kept: orders lines of several containers. */
	readonly order: number;
};

export type LogOptions = {
	/** Keep streaming new lines until the signal aborts (or the container stops). */
	readonly follow: boolean;
	/** The last N lines only; 'all' for everything (the daemon's default). */
	readonly tail: number | 'all';
	/** Unix seconds: only lines written since then. */
	readonly since?: number;
};

/** One reading of `GET /containers/{id}/stats`, with the docker CLI's arithmetic applied. */
export type StatsSample = {
	/** Milliseconds since the epoch, from the daemon's `read`. */
	readonly time: number;
	/** Percent of one CPU (200 = two CPUs busy); undefined until the daemon has a previous reading. */
	readonly cpuPercent?: number;
	readonly onlineCpus: number;
	/** Bytes in use, page cache left out (what `docker stats` shows). */
	readonly memoryUsage: number;
	/** Bytes; 0 when unknown. */
	readonly memoryLimit: number;
	readonly memoryPercent?: number;
	/** Cumulative bytes since the container started; rates come from two samples. */
	readonly networkRx: number;
	readonly networkTx: number;
	readonly blockRead: number;
	readonly blockWrite: number;
	readonly pids?: number;
};

/** `docker top`: the ps columns the daemon chose and one row per process. */
export type ProcessList = {
	readonly titles: readonly string[];
	readonly processes: ReadonlyArray<readonly string[]>;
};

/** A command run to completion without a terminal (to look for a shell, say). */
export type ExecResult = {
	readonly exitCode: number | undefined;
	/** stdout and stderr together, sanitised, at most a few KiB. */
	readonly output: string;
};

/** An interactive exec or attach: raw bytes both ways, as a terminal would see them. */
export type ContainerSession = {
	/** Write keystrokes; read what the container prints (already demultiplexed when it has no TTY). */
	readonly stream: Duplex;
	/** Tell the container's terminal its size; never rejects (a session that ended ignores it). */
	resize(columns: number, rows: number): Promise<void>;
	/** Close the connection (a detach: the container keeps running). */
	close(): void;
	/** Resolves when the session is over, with the exec's exit code when there is one. */
	readonly ended: Promise<{exitCode?: number}>;
};

export type SessionSize = {readonly columns: number; readonly rows: number};

export type ContainerEngine = {
	/** The container's log as lines. Without follow it ends after the last line; with it, when the signal aborts or the container stops. */
	logs(id: string, options: LogOptions, signal: AbortSignal): AsyncIterable<LogLine>;
	/** One sample a second (the daemon's pace) until the signal aborts or the container stops. */
	stats(id: string, signal: AbortSignal): AsyncIterable<StatsSample>;
	/** One sample (the daemon waits for its next reading, ~1 s: call several in parallel). */
	statsOnce(id: string, signal?: AbortSignal): Promise<StatsSample>;
	top(id: string, signal?: AbortSignal): Promise<ProcessList>;
	/** Runs `command` without a TTY and waits for it. */
	execRun(id: string, command: readonly string[], signal?: AbortSignal): Promise<ExecResult>;
	/** An interactive command with a TTY (Engine API exec: works over every transport). */
	execSession(id: string, command: readonly string[], size: SessionSize): Promise<ContainerSession>;
	/** The main process's terminal (docker attach). Closing it is a detach. */
	attach(id: string, size: SessionSize): Promise<ContainerSession>;
};
