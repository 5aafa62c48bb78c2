import {sanitize} from '../text/sanitize.js';
import {finiteNumber, record, stringRecord, text} from './map.js';
import type {BuildCacheRecord, DaemonInfo, DiskUsage, DiskUsageContainer, ImageLayer, ImageSummary, NetworkSummary, PruneResult, UsageTotals, VolumeSummary} from '../engine/objects.js';

// Raw Engine-API JSON for images, networks, volumes and the system endpoints → our
// types. Same rules as map.ts: any field may be missing or of another type, nothing
// throws, every string is sanitised.

type Json = Record<string, unknown>;

function strings(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').map(item => sanitize(item)) : [];
}

function list(value: unknown): Json[] {
	return Array.isArray(value) ? value.map(item => record(item)).filter(item => item !== undefined) : [];
}

/** Bytes: the daemon says -1 for "not computed"; that becomes undefined. */
function bytes(value: unknown): number | undefined {
	const number = finiteNumber(value);
	return number === undefined || number < 0 ? undefined : number;
}

/** RFC 3339 (networks, volumes) → unix seconds; 0 when absent or unreadable. */
function isoSeconds(value: unknown): number {
	const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN;
	return Number.isFinite(parsed) && parsed > 0 ? Math.floor(parsed / 1000) : 0;
}

export function mapImage(value: unknown): ImageSummary {
	const raw = record(value) ?? {};
	// -1 is "not computed": SharedSize in image lists (unless asked for with shared-size,
	// API 1.42+), Containers in image lists before API 1.51. Both are left out then.
	const sharedSize = bytes(raw['SharedSize']);
	const containers = finiteNumber(raw['Containers']);
	return {
		id: text(raw['Id']) ?? '',
		parentId: text(raw['ParentId']) ?? '',
		// Older daemons (and 20.10 for some images) write a dangling image's tag as `<none>:<none>`.
		tags: strings(raw['RepoTags']).filter(tag => tag !== '<none>:<none>'),
		digests: strings(raw['RepoDigests']).filter(digest => digest !== '<none>@<none>'),
		created: finiteNumber(raw['Created']) ?? 0,
		// Size is the whole image (shared layers too) from API 1.41 on; VirtualSize, the same
		// number, is gone from 1.44 and is only read when Size is missing.
		size: bytes(raw['Size']) ?? bytes(raw['VirtualSize']) ?? 0,
		...(sharedSize === undefined ? {} : {sharedSize}),
		...(containers === undefined || containers < 0 ? {} : {containers}),
		labels: stringRecord(raw['Labels']),
	};
}

export function mapImages(value: unknown): ImageSummary[] {
	return list(value).map(mapImage).filter(image => image.id !== '');
}

export function mapNetwork(value: unknown): NetworkSummary {
	const raw = record(value) ?? {};
	const ipam = list(record(raw['IPAM'])?.['Config']);
	return {
		id: text(raw['Id']) ?? '',
		name: text(raw['Name']) ?? '',
		driver: text(raw['Driver']) ?? '',
		scope: text(raw['Scope']) ?? '',
		internal: raw['Internal'] === true,
		...(raw['EnableIPv4'] === true ? {enableIPv4: true} : {}),
		...(raw['EnableIPv6'] === true ? {enableIPv6: true} : {}),
		subnets: ipam.map(config => text(config['Subnet']) ?? '').filter(subnet => subnet !== ''),
		created: isoSeconds(raw['Created']),
		labels: stringRecord(raw['Labels']),
	};
}

export function mapNetworks(value: unknown): NetworkSummary[] {
	return list(value).map(mapNetwork).filter(network => network.id !== '' && network.name !== '');
}

export function mapVolume(value: unknown): VolumeSummary {
	const raw = record(value) ?? {};
	const usage = record(raw['UsageData']);
	const size = bytes(usage?.['Size']);
	const refCount = bytes(usage?.['RefCount']);
	return {
		name: text(raw['Name']) ?? '',
		driver: text(raw['Driver']) ?? '',
		mountpoint: text(raw['Mountpoint']) ?? '',
		scope: text(raw['Scope']) ?? '',
		created: isoSeconds(raw['CreatedAt']),
		labels: stringRecord(raw['Labels']),
		...(size === undefined ? {} : {size}),
		...(refCount === undefined ? {} : {refCount}),
	};
}

/** `GET /volumes` answers `{Volumes: […], Warnings}`; `/system/df` a bare array. */
export function mapVolumes(value: unknown): VolumeSummary[] {
	const entries = Array.isArray(value) ? value : record(value)?.['Volumes'];
	return list(entries).map(mapVolume).filter(volume => volume.name !== '');
}

