// The progress panel's text: per transfer a title, an overall bar, and a bar per layer,
// like `docker pull` draws them. Pure: the component only colours these lines, and the
// app knows the panel's height before drawing it.
import {formatBytes} from '../text/format.js';
import {padEnd, padStart, truncate} from '../text/cell-width.js';
import {isLayerFinished, overallProgress, type LayerProgress} from '../transfers/transfer-state.js';
import type {Transfer} from '../transfers/transfer-store.js';

export type PanelLine = {readonly text: string; readonly tone: 'title' | 'bar' | 'done' | 'error' | 'muted'};

/** Layers shown per transfer; the rest are counted on one line. */
export const maxLayerLines = 6;
/** Transfers shown at once (the oldest running ones first). */
export const maxTransfers = 3;

const idWidth = 12;
const statusWidth = 16;
const bytesWidth = 17;

/** `[=====>     ]`, `inner` cells between the brackets, as the docker CLI draws it. */
export function progressBar(fraction: number, inner: number): string {
	const cells = Math.max(1, inner);
	const filled = Math.round(Math.min(1, Math.max(0, fraction)) * cells);
	const body = filled >= cells ? '='.repeat(cells) : `${'='.repeat(Math.max(0, filled - 1))}${filled > 0 ? '>' : ''}`;
	return `[${body.padEnd(cells, ' ')}]`;
}

function percent(fraction: number): string {
	return padStart(`${Math.floor(Math.min(1, Math.max(0, fraction)) * 100)}%`, 4);
}

function barWidth(width: number): number {
	return Math.max(10, Math.min(40, width - (2 + idWidth + 2 + statusWidth + 1 + 2 + bytesWidth)));
}

function bytes(layer: LayerProgress): string {
	if (layer.total !== undefined && layer.current !== undefined) return `${formatBytes(layer.current)}/${formatBytes(layer.total)}`;
	const size = layer.total ?? layer.size;
	return size === undefined ? '' : formatBytes(size);
}

function layerLine(layer: LayerProgress, width: number): PanelLine {
	const head = `  ${padEnd(layer.id, idWidth)}  ${padEnd(layer.status, statusWidth)} `;
	// Layers that were already there have nothing to show a bar for, as in `docker pull`.
	const bar = layer.phase === 'exists' ? '' : `${progressBar(layer.fraction, barWidth(width))} ${bytes(layer)}`;
	return {text: truncate(`${head}${bar}`.trimEnd(), width), tone: isLayerFinished(layer) ? 'done' : 'bar'};
}

function title(transfer: Transfer, width: number): PanelLine {
	const overall = overallProgress(transfer.progress);
	const counted = overall.layers > 0 ? ` · ${overall.finishedLayers}/${overall.layers} layers` : '';
	const noun = transfer.kind === 'pull' ? 'Pull' : 'Push';
	switch (transfer.state) {
		case 'running':
			return {text: truncate(`${transfer.kind === 'pull' ? 'Pulling' : 'Pushing'} ${transfer.reference}${counted} · esc cancels`, width), tone: 'title'};
		case 'done': {
			const digest = transfer.progress.digest === undefined ? '' : ` · ${transfer.progress.digest}`;
			return {text: truncate(`${transfer.kind === 'pull' ? 'Pulled' : 'Pushed'} ${transfer.reference}${digest} · esc closes`, width), tone: 'done'};
		}

		case 'cancelled':
			return {text: truncate(`${noun} of ${transfer.reference} cancelled${counted} · esc closes`, width), tone: 'muted'};
		case 'failed':
			return {text: truncate(`${noun} of ${transfer.reference} failed: ${transfer.error ?? 'unknown error'}`, width), tone: 'error'};
	}
}

/** Unfinished layers first when not all fit: they are the ones moving. */
function layersToShow(layers: readonly LayerProgress[]): {shown: LayerProgress[]; hidden: LayerProgress[]} {
	if (layers.length <= maxLayerLines) return {shown: [...layers], hidden: []};
	const room = maxLayerLines - 1;
	const ordered = [...layers.filter(layer => !isLayerFinished(layer)), ...layers.filter(layer => isLayerFinished(layer))];
	const picked = new Set(ordered.slice(0, room));
	return {shown: layers.filter(layer => picked.has(layer)), hidden: layers.filter(layer => !picked.has(layer))};
}

export function transferLines(transfers: readonly Transfer[], width: number): PanelLine[] {
	return transfers.slice(0, maxTransfers).flatMap(transfer => {
		const overall = overallProgress(transfer.progress);
		const {shown, hidden} = layersToShow(transfer.progress.layers);
		const hiddenDone = hidden.filter(layer => isLayerFinished(layer)).length;
		const more: PanelLine[] = hidden.length === 0 ? [] : [{text: truncate(`  … ${hidden.length} more layers (${hiddenDone} finished)`, width), tone: 'muted'}];
		const finished = transfer.state === 'done';
		const overallLine: PanelLine = {
			text: truncate(`  ${padEnd('overall', idWidth)}  ${padEnd('', statusWidth)} ${progressBar(finished ? 1 : overall.fraction, barWidth(width))} ${percent(finished ? 1 : overall.fraction)}`, width),
			tone: finished ? 'done' : 'bar',
		};
		return [title(transfer, width), overallLine, ...shown.map(layer => layerLine(layer, width)), ...more];
	});
}
