import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import type {LogLine, LogOptions, LogStreamName} from '../../source/engine/container-io.js';
import type {Engine} from '../../source/engine/engine.js';
import {EngineError} from '../../source/engine/errors.js';
import {findShell} from '../../source/terminal/container-shell.js';
import {notRunningMessage} from '../helpers/daemon-words.js';
import {readUntil} from '../helpers/session-output.js';

// What the screens inside a container rely on, run against the fake and a real dockerd:
// logs (streams apart, tail, since, follow, TTY), stats, top, exec and attach.

export type WrittenLine = {readonly stream: LogStreamName; readonly text: string};

export type ContainerIoHarness = {
	readonly engine: Engine;
	/** A running container that prints `lines` (each to its stream) as it starts, then waits. */
	writer(name: string, lines: readonly WrittenLine[], options?: {tty?: boolean}): Promise<string>;
	/** The running container prints more. */
	write(id: string, lines: readonly WrittenLine[]): Promise<void>;
	/** Created, never started. */
	stopped(name: string): Promise<string>;
	/** Its main process is an interactive sh on a TTY, stdin open (docker run -dit … sh). */
	interactive(name: string): Promise<string>;
	cleanup(): Promise<void>;
};

const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function readLogs(engine: Engine, id: string, options: Omit<LogOptions, 'follow'>): Promise<LogLine[]> {
	const lines: LogLine[] = [];
	for await (const line of engine.logs(id, {follow: false, ...options}, new AbortController().signal)) lines.push(line);
	return lines;
}

/** The log once it has `count` lines: a container prints a moment after it starts. */
async function logOf(engine: Engine, id: string, count: number, options: Omit<LogOptions, 'follow'> = {tail: 'all'}): Promise<LogLine[]> {
	const deadline = Date.now() + 5000;
	for (;;) {
		const lines = await readLogs(engine, id, options);
		if (lines.length >= count || Date.now() > deadline) return lines;
		await sleep(50);
	}
}

const pairs = (lines: readonly LogLine[]) => lines.map(line => [line.stream, line.text]);

