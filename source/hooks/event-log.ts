// The daemon's events as dtui has seen them since it started: a bounded history fed by
// the monitor's one events subscription (no second stream), so `:events` opens with
// what already happened. Idle costs nothing: it only moves when an event comes.
import type {Engine, EngineEvent} from '../engine/engine.js';
import type {Monitor} from '../engine/monitor.js';

export type LoggedEvent = {
	/** Arrival order: unique, so it is the row's id. */
	readonly seq: number;
	readonly event: EngineEvent;
};

export type EventLog = {
	/** Oldest first. */
	snapshot(): readonly LoggedEvent[];
	add(event: EngineEvent): void;
};

export const maxEvents = 5000;

function createEventLog(): EventLog {
	let entries: LoggedEvent[] = [];
	let seq = 0;
	return {
		snapshot: () => entries.slice(),
		add(event) {
			entries.push({seq: ++seq, event});
			// Trimmed in chunks, not one shift per event.
			if (entries.length > maxEvents * 1.1) entries = entries.slice(-maxEvents);
		},
	};
}

const logs = new WeakMap<Engine, EventLog>();

/** The history of this engine's events (one per engine, shared by every view). */
export function eventLog(engine: Engine): EventLog {
	let log = logs.get(engine);
	if (!log) {
		log = createEventLog();
		logs.set(engine, log);
	}

	return log;
}

/** Starts keeping the history; returns how to stop. The app calls it once, at start. */
export function recordEvents(engine: Engine, monitor: Monitor): () => void {
	const log = eventLog(engine);
	return monitor.onEvent(event => log.add(event));
}