function mapDfContainer(raw: Json): DiskUsageContainer {
	const names = strings(raw['Names']).map(name => name.replace(/^\//, ''));
	const id = text(raw['Id']) ?? '';
	return {id, name: names[0] ?? id.slice(0, 12), state: text(raw['State']) ?? '', sizeRw: bytes(raw['SizeRw']) ?? 0};
}

function mapBuildCache(raw: Json): BuildCacheRecord {
	return {
		id: text(raw['ID']) ?? '',
		type: text(raw['Type']) ?? '',
		size: bytes(raw['Size']) ?? 0,
		inUse: raw['InUse'] === true,
		shared: raw['Shared'] === true,
	};
}

/**
 * One type's part of API 1.52's answer (`ImageUsage`, `ContainerUsage`, …): the daemon's
 * own figures. Go leaves out every zero (omitempty), so a missing number is 0.
 */
function usageTotals(value: Json | undefined): UsageTotals | undefined {
	if (!value) return undefined;
	const figure = (key: string) => bytes(value[key]) ?? 0;
	return {total: figure('TotalCount'), active: figure('ActiveCount'), size: figure('TotalSize'), reclaimable: figure('Reclaimable')};
}

/** The items of a type: in its `…Usage` part (API 1.52+ with verbose=1), else the old top-level list. */
function itemsOf(usage: Json | undefined, legacy: unknown): unknown {
	return Array.isArray(usage?.['Items']) ? usage['Items'] : legacy;
}

/**
 * Before API 1.52: `{LayersSize, Images, Containers, Volumes, BuildCache}`. From 1.52:
 * `{ImageUsage, ContainerUsage, VolumeUsage, BuildCacheUsage}`, each with the daemon's
 * figures and (asked with verbose=1) its `Items`; 1.52 still adds the old fields unless
 * verbose=1 is asked. Either shape, or both, read the same.
 */
export function mapDiskUsage(value: unknown): DiskUsage {
	const raw = record(value) ?? {};
	const imageUsage = record(raw['ImageUsage']);
	const containerUsage = record(raw['ContainerUsage']);
	const volumeUsage = record(raw['VolumeUsage']);
	const buildCacheUsage = record(raw['BuildCacheUsage']);
	const totals = Object.entries({
		images: usageTotals(imageUsage),
		containers: usageTotals(containerUsage),
		volumes: usageTotals(volumeUsage),
		buildCache: usageTotals(buildCacheUsage),
	}).filter(([, figures]) => figures !== undefined);
	return {
		layersSize: (imageUsage ? bytes(imageUsage['TotalSize']) : undefined) ?? bytes(raw['LayersSize']) ?? 0,
		images: mapImages(itemsOf(imageUsage, raw['Images'])),
		containers: list(itemsOf(containerUsage, raw['Containers'])).map(mapDfContainer).filter(container => container.id !== ''),
		volumes: mapVolumes(itemsOf(volumeUsage, raw['Volumes'])),
		buildCache: list(itemsOf(buildCacheUsage, raw['BuildCache'])).map(mapBuildCache),
		...(totals.length === 0 ? {} : {totals: Object.fromEntries(totals) as DiskUsage['totals']}),
	};
}

export function mapDaemonInfo(value: unknown): DaemonInfo {
	const raw = record(value) ?? {};
	const count = (key: string) => bytes(raw[key]) ?? 0;
	return {
		name: text(raw['Name']) ?? '',
		serverVersion: text(raw['ServerVersion']) ?? '',
		operatingSystem: text(raw['OperatingSystem']) ?? '',
		osType: text(raw['OSType']) ?? '',
		kernelVersion: text(raw['KernelVersion']) ?? '',
		architecture: text(raw['Architecture']) ?? '',
		storageDriver: text(raw['Driver']) ?? '',
		cgroupDriver: text(raw['CgroupDriver']) ?? '',
		cgroupVersion: text(raw['CgroupVersion']) ?? '',
		loggingDriver: text(raw['LoggingDriver']) ?? '',
		cpus: count('NCPU'),
		memoryBytes: count('MemTotal'),
		containers: count('Containers'),
		running: count('ContainersRunning'),
		paused: count('ContainersPaused'),
		stopped: count('ContainersStopped'),
		images: count('Images'),
		rootDir: text(raw['DockerRootDir']) ?? '',
		swarm: text(record(raw['Swarm'])?.['LocalNodeState']) ?? '',
		warnings: strings(raw['Warnings']),
	};
}

export function mapHistory(value: unknown): ImageLayer[] {
	return list(value).map(raw => ({
		id: text(raw['Id']) ?? '',
		created: finiteNumber(raw['Created']) ?? 0,
		createdBy: text(raw['CreatedBy']) ?? '',
		size: bytes(raw['Size']) ?? 0,
		tags: strings(raw['Tags']),
		comment: text(raw['Comment']) ?? '',
	}));
}

/** Any prune answer: `ImagesDeleted` ([{Untagged}|{Deleted}]), `NetworksDeleted` or `VolumesDeleted` (names). */
export function mapPruneResult(value: unknown): PruneResult {
	const raw = record(value) ?? {};
	const images = list(raw['ImagesDeleted']);
	const pick = (key: string) => images.map(entry => text(entry[key])).filter(item => item !== undefined);
	return {
		deleted: [...pick('Deleted'), ...strings(raw['NetworksDeleted']), ...strings(raw['VolumesDeleted'])],
		untagged: pick('Untagged'),
		spaceReclaimed: bytes(raw['SpaceReclaimed']) ?? 0,
	};
}

const maxDepth = 64;

/**
 * An inspect document made inert: every string (keys too) sanitised, every value
 * JSON-shaped. Deeper than any real document nests is cut, so nothing can recurse forever.
 */
export function sanitizeDocument(value: unknown, depth = 0): unknown {
	if (typeof value === 'string') return sanitize(value);
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'boolean' || value === null) return value;
	if (depth >= maxDepth) return '…';
	if (Array.isArray(value)) return value.map(item => sanitizeDocument(item, depth + 1));
	const raw = record(value);
	if (!raw) return null;
	return Object.fromEntries(Object.entries(raw).map(([key, item]) => [sanitize(key), sanitizeDocument(item, depth + 1)]));
}
