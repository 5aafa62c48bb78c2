// `dtui ps`: the quick `docker ps` replacement, for people and scripts alike.
import type {ContainerSummary, Engine} from '../docker/engine.js';
import {formatPorts, humanDuration, shortId} from '../format.js';
import {displayWidth, truncate} from '../sanitize.js';
import {formatTable} from './print-table.js';

export type PsFormat = 'table' | 'wide' | 'json';

export type PsOptions = {
	readonly all: boolean;
	readonly quiet: boolean;
	readonly noTrunc: boolean;
	readonly format: PsFormat;
	readonly filters: Readonly<Record<string, readonly string[]>>;
	readonly now: number;
};

function command(container: ContainerSummary, noTrunc: boolean): string {
	const text = `"${container.command}"`;
	// Cut by cells and whole characters: cutting code units split an emoji's surrogate
	// pair, printed U+FFFD in its place and pushed the rest of the line out of its columns.
	return noTrunc || displayWidth(text) <= 20 ? text : `${truncate(text, 20)}"`;
}

function ago(container: ContainerSummary, now: number): string {
	return `${humanDuration(Math.max(0, now / 1000 - container.created))} ago`;
}

function createdAt(container: ContainerSummary): string {
	// The CLI's Go time layout: "2006-01-02 15:04:05 -0700 MST", in UTC here.
	return `${new Date(container.created * 1000).toISOString().replace('T', ' ').slice(0, 19)} +0000 UTC`;
}

function labels(container: ContainerSummary): string {
	return Object.entries(container.labels).map(([key, value]) => `${key}=${value}`).join(',');
}

/** One JSON object per line, with the field names `docker ps --format json` uses. */
function jsonLine(container: ContainerSummary, options: PsOptions): string {
	return JSON.stringify({
		Command: command(container, options.noTrunc),
		CreatedAt: createdAt(container),
		ID: options.noTrunc ? container.id : shortId(container.id),
		Image: container.image,
		Labels: labels(container),
		Mounts: (container.volumes ?? []).join(','),
		Names: container.name,
		Networks: (container.networks ?? []).map(network => network.name).join(','),
		Ports: formatPorts(container.ports),
		RunningFor: ago(container, options.now),
		State: container.state,
		Status: container.status,
	});
}

/** What `dtui ps` prints for these containers (already filtered by the daemon). */
export function formatPs(containers: readonly ContainerSummary[], options: PsOptions): string {
	if (options.quiet) return containers.map(container => `${options.noTrunc ? container.id : shortId(container.id)}\n`).join('');
	if (options.format === 'json') return containers.map(container => `${jsonLine(container, options)}\n`).join('');
	const id = (container: ContainerSummary) => (options.noTrunc ? container.id : shortId(container.id));
	if (options.format === 'wide') {
		// The free-form columns go last and, unless --no-trunc, are capped: one huge
		// label or command must not pad every other row to its width.
		return formatTable(
			['CONTAINER ID', 'NAMES', 'IMAGE', 'STATE', 'STATUS', 'CREATED', 'PORTS', 'NETWORKS', 'LABELS', 'COMMAND'],
			containers.map(container => [id(container), container.name, container.image, container.health ?? container.state, container.status, ago(container, options.now), formatPorts(container.ports), (container.networks ?? []).map(network => network.name).join(','), labels(container), command(container, true)]),
			options.noTrunc ? {} : {8: 60, 9: 80},
		);
	}

	return formatTable(
		['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
		containers.map(container => [id(container), container.image, command(container, options.noTrunc), ago(container, options.now), container.status, formatPorts(container.ports), container.name]),
		options.noTrunc ? {} : {1: 40},
	);
}

export async function runPs(engine: Engine, options: PsOptions, write: (text: string) => void): Promise<void> {
	const containers = await engine.listContainers(AbortSignal.timeout(15_000), {all: options.all, filters: options.filters});
	// Newest first, as docker ps lists them.
	write(formatPs([...containers].sort((a, b) => b.created - a.created || a.name.localeCompare(b.name)), options));
}
