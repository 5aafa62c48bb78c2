import {sanitize} from '../text/sanitize.js';
import {bytes, finiteNumber, isoSeconds, list, record, stringRecord, strings, text} from './read-json.js';
import type {ImageLayer, ImageSummary, NetworkSummary, PruneResult, VolumeSummary} from '../engine/objects.js';

// Raw Engine-API JSON for images, networks and volumes → our types, read through
// read-json.ts (nothing trusted, nothing thrown, every string sanitised).

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
