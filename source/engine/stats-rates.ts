import type {StatsSample} from './container-io.js';

export type Rates = {
	readonly networkRx: number;
	readonly networkTx: number;
	readonly blockRead: number;
	readonly blockWrite: number;
};

/** Bytes per second between two samples; undefined when they cannot be compared (a restart resets the counters). */
export function ratesBetween(previous: StatsSample, current: StatsSample): Rates | undefined {
	const seconds = (current.time - previous.time) / 1000;
	if (!(seconds > 0)) return undefined;
	const rate = (now: number, before: number) => Math.max(0, now - before) / seconds;
	return {
		networkRx: rate(current.networkRx, previous.networkRx),
		networkTx: rate(current.networkTx, previous.networkTx),
		blockRead: rate(current.blockRead, previous.blockRead),
		blockWrite: rate(current.blockWrite, previous.blockWrite),
	};
}
