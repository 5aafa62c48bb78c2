// One member of a fleet as the fleet's views see it: every id (and volume name) that
// comes out carries the member's key (fleet-id.ts), and every id that goes in has it
// taken off again. An id tagged for another host is refused rather than sent here: the
// object it names is not on this daemon, whatever this daemon has under that id.
import type {ContainerSummary, Engine, EngineEvent} from '../engine/engine.js';
import {EngineError} from '../engine/errors.js';
import {deferredStream} from './deferred-stream.js';
import type {DiskUsage, ImageSummary, NetworkSummary, VolumeSummary} from '../engine/objects.js';
import {splitId, tagId} from './fleet-id.js';

export function taggedEngine(engine: Engine, key: string, label: string): Engine {
	const tag = (id: string) => (id === '' ? id : tagId(id, key));
	const local = (id: string) => {
		const split = splitId(id);
		if (split === undefined) return id;
		if (split.key !== key) throw new EngineError('bad-request', `${split.id} is not on ${label}`);
		return split.id;
	};

	const container = (item: ContainerSummary): ContainerSummary => ({
		...item,
		id: tag(item.id),
		...(item.imageId === undefined ? {} : {imageId: tag(item.imageId)}),
		...(item.networks ? {networks: item.networks.map(network => ({...network, id: tag(network.id)}))} : {}),
		...(item.volumes ? {volumes: item.volumes.map(tag)} : {}),
	});
	const image = (item: ImageSummary): ImageSummary => ({...item, id: tag(item.id), parentId: tag(item.parentId)});
	const network = (item: NetworkSummary): NetworkSummary => ({...item, id: tag(item.id)});
	const volume = (item: VolumeSummary): VolumeSummary => ({...item, name: tag(item.name)});
	const usage = (item: DiskUsage): DiskUsage => ({
		...item,
		images: item.images.map(image),
		containers: item.containers.map(one => ({...one, id: tag(one.id)})),
		volumes: item.volumes.map(volume),
	});
	const event = (item: EngineEvent): EngineEvent => ({...item, id: tag(item.id)});

	async function* events(signal: AbortSignal, since?: number): AsyncGenerator<EngineEvent> {
		for await (const item of engine.events(signal, since)) yield event(item);
	}

	return {
		host: engine.host,
		ping: async signal => engine.ping(signal),
		listContainers: async (...args) => (await engine.listContainers(...args)).map(container),
		containerAction: async (id, action, signal) => engine.containerAction(local(id), action, signal),
		remove: async (kind, id, options, signal) => engine.remove(kind, local(id), options, signal),
		events,
		close: () => engine.close(),
		listImages: async (...args) => (await engine.listImages(...args)).map(image),
		listNetworks: async (...args) => (await engine.listNetworks(...args)).map(network),
		listVolumes: async (...args) => (await engine.listVolumes(...args)).map(volume),
		diskUsage: async signal => usage(await engine.diskUsage(signal)),
		info: async signal => engine.info(signal),
		inspect: async (kind, id, signal) => engine.inspect(kind, local(id), signal),
		imageHistory: async (id, signal) => engine.imageHistory(local(id), signal),
		prune: async (kind, options, signal) => engine.prune(kind, options, signal),
		logs: deferredStream((id, options, signal) => engine.logs(local(id), options, signal)),
		stats: deferredStream((id, signal) => engine.stats(local(id), signal)),
		statsOnce: async (id, signal) => engine.statsOnce(local(id), signal),
		top: async (id, signal) => engine.top(local(id), signal),
		execRun: async (id, command, signal) => engine.execRun(local(id), command, signal),
		execSession: async (id, command, size) => engine.execSession(local(id), command, size),
		attach: async (id, size) => engine.attach(local(id), size),
		pullImage: deferredStream((reference, credentials, signal) => engine.pullImage(local(reference), credentials, signal)),
		pushImage: deferredStream((reference, credentials, signal) => engine.pushImage(local(reference), credentials, signal)),
		tagImage: async (source, target, signal) => engine.tagImage(local(source), local(target), signal),
	};
}
