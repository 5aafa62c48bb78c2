import {useEffect, useState} from 'react';
import type {StatsSample} from '../engine/container-io.js';
import type {Engine} from '../engine/engine.js';
import type {Monitor} from '../engine/monitor.js';
import {ratesBetween, type Rates} from '../engine/stats-rates.js';

export type StatsView = {
	readonly latest?: StatsSample;
	/** Per second, between the last two samples. */
	readonly rates?: Rates;
	/** The last minute, oldest first (one sample a second). */
	readonly cpu: readonly number[];
	readonly memory: readonly number[];
	readonly error?: string;
	/** The daemon stopped sending (the container stopped). */
	readonly ended: boolean;
};

const historyLength = 60;
const empty: StatsView = {cpu: [], memory: [], ended: false};

/**
 * A container's live stats: one stream, open only while the component using it is
 * mounted. When the daemon drops, the error says so and the figures stay; after the
 * monitor reconnects, the stream reopens and the history goes on.
 */
export function useStats(engine: Engine, id: string, monitor?: Monitor): StatsView {
	const [view, setView] = useState<StatsView>(empty);
	const [attempt, setAttempt] = useState(0);

	useEffect(() => monitor?.onReconnect(() => setAttempt(count => count + 1)), [monitor]);
	useEffect(() => setView(empty), [engine, id]);

	useEffect(() => {
		const stop = new AbortController();
		void (async () => {
			try {
				for await (const sample of engine.stats(id, stop.signal)) {
					setView(previous => {
						const rates = previous.latest ? ratesBetween(previous.latest, sample) : undefined;
						return {
							latest: sample,
							...(rates ? {rates} : previous.rates ? {rates: previous.rates} : {}),
							cpu: [...previous.cpu, sample.cpuPercent ?? 0].slice(-historyLength),
							memory: [...previous.memory, sample.memoryUsage].slice(-historyLength),
							ended: false,
						};
					});
				}

				if (!stop.signal.aborted) setView(previous => ({...previous, ended: true}));
			} catch (error) {
				if (!stop.signal.aborted) setView(previous => ({...previous, error: error instanceof Error ? error.message : String(error)}));
			}
		})();
		return () => stop.abort();
	}, [engine, id, attempt]);

	return view;
}
