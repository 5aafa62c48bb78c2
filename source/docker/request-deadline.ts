// A request's abort signal, made of the caller's signal, the engine's own (close()) and a
// timer, so that afterwards we can tell "someone cancelled" (no error) from "the daemon
// took too long" (a timeout) from a real failure. Hand-rolled rather than
// AbortSignal.any(): listeners are removed when the request settles, so a long-lived
// caller signal does not collect one per request.

import {describeConnectError} from '../transport/describe-error.js';
import {EngineError} from '../engine/errors.js';

import type Docker from 'dockerode';

/** What the parts of the dockerode engine share: the client, the name for error lines, the engine's end, the deadline. */
export type RequestContext = {
	readonly docker: Docker;
	readonly label: string;
	/** Aborts when the engine closes. */
	readonly closing: AbortSignal;
	readonly requestTimeoutMs: number;
};

/** A caller's own deadline (AbortSignal.timeout, or any() of one) aborts with a TimeoutError. */
function abortedByTimeout(signal: AbortSignal | undefined): boolean {
	return signal?.aborted === true && (signal.reason as {name?: unknown} | undefined)?.name === 'TimeoutError';
}

/** One request's signal: the caller's, the engine's close(), and a timer, told apart afterwards. */
export class Deadline {
	readonly controller = new AbortController();
	private ownTimeout = false;
	private timer: NodeJS.Timeout | undefined;
	private readonly onAbort = () => {
		this.controller.abort();
	};

	private readonly sources: ReadonlyArray<AbortSignal | undefined>;

	constructor(sources: ReadonlyArray<AbortSignal | undefined>, timeoutMs: number) {
		this.sources = sources;
		for (const source of sources) {
			if (source?.aborted) this.controller.abort();
			else source?.addEventListener('abort', this.onAbort, {once: true});
		}

		this.timer = setTimeout(() => {
			this.ownTimeout = true;
			this.controller.abort();
		}, timeoutMs);
	}

	/** The daemon took too long: for this deadline, or for the caller's own (the heartbeat's 2 s ping). */
	get timedOut(): boolean {
		return this.ownTimeout || this.sources.some(source => abortedByTimeout(source));
	}

	get signal(): AbortSignal {
		return this.controller.signal;
	}

	/** Whether someone (the caller or close()) meant to stop: such an end is no error. A caller's timeout is not that. */
	get cancelled(): boolean {
		return this.sources.some(source => source?.aborted === true && !abortedByTimeout(source));
	}

	/** A stream that has answered gets no deadline: it may be idle for hours. */
	clearTimer(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
	}

	dispose(): void {
		this.clearTimer();
		for (const source of this.sources) source?.removeEventListener('abort', this.onAbort);
	}
}

/** Why a request under `deadline` failed: cancelled on purpose, the daemon too slow (for us or the caller), or what it said. */
export function failureOf(deadline: Deadline, error: unknown, label: string): EngineError {
	if (deadline.cancelled) return new EngineError('aborted', 'request aborted');
	if (deadline.timedOut) return new EngineError('timeout', `the Docker daemon at ${label} is not responding`);
	return describeConnectError(error, label);
}

/** Runs one request under a deadline of `sources` and `timeoutMs`; a failure becomes one EngineError naming `label`. */
export async function underDeadline<T>(sources: ReadonlyArray<AbortSignal | undefined>, timeoutMs: number, label: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
	const deadline = new Deadline(sources, timeoutMs);
	try {
		return await run(deadline.signal);
	} catch (error) {
		throw failureOf(deadline, error, label);
	} finally {
		deadline.dispose();
	}
}
