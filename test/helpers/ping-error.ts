import assert from 'node:assert/strict';
import {resolveEndpoint, type ResolveOptions} from '../../source/transport/connection.js';
import {createDockerodeEngine} from '../../source/docker/dockerode-engine.js';
import {EngineError} from '../../source/engine/errors.js';

/** What ping() on this host rejects with: real sockets, real errno, real handshakes. */
export async function pingError(host: string, env: ResolveOptions['env'] = {}): Promise<EngineError> {
	const engine = createDockerodeEngine(resolveEndpoint({host, env}));
	try {
		await engine.ping();
	} catch (error) {
		assert.ok(error instanceof EngineError, String(error));
		return error;
	} finally {
		engine.close();
	}

	throw new Error(`ping of ${host} succeeded`);
}
