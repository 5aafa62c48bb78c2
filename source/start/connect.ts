// From flags and environment to engines: one that answered a ping — or one line saying
// why not (the caller prints it and exits 1); or, for several hosts at once, one engine
// per host with its ping's answer or its failure (a host that is down is still part of
// the fleet: it reconnects on its own).
import {ConnectionConfigError, resolveEndpoint} from '../transport/connection.js';
import {createDockerodeEngine} from '../docker/dockerode-engine.js';
import type {Engine, EngineInfo} from '../engine/engine.js';
import {isEngineError} from '../engine/errors.js';
import {readOnlyEngine} from '../engine/read-only-engine.js';
import {hostLabel, uniqueLabels} from '../fleet/host-label.js';

export class ConnectFailure extends Error {}

export type ConnectOptions = {
	readonly host?: string;
	readonly context?: string;
	readonly readOnly: boolean;
	readonly env: NodeJS.ProcessEnv;
};

const pingTimeoutMs = 5000;

/** An engine for the endpoint the options resolve to, not yet pinged; a settings mistake is a ConnectFailure. */
function engineFor(options: ConnectOptions): Engine {
	let endpoint;
	try {
		endpoint = resolveEndpoint({host: options.host, context: options.context, env: options.env});
	} catch (error) {
		if (error instanceof ConnectionConfigError) throw new ConnectFailure(error.message);
		throw error;
	}

	const base = createDockerodeEngine(endpoint);
	return options.readOnly ? readOnlyEngine(base) : base;
}

function reasonOf(error: unknown): string {
	return isEngineError(error) ? error.message : String(error);
}

export async function connect(options: ConnectOptions): Promise<Engine> {
	const engine = engineFor(options);
	try {
		await engine.ping(AbortSignal.timeout(pingTimeoutMs));
	} catch (error) {
		engine.close();
		throw new ConnectFailure(reasonOf(error));
	}

	return engine;
}

/** What to connect to: a host URL or a context name. */
export type HostTarget = {readonly host: string} | {readonly context: string};

export type HostConnection = {
	/** Short and unique among the hosts: the HOST column's text. */
	readonly label: string;
	readonly engine: Engine;
	/** The ping's answer, or (`error`) why there was none. */
	readonly info?: EngineInfo;
	readonly error?: string;
};

/**
 * `--host` / `--context` as given (repeated, or comma-separated: `--context a,b`): the
 * targets, in order. Both at once is the CLI's error. Empty: the usual resolution.
 */
export function targetsOf(hosts: readonly string[], contexts: readonly string[]): HostTarget[] {
	// An empty value stays itself: the resolution says what is wrong with it.
	const split = (values: readonly string[]) => values.flatMap(value => (value.includes(',') ? value.split(',').map(part => part.trim()).filter(Boolean) : [value]));
	if (hosts.length > 0 && contexts.length > 0) throw new ConnectFailure('conflicting options: cannot specify both --host and --context');
	return [...split(hosts).map(host => ({host})), ...split(contexts).map(context => ({context}))];
}

/**
 * One engine per target, all pinged at once (a slow host delays nothing but its own
 * answer). Settings mistakes (an unknown context, a bad URL) fail the whole command:
 * they are the user's to fix, not a host that is down.
 */
export async function connectMany(targets: readonly HostTarget[], options: Omit<ConnectOptions, 'host' | 'context'>): Promise<HostConnection[]> {
	const engines: Engine[] = [];
	try {
		for (const target of targets) engines.push(engineFor({...options, ...target}));
	} catch (error) {
		for (const engine of engines) engine.close();
		throw error;
	}

	const labels = uniqueLabels(targets.map((target, index) => ('context' in target ? target.context : hostLabel(engines[index]!.host))));
	return Promise.all(
		engines.map(async (engine, index) => {
			const label = labels[index]!;
			try {
				return {label, engine, info: await engine.ping(AbortSignal.timeout(pingTimeoutMs))};
			} catch (error) {
				return {label, engine, error: reasonOf(error)};
			}
		}),
	);
}
