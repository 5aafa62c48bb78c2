// From flags and environment to an engine that answered a ping — or one line saying
// why not (the caller prints it and exits 1).
import {ConnectionConfigError, resolveEndpoint} from './docker/connection.js';
import {createDockerodeEngine} from './docker/dockerode-engine.js';
import type {Engine} from './docker/engine.js';
import {isEngineError} from './docker/errors.js';
import {readOnlyEngine} from './docker/read-only-engine.js';

export class ConnectFailure extends Error {}

export type ConnectOptions = {
	readonly host?: string;
	readonly context?: string;
	readonly readOnly: boolean;
	readonly env: NodeJS.ProcessEnv;
};

export async function connect(options: ConnectOptions): Promise<Engine> {
	let endpoint;
	try {
		endpoint = resolveEndpoint({host: options.host, context: options.context, env: options.env});
	} catch (error) {
		if (error instanceof ConnectionConfigError) throw new ConnectFailure(error.message);
		throw error;
	}

	const base = createDockerodeEngine(endpoint);
	const engine = options.readOnly ? readOnlyEngine(base) : base;
	try {
		await engine.ping(AbortSignal.timeout(5000));
	} catch (error) {
		engine.close();
		throw new ConnectFailure(isEngineError(error) ? error.message : String(error));
	}

	return engine;
}
