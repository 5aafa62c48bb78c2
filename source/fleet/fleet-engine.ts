// The engine a fleet's views talk to: whatever names an object (an id, a tagged
// reference) goes to the member that listed it and nowhere else; lists ask every
// member. The dashboard's lists do not come through here (each member's list store
// fetches on its own, hooks/merged-list-store.ts): these serve everything else.
import type {ContainerEngine} from '../engine/container-io.js';
import type {Engine, EngineEvent, EngineInfo} from '../engine/engine.js';
import {EngineError} from '../engine/errors.js';
import {deferredStream} from './deferred-stream.js';
import type {DiskUsage, PruneResult, UsageTotals} from '../engine/objects.js';
import {plainId} from './fleet-id.js';
import {createFleetIndex, registerFleet, type FleetMember} from './fleet.js';

/** Every member's answer, each named by its host when one fails. */
async function everyMember<T>(members: readonly FleetMember[], ask: (member: FleetMember) => Promise<T>): Promise<T[]> {
	return Promise.all(
		members.map(async member =>
			ask(member).catch((error: unknown) => {
				const message = error instanceof Error ? error.message : String(error);
				throw new EngineError(error instanceof EngineError ? error.kind : 'server', `${member.label}: ${message}`);
			}),
		),
	);
}

const usageKinds = ['images', 'containers', 'volumes', 'buildCache'] as const;

/**
 * The daemons' own disk-usage figures, added up per type where every member gave them;
 * where one did not (an older daemon), the type has none and the view computes the whole
 * fleet's from the items, as it does for one such daemon.
 */
function addedTotals(all: readonly DiskUsage[]): DiskUsage['totals'] {
	const entries = usageKinds.flatMap(kind => {
		const figures = all.map(usage => usage.totals?.[kind]);
		if (figures.length === 0 || !figures.every(one => one !== undefined)) return [];
		const sum = (key: keyof UsageTotals) => figures.reduce((total, one) => total + one[key], 0);
		return [[kind, {total: sum('total'), active: sum('active'), size: sum('size'), reclaimable: sum('reclaimable')}] as const];
	});
	return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** Members' event streams as one: it fails when any of them does, and ends when all have. */
async function* mergedEvents(members: readonly FleetMember[], signal: AbortSignal, since?: number): AsyncGenerator<EngineEvent> {
	const queue: EngineEvent[] = [];
	let failure: unknown;
	let wake: (() => void) | undefined;
	let open = members.length;
	const stop = new AbortController();
	const both = AbortSignal.any([signal, stop.signal]);
	// One listener for the whole stream, not one per wait.
	const aborted = new Promise<void>(resolve => signal.addEventListener('abort', () => resolve(), {once: true}));
	for (const member of members) {
		void (async () => {
			try {
				for await (const event of member.engine.events(both, since)) {
					queue.push(event);
					wake?.();
				}
			} catch (error) {
				failure ??= error;
			} finally {
				open--;
				wake?.();
			}
		})();
	}

	try {
		while (!signal.aborted) {
			const event = queue.shift();
			if (event) {
				yield event;
				continue;
			}

			if (failure !== undefined) throw failure;
			if (open === 0) return;
			await Promise.race([new Promise<void>(resolve => (wake = resolve)), aborted]);
			wake = undefined;
		}
	} finally {
		stop.abort();
	}
}

export function createFleetEngine(members: readonly FleetMember[]): Engine {
	const fleet = createFleetIndex(members);
	const labels = members.map(member => member.label).join(', ');
	/** The member a tagged id names; an untagged one has no host and is refused. */
	const owner = (id: string): Engine => {
		const member = fleet.ownerOf(id);
		if (!member) throw new EngineError('bad-request', `${plainId(id)}: which host? (watching ${labels})`);
		return member.engine;
	};

	const container: ContainerEngine = {
		logs: deferredStream((id, options, signal) => owner(id).logs(id, options, signal)),
		stats: deferredStream((id, signal) => owner(id).stats(id, signal)),
		statsOnce: async (id, signal) => owner(id).statsOnce(id, signal),
		top: async (id, signal) => owner(id).top(id, signal),
		execRun: async (id, command, signal) => owner(id).execRun(id, command, signal),
		execSession: async (id, command, size) => owner(id).execSession(id, command, size),
		attach: async (id, size) => owner(id).attach(id, size),
	};

	const engine: Engine = {
		host: `${members.length} hosts`,
		async ping(signal): Promise<EngineInfo> {
			// Answers when any member does: the fleet is there while one of its hosts is.
			return Promise.any(members.map(async member => member.engine.ping(signal))).catch((error: unknown) => {
				throw error instanceof AggregateError ? (error.errors[0] as Error) : error;
			});
		},
		listContainers: async (...args) => (await everyMember(members, async member => member.engine.listContainers(...args))).flat(),
		listImages: async (...args) => (await everyMember(members, async member => member.engine.listImages(...args))).flat(),
		listNetworks: async (...args) => (await everyMember(members, async member => member.engine.listNetworks(...args))).flat(),
		listVolumes: async (...args) => (await everyMember(members, async member => member.engine.listVolumes(...args))).flat(),
		async diskUsage(signal) {
			const all = await everyMember(members, async member => member.engine.diskUsage(signal));
			const totals = addedTotals(all);
			return {
				layersSize: all.reduce((sum, usage) => sum + usage.layersSize, 0),
				images: all.flatMap(usage => usage.images),
				containers: all.flatMap(usage => usage.containers),
				volumes: all.flatMap(usage => usage.volumes),
				buildCache: all.flatMap(usage => usage.buildCache),
				...(totals === undefined ? {} : {totals}),
			};
		},
		// One daemon's description: the screens ask a member (screens.tsx), never the fleet.
		info: async () => {
			throw new EngineError('bad-request', `which host? (watching ${labels})`);
		},
		containerAction: async (id, action, signal) => owner(id).containerAction(id, action, signal),
		remove: async (kind, id, options, signal) => owner(id).remove(kind, id, options, signal),
		inspect: async (kind, id, signal) => owner(id).inspect(kind, id, signal),
		imageHistory: async (id, signal) => owner(id).imageHistory(id, signal),
		// What the dialog showed came from every connected host's list: each prunes its own.
		async prune(kind, options, signal): Promise<PruneResult> {
			const connected = members.filter(member => member.monitor.status().state === 'connected');
			if (connected.length === 0) throw new EngineError('unreachable', `no host is connected (${labels}): nothing pruned`);
			const results = await everyMember(connected, async member => member.engine.prune(kind, options, signal));
			return {
				deleted: results.flatMap(result => result.deleted),
				untagged: results.flatMap(result => result.untagged),
				spaceReclaimed: results.reduce((sum, result) => sum + result.spaceReclaimed, 0),
			};
		},
		events: (signal, since) => mergedEvents(members, signal, since),
		close() {
			for (const member of members) {
				member.monitor.stop();
				member.engine.close();
			}
		},
		...container,
		pullImage: deferredStream((reference, credentials, signal) => owner(reference).pullImage(reference, credentials, signal)),
		pushImage: deferredStream((reference, credentials, signal) => owner(reference).pushImage(reference, credentials, signal)),
		tagImage: async (source, target, signal) => owner(source).tagImage(source, target, signal),
	};
	return registerFleet(engine, fleet);
}
