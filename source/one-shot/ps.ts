// `dtui ps`: the quick `docker ps` replacement, for people and scripts alike.
import type {ContainerSummary, Engine} from '../engine/engine.js';
import {shortId} from '../text/format.js';
import {formatPorts} from '../text/ports.js';
import {displayWidth, truncate} from '../text/cell-width.js';
import {goTime, joinLabels, outputMode, renderListings, timeAgo, type ListFormat, type Listing, type ListOptions} from './listing.js';

export type PsFormat = ListFormat;
export type PsOptions = ListOptions;

function command(container: ContainerSummary, noTrunc: boolean): string {
	const text = `"${container.command}"`;
	// Cut by cells and whole characters: cutting code units split an emoji's surrogate
	// pair, printed U+FFFD in its place and pushed the rest of the line out of its columns.
	return noTrunc || displayWidth(text) <= 20 ? text : `${truncate(text, 20)}"`;
}

const ago = (container: ContainerSummary, now: number) => timeAgo(container.created, now);

/** One JSON object per line, with the field names `docker ps --format json` uses. */
function jsonFields(container: ContainerSummary, options: PsOptions): Record<string, string> {
	return {
		Command: command(container, options.noTrunc),
		CreatedAt: goTime(container.created),
		ID: options.noTrunc ? container.id : shortId(container.id),
		Image: container.image,
		Labels: joinLabels(container.labels),
		Mounts: (container.volumes ?? []).join(','),
		Names: container.name,
		Networks: (container.networks ?? []).map(network => network.name).join(','),
		Ports: formatPorts(container.ports),
		RunningFor: ago(container, options.now),
		State: container.state,
		Status: container.status,
	};
}

/** The rows of `dtui ps` for these containers (already filtered by the daemon), in the order given. */
export function psListing(containers: readonly ContainerSummary[], options: PsOptions): Listing {
	const id = (container: ContainerSummary) => (options.noTrunc ? container.id : shortId(container.id));
	const row = (container: ContainerSummary, cells: string[]) => ({cells, json: jsonFields(container, options), id: id(container)});
	if (options.format === 'wide') {
		// The free-form columns go last and, unless --no-trunc, are capped: one huge
		// label or command must not pad every other row to its width.
		return {
			headers: ['CONTAINER ID', 'NAMES', 'IMAGE', 'STATE', 'STATUS', 'CREATED', 'PORTS', 'NETWORKS', 'LABELS', 'COMMAND'],
			rows: containers.map(container => row(container, [id(container), container.name, container.image, container.health ?? container.state, container.status, ago(container, options.now), formatPorts(container.ports), (container.networks ?? []).map(network => network.name).join(','), joinLabels(container.labels), command(container, true)])),
			maxWidth: options.noTrunc ? {} : {8: 60, 9: 80},
		};
	}

	return {
		headers: ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
		rows: containers.map(container => row(container, [id(container), container.image, command(container, options.noTrunc), ago(container, options.now), container.status, formatPorts(container.ports), container.name])),
		maxWidth: options.noTrunc ? {} : {1: 40},
	};
}

/** What `dtui ps` prints for these containers (already filtered by the daemon). */
export function formatPs(containers: readonly ContainerSummary[], options: PsOptions): string {
	return renderListings([{listing: psListing(containers, options)}], outputMode(options));
}

/** The daemon's answer in `docker ps` order: newest first. */
export async function listPs(engine: Engine, options: Pick<PsOptions, 'all' | 'filters'>, signal: AbortSignal): Promise<ContainerSummary[]> {
	const containers = await engine.listContainers(signal, {all: options.all, filters: options.filters});
	return [...containers].sort((a, b) => b.created - a.created || a.name.localeCompare(b.name));
}

export async function runPs(engine: Engine, options: PsOptions, write: (text: string) => void): Promise<void> {
	write(formatPs(await listPs(engine, options, AbortSignal.timeout(15_000)), options));
}
