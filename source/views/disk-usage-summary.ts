// `docker system df` from the daemon's disk-usage answer: the daemon's own figures where
// it gives them (as the docker CLI then shows them), else computed from its items as the
// docker CLI 20.10 does (cli/command/formatter/disk_usage.go): what is active, and what could go.
import type {DiskUsage, UsageTotals} from '../engine/objects.js';
import {formatBytes} from '../text/format.js';

export type UsageRow = {
	readonly type: string;
	readonly total: number;
	readonly active: number;
	readonly size: number;
	readonly reclaimable: number;
	/** Build cache shows no percentage in the CLI. */
	readonly percent: boolean;
};

const liveStates = ['running', 'paused', 'restarting'];

/** A computed row, replaced by the daemon's figures for it when there are any. */
function preferDaemon(row: UsageRow, figures: UsageTotals | undefined): UsageRow {
	return figures === undefined ? row : {...row, ...figures};
}

export function usageRows(usage: DiskUsage): UsageRow[] {
	const [images, containers, volumes, buildCache] = computedRows(usage);
	const totals = usage.totals ?? {};
	return [preferDaemon(images, totals.images), preferDaemon(containers, totals.containers), preferDaemon(volumes, totals.volumes), preferDaemon(buildCache, totals.buildCache)];
}

function computedRows(usage: DiskUsage): [UsageRow, UsageRow, UsageRow, UsageRow] {
	const images = usage.images;
	const activeImages = images.filter(image => (image.containers ?? 0) > 0);
	// Space active images hold on their own; what they share with others might still go.
	const held = activeImages.reduce((sum, image) => sum + (image.sharedSize === undefined ? 0 : image.size - image.sharedSize), 0);
	const containers = usage.containers;
	const isActive = (state: string) => liveStates.some(live => state.includes(live));
	const volumes = usage.volumes;
	const sized = (size: number | undefined) => size ?? 0;
	const cache = usage.buildCache;
	return [
		{type: 'Images', total: images.length, active: activeImages.length, size: usage.layersSize, reclaimable: Math.max(0, usage.layersSize - held), percent: true},
		{
			type: 'Containers',
			total: containers.length,
			active: containers.filter(container => isActive(container.state)).length,
			size: containers.reduce((sum, container) => sum + container.sizeRw, 0),
			reclaimable: containers.filter(container => !isActive(container.state)).reduce((sum, container) => sum + container.sizeRw, 0),
			percent: true,
		},
		{
			type: 'Local Volumes',
			total: volumes.length,
			active: volumes.filter(volume => (volume.refCount ?? 0) > 0).length,
			size: volumes.reduce((sum, volume) => sum + sized(volume.size), 0),
			reclaimable: volumes.filter(volume => (volume.refCount ?? 0) === 0).reduce((sum, volume) => sum + sized(volume.size), 0),
			percent: true,
		},
		{
			type: 'Build Cache',
			total: cache.length,
			active: cache.filter(record => record.inUse).length,
			size: cache.filter(record => !record.shared).reduce((sum, record) => sum + record.size, 0),
			reclaimable: cache.filter(record => !record.inUse && !record.shared).reduce((sum, record) => sum + record.size, 0),
			percent: false,
		},
	];
}

/** `1.2GB (45%)` as the CLI writes it (integer percent, rounded down); no percentage of nothing. */
export function reclaimableText(row: UsageRow): string {
	const bytes = formatBytes(row.reclaimable);
	return row.percent && row.size > 0 ? `${bytes} (${Math.floor((row.reclaimable * 100) / row.size)}%)` : bytes;
}
