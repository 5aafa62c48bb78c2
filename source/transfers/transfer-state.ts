// A pull's or push's progress as the daemon reports it, folded into what the progress
// panel draws: one entry per layer (in the order the daemon first named them) and an
// overall fraction. Pure, so the arithmetic is tested without a daemon.
import type {LayerPhase, TransferEvent} from '../engine/registry-io.js';

export type TransferKind = 'pull' | 'push';

export type LayerProgress = {
	readonly id: string;
	readonly phase: LayerPhase;
	/** The daemon's words: "Downloading", "Mounted from app". */
	readonly status: string;
	readonly current?: number;
	readonly total?: number;
	/** The largest total seen in any phase: what a finished layer weighed. */
	readonly size?: number;
	/** 0..1 of this layer's whole job (a pull: download, then extract). */
	readonly fraction: number;
};

export type TransferProgress = {
	readonly layers: readonly LayerProgress[];
	/** The last line about the whole transfer ("Status: Downloaded newer image for …"). */
	readonly message?: string;
	readonly digest?: string;
};

export const emptyProgress: TransferProgress = {layers: []};

/** Layers that need nothing more (done, or there already). */
const finished = new Set<LayerPhase>(['pulled', 'pushed', 'exists']);

export function isLayerFinished(layer: LayerProgress): boolean {
	return finished.has(layer.phase);
}

function ratio(current: number | undefined, total: number | undefined): number | undefined {
	if (current === undefined || total === undefined || total <= 0) return undefined;
	return Math.min(1, Math.max(0, current / total));
}

/**
 * How far a layer is. A pull moves it twice (download, then extract: half each, as
 * neither size is known before it starts); a push once. Phases without byte counts
 * (retrying, anything new) keep where the layer was.
 */
export function layerFraction(phase: LayerPhase, current: number | undefined, total: number | undefined, previous: number): number {
	const part = ratio(current, total);
	switch (phase) {
		case 'waiting':
		case 'preparing':
			return 0;
		case 'downloading':
			return part === undefined ? previous : part / 2;
		case 'verifying':
		case 'downloaded':
			return 0.5;
		case 'extracting':
			return part === undefined ? Math.max(previous, 0.5) : 0.5 + part / 2;
		case 'pushing':
			return part ?? previous;
		case 'pulled':
		case 'pushed':
		case 'exists':
			return 1;
		case 'retrying':
		case 'other':
			return previous;
	}
}

export function applyTransferEvent(progress: TransferProgress, event: TransferEvent): TransferProgress {
	switch (event.type) {
		case 'message':
			return {...progress, message: event.text};
		case 'digest':
			return {...progress, digest: event.digest};
		case 'layer': {
			const index = progress.layers.findIndex(layer => layer.id === event.id);
			const before = index === -1 ? undefined : progress.layers[index];
			// Counts belong to a phase: "Extracting 1MB" says nothing about the download.
			const samePhase = before?.phase === event.phase;
			const current = event.current ?? (samePhase ? before?.current : undefined);
			const total = event.total ?? (samePhase ? before?.total : undefined);
			const size = Math.max(total ?? 0, before?.size ?? 0) || undefined;
			const layer: LayerProgress = {
				id: event.id,
				phase: event.phase,
				status: event.status,
				...(current === undefined ? {} : {current}),
				...(total === undefined ? {} : {total}),
				...(size === undefined ? {} : {size}),
				fraction: layerFraction(event.phase, current, total, before?.fraction ?? 0),
			};
			const layers = index === -1 ? [...progress.layers, layer] : progress.layers.map((other, at) => (at === index ? layer : other));
			return {...progress, layers};
		}
	}
}

export type Overall = {
	/** 0..1 over the layers that move (ones already there count for nothing either way). */
	readonly fraction: number;
	readonly finishedLayers: number;
	readonly layers: number;
};

export function overallProgress(progress: TransferProgress): Overall {
	const moving = progress.layers.filter(layer => layer.phase !== 'exists');
	const fraction = moving.length === 0 ? (progress.layers.length > 0 ? 1 : 0) : moving.reduce((sum, layer) => sum + layer.fraction, 0) / moving.length;
	return {fraction, finishedLayers: progress.layers.filter(layer => isLayerFinished(layer)).length, layers: progress.layers.length};
}
