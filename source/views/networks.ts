import type {ContainerSummary, Engine} from '../engine/engine.js';
import type {NetworkSummary} from '../engine/objects.js';
import {pluralize, shortId} from '../text/format.js';
import {isLive} from './containers.js';
import type {ResourceDescriptor} from '../state/resource-descriptor.js';

export type NetworkRow = {
	readonly network: NetworkSummary;
	/** Running containers on it: they have endpoints, which keep it from being removed. */
	readonly attached: readonly string[];
	/** Stopped containers configured on it: removing it breaks their next start. */
	readonly configured: readonly string[];
};

/** The networks dockerd makes itself; it refuses to remove them. */
const builtin = new Set(['bridge', 'host', 'none']);
export const isBuiltin = (row: NetworkRow) => builtin.has(row.network.name);

export function networkRows(networks: readonly NetworkSummary[], containers: readonly ContainerSummary[]): NetworkRow[] {
	return networks.map(network => {
		// A stopped container's network id is empty: match by name too.
		const on = containers.filter(container => (container.networks ?? []).some(link => link.id === network.id || link.name === network.name));
		return {network, attached: on.filter(isLive).map(container => container.name), configured: on.filter(container => !isLive(container)).map(container => container.name)};
	});
}

async function listNetworkRows(engine: Engine, signal: AbortSignal): Promise<NetworkRow[]> {
	const [networks, containers] = await Promise.all([engine.listNetworks(signal), engine.listContainers(signal)]);
	return networkRows(networks, containers);
}

function containersText(row: NetworkRow): string {
	const stopped = row.configured.length > 0 ? `stopped: ${row.configured.join(', ')}` : '';
	return [row.attached.join(', '), stopped].filter(Boolean).join(' · ');
}

async function prune(engine: Engine): Promise<string> {
	const result = await engine.prune('networks');
	return result.deleted.length === 0 ? 'Pruned networks: none removed' : `Pruned networks: ${result.deleted.join(', ')} removed`;
}

export const networks: ResourceDescriptor<NetworkRow> = {
	kind: 'networks',
	title: 'Networks',
	scope: 'objects',
	list: listNetworkRows,
	id: row => row.network.id,
	label: row => row.network.name,
	columns: [
		{header: 'NAME', width: 'flex', minWidth: 10, value: row => row.network.name, tone: row => (isBuiltin(row) ? 'dim' : undefined)},
		{header: 'DRIVER', width: 7, value: row => row.network.driver},
		{header: 'SCOPE', width: 6, dropOrder: 2, value: row => row.network.scope},
		{header: 'SUBNET', width: 'flex', minWidth: 11, dropOrder: 3, value: row => row.network.subnets.join(', ')},
		{header: 'INTERNAL', width: 8, dropOrder: 4, value: row => (row.network.internal ? 'internal' : ''), tone: () => 'warn'},
		{header: 'CONTAINERS', width: 'flex', minWidth: 10, value: containersText, tone: row => (row.attached.length > 0 ? 'good' : 'dim')},
		{header: 'ID', width: 12, dropOrder: 1, value: row => shortId(row.network.id)},
	],
	sort: (a, b) => a.network.name.localeCompare(b.network.name),
	stateOf: row => (isBuiltin(row) ? 'built in: the daemon needs it and refuses to remove it' : row.attached.length > 0 ? `in use by ${row.attached.join(', ')}` : 'unused'),
	searchText: row => `${row.network.name}\n${row.network.id}\n${row.network.driver}\n${row.network.subnets.join('\n')}\n${row.attached.join('\n')}`.toLowerCase(),
	refreshOn: ['network', 'container'],
	emptyMessage: 'No networks',
	actions: {
		'resource.remove': {
			verb: () => 'Remove',
			// The built-in ones are refused here, with the reason, instead of by the daemon.
			plan: row => (isBuiltin(row) ? undefined : {progress: 'Removing', done: 'removed', dangerous: true, run: async engine => engine.remove('networks', row.network.id)}),
		},
		'resource.prune': {
			verb: () => 'Prune',
			bulk: {
				// What the daemon's prune takes: not built in, no container running on it.
				pick: rows => rows.filter(row => !isBuiltin(row) && row.attached.length === 0),
				summary: rows => {
					const broken = rows.filter(row => row.configured.length > 0).length;
					return broken > 0 ? `${pluralize(broken, 'network')} still configured in stopped containers` : 'Networks take no disk space';
				},
				progress: 'Pruning',
				run: async engine => prune(engine),
			},
		},
	},
	opens: {
		'list.inspect': (row, back) => ({screen: 'inspect', kind: 'networks', id: row.network.id, title: `Network ${row.network.name}`, search: '', back}),
	},
};
