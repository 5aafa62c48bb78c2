/** A docker context as `docker context ls` shows it (listed by transport/context-list.ts). */
export type ContextSummary = {
	readonly name: string;
	readonly description: string;
	/** unix://…, tcp://…, ssh://… as configured; empty when unreadable. */
	readonly endpoint: string;
	/** The one resolveEndpoint() picks with these options. */
	readonly current: boolean;
	/** Why this context cannot be used (malformed meta.json…), if it cannot. */
	readonly error?: string;
};
