import type {ContainerSummary, Engine} from '../engine/engine.js';
import type {VolumeSummary} from '../engine/objects.js';
import {formatBytes, pluralize} from '../text/format.js';
import {plainId} from '../fleet/fleet-id.js';
import type {ResourceDescriptor} from '../state/resource-descriptor.js';

export type VolumeRow = {
	/** With size and reference count from the daemon's disk usage, where it gives them. */
	readonly volume: VolumeSummary;
	/** Containers (any state) that mount it: the daemon refuses to remove it while there are any. */
	readonly users: readonly string[];
};

export function volumeRows(volumes: readonly VolumeSummary[], usage: readonly VolumeSummary[], containers: readonly ContainerSummary[]): VolumeRow[] {
	const measured = new Map(usage.map(volume => [volume.name, volume]));
	return volumes.map(volume => {
		const known = measured.get(volume.name);
		return {
			volume: {...volume, ...(known?.size === undefined ? {} : {size: known.size}), ...(known?.refCount === undefined ? {} : {refCount: known.refCount})},
			users: containers.filter(container => (container.volumes ?? []).includes(volume.name)).map(container => container.name),
		};
	});
}

async function listVolumeRows(engine: Engine, signal: AbortSignal): Promise<VolumeRow[]> {
	// Sizes are a nicety: a daemon that cannot say them (or is slow to) still lists its volumes.
	const usage = engine.diskUsage(signal).then(df => df.volumes, () => []);
	const [volumes, sized, containers] = await Promise.all([engine.listVolumes(signal), usage, engine.listContainers(signal)]);
	return volumeRows(volumes, sized, containers);
}

/** Its name as shown (in a fleet its id also names the host). */
const name = (row: VolumeRow) => plainId(row.volume.name);
const sizeOf = (row: VolumeRow) => (row.volume.size === undefined ? '-' : formatBytes(row.volume.size));

function freed(rows: readonly VolumeRow[]): string {
	const known = rows.filter(row => row.volume.size !== undefined);
	const bytes = known.reduce((sum, row) => sum + (row.volume.size ?? 0), 0);
	const unknown = rows.length - known.length;
	return `Frees ${formatBytes(bytes)}${unknown > 0 ? ` (and ${pluralize(unknown, 'volume')} of unknown size)` : ''}`;
}

async function prune(engine: Engine): Promise<string> {
	const result = await engine.prune('volumes');
	if (result.deleted.length === 0) return 'Pruned volumes: none removed';
	return `Pruned volumes: ${result.deleted.join(', ')} removed, ${formatBytes(result.spaceReclaimed)} reclaimed`;
}

export const volumes: ResourceDescriptor<VolumeRow> = {
	kind: 'volumes',
	title: 'Volumes',
	scope: 'objects',
	list: listVolumeRows,
	id: row => row.volume.name,
	label: name,
	columns: [
		{header: 'NAME', width: 'flex', minWidth: 12, value: name},
		{header: 'DRIVER', width: 7, dropOrder: 2, value: row => row.volume.driver},
		{header: 'MOUNTPOINT', width: 'flex', minWidth: 12, dropOrder: 1, value: row => row.volume.mountpoint},
		{header: 'SIZE', width: 8, align: 'right', value: sizeOf},
		{header: 'USED BY', width: 'flex', minWidth: 8, value: row => row.users.join(', '), tone: row => (row.users.length > 0 ? 'good' : 'dim')},
	],
	sort: (a, b) => a.volume.name.localeCompare(b.volume.name),
	stateOf: row => (row.users.length > 0 ? `used by ${row.users.join(', ')}` : 'unused'),
	searchText: row => `${name(row)}\n${row.volume.driver}\n${row.volume.mountpoint}\n${row.users.join('\n')}`.toLowerCase(),
	refreshOn: ['volume', 'container'],
	emptyMessage: 'No volumes',
	actions: {
		'resource.remove': {
			verb: () => 'Remove',
			plan: row => ({progress: 'Removing', done: 'removed', dangerous: true, run: async engine => engine.remove('volumes', row.volume.name)}),
		},
		'resource.prune': {
			verb: () => 'Prune',
			bulk: {
				pick: rows => rows.filter(row => row.users.length === 0),
				summary: freed,
				progress: 'Pruning',
				run: async engine => prune(engine),
			},
		},
	},
	opens: {
		'list.inspect': (row, back) => ({screen: 'inspect', kind: 'volumes', id: row.volume.name, title: `Volume ${name(row)}`, search: '', back}),
	},
};
