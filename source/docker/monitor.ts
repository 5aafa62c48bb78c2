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
};

export type Monitor = {
	status(): ConnectionStatus;
	onStatus(listener: () => void): () => void;
	onEvent(listener: (event: EngineEvent) => void): () => void;
	onReconnect(listener: () => void): () => void;
	stop(): void;
};

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
	const backoffMs = options.backoffMs ?? [250, 500, 1000, 2000];
	const stopper = new AbortController();
	const statusListeners = new Set<() => void>();
	const eventListeners = new Set<(event: EngineEvent) => void>();
	const reconnectListeners = new Set<() => void>();
	let current: ConnectionStatus = {state: 'connecting'};
	let lastEventTime: number | undefined;

	function setStatus(next: ConnectionStatus) {
		current = next;
		for (const listener of statusListeners) listener();
	}

	async function ping(): Promise<EngineInfo> {
		return engine.ping(AbortSignal.any([stopper.signal, AbortSignal.timeout(pingTimeoutMs)]));
	}

	/** Resolves with why the event stream stopped. */
	async function pumpEvents(signal: AbortSignal): Promise<string> {
		try {
			for await (const event of engine.events(signal, lastEventTime)) {
				lastEventTime = event.time;
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
