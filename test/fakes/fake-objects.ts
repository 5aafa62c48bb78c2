import type {ContainerSummary, EngineEvent, ObjectEngine, ResourceKind} from '../../source/engine/engine.js';
import {EngineError} from '../../source/engine/errors.js';
import {createImageStore} from './fake-images.js';
import {filterImages, filterNetworks, filterVolumes} from './fake-object-query.js';
import {sanitizeDocument} from '../../source/docker/map-objects.js';
import type {BuildCacheRecord, ImageSummary, NetworkSummary, VolumeSummary} from '../../source/engine/objects.js';

// The fake daemon's images, networks and volumes, and its system endpoints. Which
// object counts as used, what refuses and in which words, which events follow: all
// as dockerd 20.10 does it (test/contract runs the same suite against both).

export type FakeObjectSeed = {
	images?: readonly ImageSummary[];
	/** Default: the built-in bridge, host and none. */
	networks?: readonly NetworkSummary[];
	volumes?: readonly VolumeSummary[];
	buildCache?: readonly BuildCacheRecord[];
};

type Host = {
	readonly containers: () => readonly ContainerSummary[];
	readonly emit: (event: EngineEvent) => void;
	/** Records the call and fails it when a test asked so (see fake-engine.ts). */
	readonly enter: (method: string, args: unknown[], signal?: AbortSignal) => void;
};

let networkCount = 0;

export function fakeNetwork(partial: Partial<NetworkSummary> = {}): NetworkSummary {
	networkCount += 1;
	const id = (networkCount.toString(16).padStart(8, '0') + '4e7').repeat(6).slice(0, 64);
	return {id, name: `network-${networkCount}`, driver: 'bridge', scope: 'local', internal: false, subnets: [`172.${17 + networkCount}.0.0/16`], created: Math.floor(Date.now() / 1000), labels: {}, ...partial};
}

export function fakeVolume(partial: Partial<VolumeSummary> = {}): VolumeSummary {
	const name = partial.name ?? `volume-${++networkCount}`;
	return {name, driver: 'local', mountpoint: `/var/lib/docker/volumes/${name}/_data`, scope: 'local', created: Math.floor(Date.now() / 1000), labels: {}, ...partial};
}

/** What dockerd creates by itself; none of them can be removed. */
export const builtinNetworks: readonly NetworkSummary[] = [
	fakeNetwork({name: 'bridge', driver: 'bridge', subnets: ['172.17.0.0/16']}),
	fakeNetwork({name: 'host', driver: 'host', subnets: []}),
	fakeNetwork({name: 'none', driver: 'null', subnets: []}),
];

const live = new Set(['running', 'paused', 'restarting']);
const now = () => Math.floor(Date.now() / 1000);
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

