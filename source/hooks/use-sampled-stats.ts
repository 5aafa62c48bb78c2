import {useEffect, useRef, useState} from 'react';
import type {StatsSample} from '../engine/container-io.js';
import type {Engine} from '../engine/engine.js';

/** Off-screen containers sampled per round, so the sort finds a busy one that is not shown yet. */
const sweepPerRound = 4;

/**
 * Stats for a list of containers without one stream per container (each costs the
 * daemon ~0.35 % of a core): every round takes one sample of each row on screen, plus
 * a few others in turn, in parallel; the next round starts `intervalMs` after the last
 * answer. `shown()` is read at the start of each round.
 */
export function useSampledStats(engine: Engine, shown: () => readonly string[], all: readonly string[], intervalMs: number): ReadonlyMap<string, StatsSample> {
	const [samples, setSamples] = useState<ReadonlyMap<string, StatsSample>>(new Map());
	const latestShown = useRef(shown);
	latestShown.current = shown;
	const everyone = useRef(all);
	everyone.current = all;

	useEffect(() => {
		const stop = new AbortController();
		let timer: NodeJS.Timeout | undefined;
		let sweep = 0;

		async function round() {
			const visible = latestShown.current();
			const others = everyone.current.filter(id => !visible.includes(id));
			const extra = others.length === 0 ? [] : Array.from({length: Math.min(sweepPerRound, others.length)}, (_, index) => others[(sweep + index) % others.length]!);
			sweep += extra.length;
			await Promise.all(
				[...visible, ...extra].map(async id => {
					try {
						const sample = await engine.statsOnce(id, stop.signal);
						if (!stop.signal.aborted) setSamples(previous => new Map(previous).set(id, sample));
					} catch {
						// A container that stopped meanwhile just keeps its last figures.
					}
				}),
			);
			// Nothing on screen yet (the list is loading): look again soon.
			if (!stop.signal.aborted) timer = setTimeout(() => void round(), visible.length === 0 ? Math.min(intervalMs, 200) : intervalMs);
		}

		void round();
		return () => {
			stop.abort();
			clearTimeout(timer);
		};
	}, [engine, intervalMs]);

	return samples;
}
