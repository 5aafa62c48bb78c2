import {useEffect, useState} from 'react';
import type {Engine} from '../docker/engine.js';
import type {Monitor} from '../docker/monitor.js';
import {isEngineError} from '../docker/errors.js';
import type {ResourceDescriptor} from '../views/resource-descriptor.js';

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
	readonly requestTimeoutMs?: number;
};

/**
 * A descriptor's list, fetched once, then again only when an event of its kind
 * arrives (coalesced), after a reconnection, or on the slow poll. Never two
 * requests at once: a change during a fetch schedules exactly one more.
 */
export function useResourceList<T>(descriptor: ResourceDescriptor<T>, engine: Engine, monitor: Monitor, options: RefreshOptions = {}): ResourceList<T> {
	const [state, setState] = useState<ResourceList<T>>({items: [], loaded: false});
	const {coalesceMs = 100, pollMs = 30_000, requestTimeoutMs = 10_000} = options;

	useEffect(() => {
		const unmounted = new AbortController();
		let inFlight = false;
		let again = false;
		let timer: NodeJS.Timeout | undefined;

		async function fetchNow() {
			if (inFlight) {
				again = true;
				return;
			}

			inFlight = true;
			try {
				const items = await descriptor.list(engine, AbortSignal.any([unmounted.signal, AbortSignal.timeout(requestTimeoutMs)]));
				if (!unmounted.signal.aborted) setState({items: [...items].sort(descriptor.sort), loaded: true});
			} catch (error) {
				if (!unmounted.signal.aborted) {
					const message = isEngineError(error) || error instanceof Error ? error.message : String(error);
					setState(previous => (previous.error === message ? previous : {...previous, error: message}));
				}
			} finally {
				inFlight = false;
				if (again && !unmounted.signal.aborted) {
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
		}

		void fetchNow();
		const offEvent = monitor.onEvent(event => {
			if (descriptor.refreshOn.includes(event.type)) schedule();
		});
		const offReconnect = monitor.onReconnect(() => void fetchNow());
		const poll = setInterval(() => {
			if (monitor.status().state === 'connected') void fetchNow();
		}, pollMs);
		return () => {
			unmounted.abort();
			offEvent();
			offReconnect();
			clearInterval(poll);
			clearTimeout(timer);
		};
	}, [descriptor, engine, monitor, coalesceMs, pollMs, requestTimeoutMs]);

	return state;
}
