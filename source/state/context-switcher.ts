import type {ContextSummary} from '../engine/context-summary.js';

/** What `:ctx` needs from whoever owns the connection: the contexts, and a live switch. */
export type ContextSwitcher = {
	/** `docker context ls` as data; the one in use is marked current. */
	list(): ContextSummary[];
	/** Connects to the context and, only if that worked, replaces the dashboard's daemon. Rejects with one line. */
	switchTo(name: string): Promise<void>;
};
