import {useEffect, useRef, useState} from 'react';
import type {Monitor} from '../engine/monitor.js';

export type Fetched<T> = {
	readonly value?: T;
	readonly error?: string;
	readonly loading: boolean;
};

/** Events arriving within this window cause one refetch. */
const coalesceMs = 150;

/**
 * One document from the daemon for a screen (disk usage, info, a history): fetched when
 * the screen opens, again after events of `refreshOn` types or a reconnection, never
 * two at once, aborted with the screen. Nothing runs while nothing happens.
 */
export function useFetched<T>(load: (signal: AbortSignal) => Promise<T>, key: string, monitor: Monitor, refreshOn: readonly string[] = []): Fetched<T> {
	const [state, setState] = useState<Fetched<T>>({loading: true});
	const latestLoad = useRef(load);
	latestLoad.current = load;
	const refreshTypes = refreshOn.join(',');

	useEffect(() => {
		const stop = new AbortController();
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
				const value = await latestLoad.current(stop.signal);
				if (!stop.signal.aborted) setState({value, loading: false});
			} catch (error) {
				if (!stop.signal.aborted) setState(previous => ({...previous, error: error instanceof Error ? error.message : String(error), loading: false}));
			} finally {
				inFlight = false;
				if (again && !stop.signal.aborted) {
					again = false;
					void fetchNow();
				}
			}
		}

		const types = refreshTypes === '' ? [] : refreshTypes.split(',');
		const offEvent = monitor.onEvent(event => {
			if (types.includes(event.type)) timer ??= setTimeout(() => {
				timer = undefined;
				void fetchNow();
			}, coalesceMs);
		});
		const offReconnect = monitor.onReconnect(() => void fetchNow());
		void fetchNow();
		return () => {
			stop.abort();
			clearTimeout(timer);
			offEvent();
			offReconnect();
		};
	}, [key, monitor, refreshTypes]);

	return state;
}
