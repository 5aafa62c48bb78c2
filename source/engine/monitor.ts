// Keeps one connection to a daemon honest: one events subscription shared by every
// view, a heartbeat ping under a short timeout (a hung daemon is silent, not closed:
// only a ping that times out finds it), and reconnection with backoff. Listeners
// hear of events, of status changes and of reconnections (then everything refetches).
import type {Engine, EngineEvent, EngineInfo} from './engine.js';
import {isEngineError} from './errors.js';

export type ConnectionStatus =
	| {readonly state: 'connecting'}
	| {readonly state: 'connected'; readonly info: EngineInfo}
	| {readonly state: 'disconnected'; readonly info?: EngineInfo; readonly reason: string};

export type MonitorOptions = {
	readonly pingIntervalMs?: number;
	readonly pingTimeoutMs?: number;
	/** Waits between reconnection attempts; the last one repeats. */
	readonly backoffMs?: readonly number[];
	/** What a ping made just before answered: start connected, not "connecting…" (the first ping still runs at once). */
	readonly connected?: EngineInfo;
};

export type Monitor = {
	status(): ConnectionStatus;
	onStatus(listener: () => void): () => void;
	onEvent(listener: (event: EngineEvent) => void): () => void;
	onReconnect(listener: () => void): () => void;
	stop(): void;
};

function eventKey(event: EngineEvent): string {
	return JSON.stringify([event.type, event.action, event.detail ?? '', event.id, event.attributes]);
}

function reasonOf(error: unknown): string {
	if (isEngineError(error)) return error.message;
	return error instanceof Error ? error.message : String(error);
}

async function sleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise(resolve => {
		const timer = setTimeout(done, ms);
		signal.addEventListener('abort', done, {once: true});
		function done() {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		}
	});
}

export function createMonitor(engine: Engine, options: MonitorOptions = {}): Monitor {
	const pingIntervalMs = options.pingIntervalMs ?? 3000;
	const pingTimeoutMs = options.pingTimeoutMs ?? 2000;
	// At most a second between attempts: a daemon that comes back is in use again
	// within ~1 s (a failed ping to a stopped daemon costs nothing: the socket is gone).
	const backoffMs = options.backoffMs ?? [250, 500, 1000];
	const stopper = new AbortController();
	const statusListeners = new Set<() => void>();
	const eventListeners = new Set<(event: EngineEvent) => void>();
	const reconnectListeners = new Set<() => void>();
	let current: ConnectionStatus = options.connected ? {state: 'connected', info: options.connected} : {state: 'connecting'};
	let lastEventTime: number | undefined;
	/** How many times each event of the second `lastEventTime` was heard. */
	const seenInLastSecond = new Map<string, number>();

	function setStatus(next: ConnectionStatus) {
		current = next;
		for (const listener of statusListeners) listener();
	}

	// A timer held here, not AbortSignal.any([…, AbortSignal.timeout()]): in Node 20 that
	// composite holds the timeout signal weakly, and after a garbage collection it never
	// fired (seen: a hung daemon noticed after the engine's own 3 s instead of 2).
	async function ping(): Promise<EngineInfo> {
		const deadline = new AbortController();
		const timer = setTimeout(() => deadline.abort(new DOMException(`no answer within ${pingTimeoutMs} ms`, 'TimeoutError')), pingTimeoutMs);
		const stop = () => deadline.abort();
		stopper.signal.addEventListener('abort', stop, {once: true});
		try {
			return await engine.ping(deadline.signal);
		} finally {
			clearTimeout(timer);
			stopper.signal.removeEventListener('abort', stop);
		}
	}

	/** Resolves with why the event stream stopped. */
	async function pumpEvents(signal: AbortSignal): Promise<string> {
		// `since` is whole seconds and inclusive: a resumed stream first replays that second,
		// whose events were already heard. Each is skipped once (the same event twice in a
		// second, say two `top`s, stays twice).
		const replayed = new Map(seenInLastSecond);
		try {
			for await (const event of engine.events(signal, lastEventTime)) {
				const key = eventKey(event);
				const pending = event.time === lastEventTime ? (replayed.get(key) ?? 0) : 0;
				if (pending > 0) {
					replayed.set(key, pending - 1);
					continue;
				}

				if (event.time !== lastEventTime) seenInLastSecond.clear();
				lastEventTime = event.time;
				seenInLastSecond.set(key, (seenInLastSecond.get(key) ?? 0) + 1);
				for (const listener of eventListeners) listener(event);
			}

			return 'the event stream ended';
		} catch (error) {
			return reasonOf(error);
		}
	}

	/** Resolves when a ping fails: the only way to notice a daemon that hangs. */
	async function heartbeat(signal: AbortSignal): Promise<string> {
		while (!signal.aborted) {
			await sleep(pingIntervalMs, signal);
			if (signal.aborted) break;
			try {
				await ping();
			} catch (error) {
				return reasonOf(error);
			}
		}

		return 'stopped';
	}

	async function run() {
		let attempt = 0;
		let connectedBefore = false;
		let info: EngineInfo | undefined;
		while (!stopper.signal.aborted) {
			try {
				info = await ping();
			} catch (error) {
				if (stopper.signal.aborted) break;
				setStatus({state: 'disconnected', info, reason: reasonOf(error)});
				await sleep(backoffMs[Math.min(attempt++, backoffMs.length - 1)] ?? 1000, stopper.signal);
				continue;
			}

			attempt = 0;
			setStatus({state: 'connected', info});
			if (connectedBefore) for (const listener of reconnectListeners) listener();
			connectedBefore = true;
			const session = new AbortController();
			const stopSession = () => session.abort();
			stopper.signal.addEventListener('abort', stopSession, {once: true});
			const reason = await Promise.race([pumpEvents(session.signal), heartbeat(session.signal)]);
			session.abort();
			stopper.signal.removeEventListener('abort', stopSession);
			if (stopper.signal.aborted) break;
			setStatus({state: 'disconnected', info, reason});
			// A stream that drops while pings still work must not become a busy loop.
			await sleep(backoffMs[0] ?? 250, stopper.signal);
		}
	}

	void run();

	function subscribe<T>(set: Set<T>, listener: T): () => void {
		set.add(listener);
		return () => set.delete(listener);
	}

	return {
		status: () => current,
		onStatus: listener => subscribe(statusListeners, listener),
		onEvent: listener => subscribe(eventListeners, listener),
		onReconnect: listener => subscribe(reconnectListeners, listener),
		stop: () => stopper.abort(),
	};
}