export function createFakeObjects(host: Host, seed: FakeObjectSeed = {}) {
	const images = createImageStore(host, seed.images ?? []);
	let networks = [...(seed.networks ?? builtinNetworks)];
	let volumes = [...(seed.volumes ?? [])];
	const buildCache = [...(seed.buildCache ?? [])];

	/** Running containers have endpoints on their networks; stopped ones only a configuration. */
	const attached = (network: NetworkSummary) =>
		host.containers().filter(container => live.has(container.state) && (container.networks ?? []).some(link => link.name === network.name || link.id === network.id));
	const mounting = (volume: VolumeSummary) => host.containers().filter(container => (container.volumes ?? []).includes(volume.name));

	function findNetwork(ref: string): NetworkSummary {
		const found = networks.find(network => network.id === ref || network.name === ref) ?? networks.find(network => ref.length >= 3 && network.id.startsWith(ref));
		if (!found) throw new EngineError('not-found', `network ${ref} not found`, 404);
		return found;
	}

	function findVolume(name: string): VolumeSummary {
		const found = volumes.find(volume => volume.name === name);
		if (!found) throw new EngineError('not-found', `get ${name}: no such volume`, 404);
		return found;
	}

	function findImage(ref: string): ImageSummary {
		const found = images.find(ref);
		if (!found) throw new EngineError('not-found', `No such image: ${ref.includes(':') ? ref : `${ref}:latest`}`, 404);
		return found;
	}

	function removeNetwork(ref: string): void {
		const network = findNetwork(ref);
		if (builtinNetworks.some(builtin => builtin.name === network.name)) throw new EngineError('denied', `${network.name} is a pre-defined network and cannot be removed`, 403);
		if (attached(network).length > 0) throw new EngineError('denied', `error while removing network: network ${network.name} id ${network.id} has active endpoints`, 403);
		networks = networks.filter(other => other !== network);
		host.emit({type: 'network', action: 'destroy', id: network.id, name: network.name, time: now(), attributes: {name: network.name, type: network.driver}});
	}

	function removeVolume(name: string): void {
		const volume = findVolume(name);
		const users = mounting(volume);
		if (users.length > 0) throw new EngineError('conflict', `remove ${name}: volume is in use - [${users.map(container => container.id).join(' ')}]`, 409);
		volumes = volumes.filter(other => other !== volume);
		host.emit({type: 'volume', action: 'destroy', id: name, name, time: now(), attributes: {driver: volume.driver}});
	}

	function document(kind: string, id: string): unknown {
		switch (kind) {
			case 'containers': {
				const container = host.containers().find(item => item.id === id || item.name === id);
				if (!container) throw new EngineError('not-found', `No such container: ${id}`, 404);
				return {Id: container.id, Name: `/${container.name}`, Created: iso(container.created), Image: container.imageId ?? '', State: {Status: container.state}, Config: {Image: container.image, Cmd: container.command.split(' '), Labels: container.labels}};
			}

			case 'images': {
				const image = findImage(id);
				return {Id: image.id, RepoTags: image.tags, RepoDigests: image.digests, Parent: image.parentId, Created: iso(image.created), Size: image.size, Config: {Labels: image.labels}};
			}

			case 'networks': {
				const network = findNetwork(id);
				const containers = Object.fromEntries(attached(network).map(container => [container.id, {Name: container.name}]));
				return {Name: network.name, Id: network.id, Created: iso(network.created), Scope: network.scope, Driver: network.driver, Internal: network.internal, IPAM: {Config: network.subnets.map(subnet => ({Subnet: subnet}))}, Containers: containers, Labels: network.labels};
			}

			default: {
				const volume = findVolume(id);
				return {CreatedAt: iso(volume.created), Driver: volume.driver, Labels: volume.labels, Mountpoint: volume.mountpoint, Name: volume.name, Scope: volume.scope};
			}
		}
	}

	const engine: ObjectEngine = {
		async listImages(signal, query) {
			host.enter('listImages', query ? [query] : [], signal);
			return filterImages(images.list(query?.all === true), query?.filters);
		},
		async listNetworks(signal, query) {
			host.enter('listNetworks', query ? [query] : [], signal);
			return filterNetworks(networks, query?.filters, network => attached(network).length > 0).map(network => ({...network}));
		},
		async listVolumes(signal, query) {
			host.enter('listVolumes', query ? [query] : [], signal);
			// The volume list carries no usage data; only disk usage does.
			return filterVolumes(volumes, query?.filters, volume => mounting(volume).length > 0).map(({size: _size, refCount: _refCount, ...volume}) => volume);
		},
		async diskUsage(signal) {
			host.enter('diskUsage', [], signal);
			const all = images.list();
			return {
				layersSize: all.reduce((sum, image) => sum + image.size, 0),
				images: all.map(image => ({...image, sharedSize: 0, containers: images.users(image).length})),
				containers: host.containers().map(container => ({id: container.id, name: container.name, state: container.state, sizeRw: 0})),
				volumes: volumes.map(volume => ({...volume, size: volume.size ?? 0, refCount: mounting(volume).length})),
				buildCache,
			};
		},
		async info(signal) {
			host.enter('info', [], signal);
			const containers = host.containers();
			const count = (state: string) => containers.filter(container => container.state === state).length;
			return {
				name: 'fake', serverVersion: '20.10.24', operatingSystem: 'Debian GNU/Linux 12 (bookworm)', osType: 'linux', kernelVersion: '6.1.0', architecture: 'x86_64',
				storageDriver: 'overlay2', cgroupDriver: 'cgroupfs', cgroupVersion: '1', loggingDriver: 'json-file', cpus: 2, memoryBytes: 2 ** 33,
				containers: containers.length, running: count('running'), paused: count('paused'), stopped: containers.length - count('running') - count('paused'),
				images: images.list().length, rootDir: '/var/lib/docker', swarm: 'inactive', warnings: ['WARNING: IPv4 forwarding is disabled'],
			};
		},
		async inspect(kind, id, signal) {
			host.enter('inspect', [kind, id], signal);
			return sanitizeDocument(document(kind, id));
		},
		async imageHistory(id, signal) {
			host.enter('imageHistory', [id], signal);
			const image = findImage(id);
			return [
				{id: image.id, created: image.created, createdBy: '/bin/sh -c #(nop)  CMD ["sh"]', size: 0, tags: image.tags, comment: ''},
				{id: '<missing>', created: image.created, createdBy: '/bin/sh -c #(nop) COPY file:busybox in /bin/busybox', size: image.size, tags: [], comment: ''},
			];
		},
		async prune(kind, options, signal) {
			host.enter('prune', options === undefined ? [kind] : [kind, options], signal);
			if (kind === 'images') return images.prune(options?.all === true);
			const deleted: string[] = [];
			let reclaimed = 0;
			if (kind === 'networks') {
				for (const network of networks.filter(item => !builtinNetworks.some(builtin => builtin.name === item.name) && attached(item).length === 0)) {
					removeNetwork(network.id);
					deleted.push(network.name);
				}
			} else {
				// dockerd 20.10 announces a volume prune with one event, no destroy per volume.
				const unused = volumes.filter(volume => mounting(volume).length === 0);
				volumes = volumes.filter(volume => !unused.includes(volume));
				deleted.push(...unused.map(volume => volume.name));
				reclaimed = unused.reduce((sum, volume) => sum + (volume.size ?? 0), 0);
			}

			host.emit({type: kind.replace(/s$/, ''), action: 'prune', id: '', time: now(), attributes: {reclaimed: String(reclaimed)}});
			return {deleted, untagged: [], spaceReclaimed: reclaimed};
		},
	};

	return {
		engine,
		remove(kind: Exclude<ResourceKind, 'containers'>, id: string, force: boolean): void {
			if (kind === 'images') images.remove(id, force);
			else if (kind === 'networks') removeNetwork(id);
			else removeVolume(id);
		},
		setImages: images.set,
		/** The image store itself, for the fake registry's pull, push and tag. */
		images,
		setNetworks(next: readonly NetworkSummary[]) {
			networks = [...next];
		},
		setVolumes(next: readonly VolumeSummary[]) {
			volumes = [...next];
		},
	};
}
