import type {Engine} from './engine.js';
import {EngineError} from './errors.js';

/**
 * --read-only at the seam: even if a key slipped through, no mutating request can
 * leave the process. The keymap hides the commands; this makes hiding a promise.
 */
export function readOnlyEngine(engine: Engine): Engine {
	const refuse = async (): Promise<never> => {
		throw new EngineError('denied', 'read-only mode: nothing was changed');
	};

	return {
		host: engine.host,
		ping: async signal => engine.ping(signal),
		listContainers: async signal => engine.listContainers(signal),
		events: (signal, since) => engine.events(signal, since),
		close: () => engine.close(),
		containerAction: refuse,
		remove: refuse,
	};
}
