// The fake daemon's container logs: what each container wrote, stamped like the
// daemon stamps it, read back with tail / since / follow as the Engine API does.
import {sanitize} from '../../source/text/sanitize.js';
import type {LogLine, LogOptions, LogStreamName} from '../../source/engine/container-io.js';
import {timeOrder} from '../../source/docker/log-decoder.js';

export type FakeLogLine = {readonly stream?: LogStreamName; readonly text: string; readonly time?: string};

let clock = 0;

/** Now, as the daemon stamps a line: distinct and increasing even for lines written in the same millisecond. */
function nextTime(): string {
	clock = Math.max(Date.now(), clock + 1);
	return new Date(clock).toISOString();
}

function toLine(line: FakeLogLine): LogLine {
	const time = line.time ?? nextTime();
	return {stream: line.stream ?? 'stdout', text: sanitize(line.text), time, order: timeOrder(time)};
}

export class FakeLogs {
	/** Follows open now. */
	following = 0;
	private readonly lines = new Map<string, LogLine[]>();
	private readonly followers = new Map<string, Set<(lines: LogLine[]) => void>>();
	private readonly breakers = new Set<(error: Error) => void>();

	/** The daemon went away: every open follow throws, as a real one would. */
	failAll(error: Error): void {
		for (const fail of this.breakers) fail(error);
	}

	set(id: string, lines: readonly FakeLogLine[]): void {
		this.lines.set(id, lines.map(line => toLine(line)));
	}

	write(id: string, lines: readonly FakeLogLine[]): void {
		const converted = lines.map(line => toLine(line));
		this.lines.set(id, [...(this.lines.get(id) ?? []), ...converted]);
		for (const listener of this.followers.get(id) ?? []) listener(converted);
	}

	/** The backlog; then, following a running container, every line it writes until the signal aborts. */
	async *read(id: string, options: LogOptions, running: boolean, signal: AbortSignal): AsyncGenerator<LogLine> {
		const since = options.since === undefined ? undefined : options.since * 1000;
		const all = (this.lines.get(id) ?? []).filter(line => since === undefined || line.order >= since);
		const backlog = options.tail === 'all' ? all : options.tail === 0 ? [] : all.slice(-options.tail);
		if (!options.follow || !running) {
			yield* backlog;
			return;
		}

		this.following++;
		const queue: LogLine[] = [...backlog];
		let wake: (() => void) | undefined;
		const listener = (lines: LogLine[]) => {
			queue.push(...lines);
			wake?.();
		};

		let failure: Error | undefined;
		const breaker = (error: Error) => {
			failure = error;
			wake?.();
		};

		this.breakers.add(breaker);
		const onAbort = () => wake?.();
		const set = this.followers.get(id) ?? new Set();
		this.followers.set(id, set);
		set.add(listener);
		signal.addEventListener('abort', onAbort);
		try {
			while (!signal.aborted) {
				if (failure) throw failure;
				const batch = queue.splice(0);
				if (batch.length > 0) {
					yield* batch;
					continue;
				}

				await new Promise<void>(resolve => {
					wake = resolve;
				});
				wake = undefined;
			}
		} finally {
			this.following--;
			this.breakers.delete(breaker);
			set.delete(listener);
			signal.removeEventListener('abort', onAbort);
		}
	}
}
