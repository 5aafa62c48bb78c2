// /system/df and /info → our types, by the same rules as the other mappers (read-json.ts).
import type {BuildCacheRecord, DaemonInfo, DiskUsage, DiskUsageContainer, UsageTotals} from '../engine/objects.js';
import {mapImages, mapVolumes} from './map-objects.js';
import {bytes, list, record, strings, text} from './read-json.js';

type Json = Record<string, unknown>;

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
