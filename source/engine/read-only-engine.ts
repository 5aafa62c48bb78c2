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
	const refuseStream = (): AsyncIterable<never> => ({[Symbol.asyncIterator]: () => ({next: refuse})});

	return {
		host: engine.host,
		ping: async signal => engine.ping(signal),
		listContainers: async (signal, query) => engine.listContainers(signal, query),
		events: (signal, since) => engine.events(signal, since),
		close: () => engine.close(),
		containerAction: refuse,
		remove: refuse,
		listImages: async (signal, query) => engine.listImages(signal, query),
		listNetworks: async (signal, query) => engine.listNetworks(signal, query),
		listVolumes: async (signal, query) => engine.listVolumes(signal, query),
		diskUsage: async signal => engine.diskUsage(signal),
		info: async signal => engine.info(signal),
		inspect: async (kind, id, signal) => engine.inspect(kind, id, signal),
		imageHistory: async (id, signal) => engine.imageHistory(id, signal),
		prune: refuse,
		logs: (id, options, signal) => engine.logs(id, options, signal),
		stats: (id, signal) => engine.stats(id, signal),
		statsOnce: async (id, signal) => engine.statsOnce(id, signal),
		top: async (id, signal) => engine.top(id, signal),
		// Running a command in a container, or typing into its main process, can change anything.
		execRun: refuse,
		execSession: refuse,
		attach: refuse,
		// A pull adds an image, a push changes a registry, a tag renames.
		pullImage: refuseStream,
		pushImage: refuseStream,
		tagImage: refuse,
	};
}
