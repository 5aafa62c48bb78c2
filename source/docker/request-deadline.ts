// A request's abort signal, made of the caller's signal, the engine's own (close()) and a
// timer, so that afterwards we can tell "someone cancelled" (no error) from "the daemon
// took too long" (a timeout) from a real failure. Hand-rolled rather than
// AbortSignal.any(): listeners are removed when the request settles, so a long-lived
// caller signal does not collect one per request.

/** One request's signal: the caller's, the engine's close(), and a timer, told apart afterwards. */
export class Deadline {
	readonly controller = new AbortController();
	timedOut = false;
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
			this.timedOut = true;
			this.controller.abort();
		}, timeoutMs);
	}

	get signal(): AbortSignal {
		return this.controller.signal;
	}

	/** Whether someone (the caller or close()) meant to stop: such an end is no error. */
	get cancelled(): boolean {
		return this.sources.some(source => source?.aborted === true);
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
