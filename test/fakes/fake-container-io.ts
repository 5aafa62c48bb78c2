// The fake daemon's insides of a container: a scripted log, scripted stats and
// processes, and interactive sessions whose other end the test plays. Refusals use
// dockerd 20.10's words (test/contract runs the same suite against both).
import {sanitize} from '../../source/text/sanitize.js';
import {FakeLogs, type FakeLogLine} from './fake-logs.js';
import type {ContainerEngine, LogLine, ProcessList, StatsSample} from '../../source/engine/container-io.js';
import type {ContainerSummary, ObjectEngine} from '../../source/engine/engine.js';
import {EngineError} from '../../source/engine/errors.js';
import {sanitizeDocument} from '../../source/docker/map-objects.js';
import {openFakeSession, type FakeSession} from './fake-session.js';

export type {FakeLogLine} from './fake-logs.js';
export type {FakeSession} from './fake-session.js';

export type FakeContainerControls = {
	/** Lines the container wrote before anyone looked (its log so far). */
	setLogs(id: string, lines: readonly FakeLogLine[]): void;
	/** The container writes more: followers get them at once. */
	writeLogs(id: string, lines: readonly FakeLogLine[]): void;
	/** Samples a stats stream yields, one per `statsIntervalMs`; the last one repeats. */
	setStats(id: string, samples: readonly StatsSample[]): void;
	setProcesses(id: string, list: ProcessList): void;
	/** The executables a container has (default: sh). */
	setShells(id: string, shells: readonly string[]): void;
	/** A whole inspect document for a container, instead of the one made up from its summary. */
	setDocument(id: string, document: unknown): void;
	readonly sessions: FakeSession[];
	/** Log and stats streams open now (a view must close what it no longer shows). */
	openStreams(): {logs: number; stats: number};
};

type Host = {
	readonly containers: () => readonly ContainerSummary[];
	readonly enter: (method: string, args: unknown[], signal?: AbortSignal) => void;
};

const live = new Set(['running', 'paused', 'restarting']);
export function fakeStatsSample(partial: Partial<StatsSample> = {}): StatsSample {
	return {time: Date.now(), cpuPercent: 0, onlineCpus: 2, memoryUsage: 1024 * 1024, memoryLimit: 1024 * 1024 * 1024, memoryPercent: 0.098, networkRx: 0, networkTx: 0, blockRead: 0, blockWrite: 0, pids: 1, ...partial};
}

/** Resolves after `ms`, or at once when the signal aborts. */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
	await new Promise<void>(resolve => {
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		}

		signal.addEventListener('abort', done, {once: true});
	});
}

export function createFakeContainerIo(host: Host, options: {statsIntervalMs?: number} = {}) {
	const statsIntervalMs = options.statsIntervalMs ?? 1000;
	const logs = new FakeLogs();
	const stats = new Map<string, readonly StatsSample[]>();
	const processes = new Map<string, ProcessList>();
	const shells = new Map<string, readonly string[]>();
	const sessions: FakeSession[] = [];
	const documents = new Map<string, unknown>();
	const open = {stats: 0};

	function find(ref: string): ContainerSummary {
		const found = host.containers().find(container => container.id === ref || container.name === ref);
		if (!found) throw new EngineError('not-found', `No such container: ${ref}`, 404);
		return found;
	}

	/** Exec and top need a running container; exec also an unpaused one. */
	function requireRunning(container: ContainerSummary, ref: string, forExec: boolean): void {
		if (forExec && container.state === 'paused') throw new EngineError('conflict', `Container ${ref} is paused, unpause the container before exec`, 409);
		if (!live.has(container.state)) throw new EngineError('conflict', `Container ${container.id} is not running`, 409);
	}

	async function* readLogs(id: string, logOptions: Parameters<ContainerEngine['logs']>[1], signal: AbortSignal): AsyncGenerator<LogLine> {
		host.enter('logs', [id, logOptions], signal);
		const container = find(id);
		yield* logs.read(container.id, logOptions, live.has(container.state), signal);
	}

	function sampleOf(id: string, index: number): StatsSample {
		const script = stats.get(id) ?? [fakeStatsSample()];
		return {...script[Math.min(index, script.length - 1)]!, time: Date.now()};
	}

	async function* readStats(id: string, signal: AbortSignal): AsyncGenerator<StatsSample> {
		host.enter('stats', [id], signal);
		const container = find(id);
		open.stats++;
		try {
			for (let index = 0; !signal.aborted; index++) {
				yield sampleOf(container.id, index);
				await pause(statsIntervalMs, signal);
			}
		} finally {
			open.stats--;
		}
	}

	const engine: ContainerEngine = {
		logs: readLogs,
		stats: readStats,
		async statsOnce(id, signal) {
			host.enter('statsOnce', [id], signal);
			return sampleOf(find(id).id, 0);
		},
		async top(id, signal) {
			host.enter('top', [id], signal);
			const container = find(id);
			requireRunning(container, id, false);
			return processes.get(container.id) ?? {titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'], processes: [['root', '4242', '4200', '0', '12:00', '?', '00:00:00', container.command]]};
		},
		async execRun(id, command, signal) {
			host.enter('execRun', [id, command], signal);
			const container = find(id);
			requireRunning(container, id, true);
			const has = shells.get(container.id) ?? ['sh'];
			const [program = '', flag, script] = command;
			if (!has.includes(program)) {
				return {exitCode: 126, output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${sanitize(program)}": executable file not found in $PATH: unknown`};
			}

			// Just enough shell for `sh -c 'command -v bash'`.
			const lookup = flag === '-c' ? /^command -v (\S+)/.exec(script ?? '')?.[1] : undefined;
			if (lookup === undefined) return {exitCode: 0, output: ''};
			if (has.includes(lookup)) return {exitCode: 0, output: `/bin/${lookup}`};
			return {exitCode: (script ?? '').includes('|| true') ? 0 : 127, output: ''};
		},
		async execSession(id, command, size) {
			host.enter('execSession', [id, command]);
			const container = find(id);
			requireRunning(container, id, true);
			return openFakeSession(sessions, container.id, 'exec', command, size);
		},
		async attach(id, size) {
			host.enter('attach', [id]);
			return openFakeSession(sessions, find(id).id, 'attach', [], size);
		},
	};

	const controls: FakeContainerControls = {
		setLogs: (id, lines) => logs.set(id, lines),
		writeLogs: (id, lines) => logs.write(id, lines),
		setStats(id, samples) {
			stats.set(id, samples);
		},
		setProcesses(id, list) {
			processes.set(id, list);
		},
		setShells(id, list) {
			shells.set(id, list);
		},
		setDocument(id, document) {
			documents.set(id, document);
		},
		sessions,
		openStreams: () => ({logs: logs.following, stats: open.stats}),
	};

	/** Inspect with the documents a test set, falling back to the fake's own. */
	function inspectWith(fallback: ObjectEngine['inspect']): ObjectEngine['inspect'] {
		return async (kind, id, signal) => {
			const document = kind === 'containers' ? documents.get(id) : undefined;
			if (document === undefined) return fallback(kind, id, signal);
			host.enter('inspect', [kind, id], signal);
			return sanitizeDocument(document);
		};
	}

	/** Open streams end the way a vanished daemon ends them. */
	const dropStreams = (error: Error) => logs.failAll(error);

	return {engine, controls, inspectWith, dropStreams};
}
