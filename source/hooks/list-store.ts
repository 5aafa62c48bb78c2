// One live list per (engine, resource), shared by everything that shows it (the
// table, the header's counts): fetched once, then again only when an event of its
// kind arrives (coalesced), after a reconnection, or on the slow poll. Never two
// requests at once: a change during a fetch schedules exactly one more. It runs
// while anyone subscribes and stops with the last one.
//
// The daemon publishes an event before its list shows the change (dockerd's list reads
// a snapshot updated a moment later: a killed or stopped container can still be listed
// as running just after its last event). So a burst of events is also followed by one
// more fetch once it has been quiet for `settleMs`: nothing is published if nothing changed.
import type {Engine} from '../engine/engine.js';
import type {Monitor} from '../engine/monitor.js';
import type {ResourceDescriptor} from '../state/resource-descriptor.js';
import {listened} from './listened.js';

export type ResourceList<T> = {
	readonly items: readonly T[];
	readonly loaded: boolean;
	readonly error?: string;
};

export type RefreshOptions = {
	/** Events arriving within this window cause one refetch, not one each. */
	readonly coalesceMs?: number;
	/** The slow safety poll that keeps "Up 3 minutes" honest. */
	readonly pollMs?: number;
	/** Quiet after the last event before the fetch that catches what the daemon listed late. */
	readonly settleMs?: number;
	readonly requestTimeoutMs?: number;
};

export type ListStore<T> = {
	subscribe(listener: () => void): () => void;
	snapshot(): ResourceList<T>;
	/** Fetch now (after an action, say), still never two at once. */
	refresh(): void;
	/** Items fetched before anyone subscribed (the first frame's): shown until the first fetch answers. */
	prime(items: readonly T[]): void;
};

/** Same items in the same order, field for field (they are plain data from map.ts). */
function sameItems<T>(before: readonly T[], after: readonly T[]): boolean {
	return before.length === after.length && before.every((item, index) => JSON.stringify(item) === JSON.stringify(after[index]));
}

/** One engine's live list of one resource; `listStore` (shared-list-store.ts) shares them. */
export function createListStore<T>(descriptor: ResourceDescriptor<T>, engine: Engine, monitor: Monitor, options: RefreshOptions): ListStore<T> {
	const {coalesceMs = 100, pollMs = 30_000, settleMs = 1000, requestTimeoutMs = 10_000} = options;
	let state: ResourceList<T> = {items: [], loaded: false};
	let stop: AbortController | undefined;
	let inFlight = false;
	let again = false;
	let timer: NodeJS.Timeout | undefined;
	let settle: NodeJS.Timeout | undefined;

	const subscription = listened(start);

	function publish(next: ResourceList<T>) {
		state = next;
		subscription.notify();
	}

	async function fetchNow() {
		const running = stop;
		if (!running) return;
		if (inFlight) {
			again = true;
			return;
		}

		inFlight = true;
		try {
			const items = await descriptor.list(engine, AbortSignal.any([running.signal, AbortSignal.timeout(requestTimeoutMs)]));
			const sorted = [...items].sort(descriptor.sort);
			// A poll (or an event) that changed nothing redraws nothing: no render, no frame.
			if (!running.signal.aborted && !(state.loaded && state.error === undefined && sameItems(state.items, sorted))) publish({items: sorted, loaded: true});
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			if (!running.signal.aborted && state.error !== message) publish({...state, error: message});
		} finally {
			inFlight = false;
			if (again && !running.signal.aborted) {
				again = false;
				void fetchNow();
			}
		}
	}

	function schedule() {
		timer ??= setTimeout(() => {
			timer = undefined;
			void fetchNow();
		}, coalesceMs);
		clearTimeout(settle);
		settle = setTimeout(() => {
			settle = undefined;
			void fetchNow();
		}, settleMs);
	}

	function start(): () => void {
		stop = new AbortController();
		const offEvent = monitor.onEvent(event => {
			// '*': every event (the events list itself).
			if (descriptor.quietActions?.includes(event.action)) return;
			if (descriptor.refreshOn.includes(event.type) || descriptor.refreshOn.includes('*')) schedule();
		});
		const offReconnect = monitor.onReconnect(() => void fetchNow());
		const poll = setInterval(() => {
			if (monitor.status().state === 'connected') void fetchNow();
		}, pollMs);
		stop.signal.addEventListener('abort', () => {
			offEvent();
			offReconnect();
			clearInterval(poll);
			clearTimeout(timer);
			timer = undefined;
			clearTimeout(settle);
			settle = undefined;
		});
		void fetchNow();
		return () => {
			stop?.abort();
			stop = undefined;
			inFlight = false;
			again = false;
		};
	}

	return {
		subscribe: subscription.subscribe,
		snapshot: () => state,
		prime(items) {
			if (!state.loaded) state = {items: [...items].sort(descriptor.sort), loaded: true};
		},
		refresh: () => void fetchNow(),
	};
}
