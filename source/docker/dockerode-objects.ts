import type Docker from 'dockerode';
import {apiAtLeast} from '../engine/api-version.js';
import type {ObjectEngine, ObjectQuery, ResourceKind} from '../engine/engine.js';
import {mapHistory, mapImages, mapNetworks, mapPruneResult, mapVolumes, sanitizeDocument} from './map-objects.js';
import {mapDaemonInfo, mapDiskUsage} from './map-system.js';
import type {InspectKind, PruneKind} from '../engine/objects.js';

// Images, networks, volumes and the system endpoints over dockerode's modem. Kept apart
// from dockerode-engine.ts (which owns the connection, deadlines and error mapping and
// hands its `request` in). Every call goes through modem.dial: several of dockerode's
// own helpers (image history, network inspect) take no abort signal, and one path for
// all keeps status handling identical.

/** Runs one call under a deadline; errors come out as EngineErrors. */
export type Requester = <T>(signal: AbortSignal | undefined, timeoutMs: number, run: (abortSignal: AbortSignal) => Promise<T>) => Promise<T>;

type Query = Record<string, string | boolean | number | undefined>;

const success = {200: true, 201: true, 204: true};

/** The `filters` parameter as the API takes it (JSON), left out when there are none. */
function filtersOf(query: ObjectQuery | undefined): string | undefined {
	return query?.filters && Object.keys(query.filters).length > 0 ? JSON.stringify(query.filters) : undefined;
}

const paths: Record<InspectKind, string> = {containers: '/containers/', images: '/images/', networks: '/networks/', volumes: '/volumes/'};

/** Disk usage walks every layer and volume, and a prune deletes them: they get this many deadlines. */
const slowFactor = 6;

/**
 * The prune filters that give the same result on every API version: images are dangling
 * ones unless `all`; volumes are every unused one, which API 1.42 narrowed to anonymous
 * ones unless told `all=true` — a filter daemons before 1.42 refuse ("invalid filter").
 * `apiInUse` undefined (not negotiated yet) sends no `all`: a prune that keeps more.
 */
export function pruneFilters(kind: PruneKind, all: boolean, apiInUse: string | undefined): string | undefined {
	if (kind === 'images') return JSON.stringify({dangling: [all ? 'false' : 'true']});
	return kind === 'volumes' && apiAtLeast(apiInUse, '1.42') ? JSON.stringify({all: ['true']}) : undefined;
}

export function createObjectMethods(docker: Docker, request: Requester, timeoutMs: number, apiInUse: () => string | undefined): ObjectEngine & {removeObject(kind: Exclude<ResourceKind, 'containers'>, id: string, force: boolean, signal?: AbortSignal): Promise<void>} {
	function dial(method: 'GET' | 'POST' | 'DELETE', path: string, query: Query, abortSignal: AbortSignal): Promise<unknown> {
		const options = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
		return new Promise((resolve, reject) => {
			docker.modem.dial(
				// The trailing "?" tells docker-modem to append the query (and to drop it when empty).
				{path: `${path}?`, method, options, statusCodes: success, abortSignal} as Parameters<typeof docker.modem.dial>[0],
				(error: unknown, data: unknown) => {
					if (error) reject(error as Error);
					else resolve(data);
				},
			);
		});
	}

	const get = (signal: AbortSignal | undefined, path: string, query: Query = {}, slow = false) =>
		request(signal, slow ? timeoutMs * slowFactor : timeoutMs, abortSignal => dial('GET', path, query, abortSignal));
	const name = (id: string) => encodeURIComponent(id);

	return {
		async listImages(signal, query) {
			return mapImages(await get(signal, '/images/json', {all: query?.all === true ? true : undefined, filters: filtersOf(query)}));
		},

		async listNetworks(signal, query) {
			return mapNetworks(await get(signal, '/networks', {filters: filtersOf(query)}));
		},

		async listVolumes(signal, query) {
			return mapVolumes(await get(signal, '/volumes', {filters: filtersOf(query)}));
		},

		async diskUsage(signal) {
			// verbose=1: from API 1.52 it puts the items in the new per-type parts (without it, in
			// the old top-level lists, deprecated since); older daemons and Podman ignore it.
			return mapDiskUsage(await get(signal, '/system/df', {verbose: 1}, true));
		},

		async info(signal) {
			return mapDaemonInfo(await get(signal, '/info'));
		},

		async inspect(kind, id, signal) {
			const path = kind === 'images' ? `/images/${name(id)}/json` : `${paths[kind]}${name(id)}${kind === 'containers' ? '/json' : ''}`;
			return sanitizeDocument(await get(signal, path));
		},

		async imageHistory(id, signal) {
			return mapHistory(await get(signal, `/images/${name(id)}/history`));
		},

		async prune(kind, options, signal) {
			const filters = pruneFilters(kind, options?.all === true, apiInUse());
			const raw = await request(signal, timeoutMs * slowFactor, abortSignal => dial('POST', `/${kind}/prune`, {filters}, abortSignal));
			return mapPruneResult(raw);
		},

		async removeObject(kind, id, force, signal) {
			// Images by reference: a tag among several is only untagged; `force` as the CLI's `rmi -f`.
			const query: Query = kind === 'images' ? {force, noprune: false} : {};
			await request(signal, timeoutMs, abortSignal => dial('DELETE', `${paths[kind]}${name(id)}`, query, abortSignal));
		},
	};
}