export function containerIoContract(name: string, make: (prefix: string) => Promise<ContainerIoHarness>): void {
	describe(`container io contract: ${name}`, () => {
		const prefix = `dtui-test-io-${process.pid}-`;
		let harness: ContainerIoHarness;
		let engine: Engine;
		let count = 0;
		const nextName = () => `${prefix}${++count}`;

		before(async () => {
			harness = await make(prefix);
			engine = harness.engine;
		});

		after(async () => {
			await harness.cleanup();
		});

		const written: WrittenLine[] = [
			{stream: 'stdout', text: 'out 1'},
			{stream: 'stderr', text: 'err 1'},
			{stream: 'stdout', text: 'out 2 · ünïcode'},
		];

		test('logs: stdout and stderr told apart, each in order, each line with a timestamp; tail keeps the last lines', async () => {
			const id = await harness.writer(nextName(), written);
			const lines = await logOf(engine, id, 3);
			// Two pipes: the daemon may read one before the other, so order holds within a stream, and in time.
			const of = (stream: LogStreamName, from: ReadonlyArray<{stream: LogStreamName; text: string}>) => from.filter(line => line.stream === stream).map(line => line.text);
			assert.deepEqual([of('stdout', lines), of('stderr', lines)], [of('stdout', written), of('stderr', written)]);
			for (const line of lines) assert.match(line.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
			// Each pipe is stamped as it is read: in time within a stream (not always across the two).
			const stdout = lines.filter(line => line.stream === 'stdout');
			assert.ok(stdout[0]!.order <= stdout[1]!.order, JSON.stringify(stdout));
			assert.deepEqual(pairs(await readLogs(engine, id, {tail: 1})), pairs(lines.slice(-1)));
		});

		test('logs of a TTY container: one stream, no carriage returns', async () => {
			const id = await harness.writer(nextName(), written, {tty: true});
			assert.deepEqual(pairs(await logOf(engine, id, 3)), written.map(line => ['stdout', line.text]));
		});

		test('logs since a moment leave out what came before', async () => {
			const id = await harness.writer(nextName(), [{stream: 'stdout', text: 'early'}]);
			await logOf(engine, id, 1);
			await sleep(1100);
			const since = Math.floor(Date.now() / 1000);
			await sleep(1100);
			await harness.write(id, [{stream: 'stdout', text: 'late'}]);
			assert.deepEqual(pairs(await logOf(engine, id, 1, {tail: 'all', since})), [['stdout', 'late']]);
		});

		test('follow: the backlog, then lines written later; aborting ends the stream quietly', async () => {
			const id = await harness.writer(nextName(), [{stream: 'stdout', text: 'before'}]);
			await logOf(engine, id, 1);
			const controller = new AbortController();
			const seen: string[] = [];
			const reading = (async () => {
				for await (const line of engine.logs(id, {follow: true, tail: 'all'}, controller.signal)) {
					seen.push(`${line.stream}:${line.text}`);
					if (seen.length === 3) controller.abort();
				}
			})();
			await sleep(200);
			await harness.write(id, [{stream: 'stderr', text: 'after 1'}, {stream: 'stdout', text: 'after 2'}]);
			await reading;
			// The two later lines went down two pipes: either may come first.
			assert.deepEqual([seen[0], ...seen.slice(1).sort()], ['stdout:before', 'stderr:after 1', 'stdout:after 2']);
		});

		test('stats: a stream of readings with memory, its limit and pids; the second has a CPU figure; abort ends it', async () => {
			const id = await harness.writer(nextName(), []);
			const controller = new AbortController();
			const samples = [];
			for await (const sample of engine.stats(id, controller.signal)) {
				samples.push(sample);
				if (samples.length === 2) controller.abort();
			}

			assert.equal(samples.length, 2);
			const [, second] = samples;
			assert.ok(second!.memoryUsage > 0 && second!.memoryLimit >= second!.memoryUsage, JSON.stringify(second));
			assert.ok(second!.onlineCpus >= 1 && (second!.pids ?? 0) >= 1);
			assert.equal(typeof second!.cpuPercent, 'number');
			assert.equal(typeof (await engine.statsOnce(id)).cpuPercent, 'number');
		});

		test('top: the main process with its command; a stopped container is a conflict', async () => {
			const id = await harness.writer(nextName(), []);
			const list = await engine.top(id);
			// dockerd runs `ps -ef` (CMD); Podman its own ps, which says COMMAND.
			const command = list.titles.findIndex(title => title === 'CMD' || title === 'COMMAND');
			assert.ok(list.titles.includes('PID') && command >= 0, list.titles.join(' '));
			assert.ok(list.processes.some(row => row[command]!.startsWith('sh ')), JSON.stringify(list.processes));
			const stopped = await harness.stopped(nextName());
			// dockerd refuses; Podman answers 200 with an empty body, which is no processes.
			const answer = await engine.top(stopped).catch((error: unknown) => error);
			if (answer instanceof EngineError) assert.ok(answer.kind === 'conflict' && notRunningMessage(stopped).test(answer.message), answer.message);
			else assert.deepEqual(answer, {titles: [], processes: []});
		});

		test('exec: sh is found; a TTY session runs what is typed and reports the exit code', async () => {
			const id = await harness.writer(nextName(), []);
			assert.deepEqual(await findShell(engine, id), ['sh']);
			const session = await engine.execSession(id, ['sh'], {columns: 100, rows: 30});
			const answered = readUntil(session, output => output.includes('contract-ok\r\n'));
			session.stream.write('echo contract-ok\r');
			await answered;
			session.stream.write('exit 3\r');
			assert.deepEqual(await session.ended, {exitCode: 3});
		});

		test('exec in a stopped container is a conflict in the daemon\'s words', async () => {
			const id = await harness.stopped(nextName());
			await assert.rejects(engine.execRun(id, ['sh', '-c', 'true']), (error: unknown) => error instanceof EngineError && error.kind === 'conflict' && notRunningMessage(id).test(error.message));
		});

		test('attach: the main process\'s terminal; closing it is a detach and the container keeps running', async () => {
			const id = await harness.interactive(nextName());
			const session = await engine.attach(id, {columns: 100, rows: 30});
			const answered = readUntil(session, output => output.includes('attach-ok\r\n'));
			session.stream.write('echo attach-ok\r');
			await answered;
			session.close();
			await session.ended;
			await sleep(200);
			assert.equal((await engine.listContainers()).find(container => container.id === id)?.state, 'running');
		});
	});
}
