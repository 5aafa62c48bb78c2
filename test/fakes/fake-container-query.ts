import type {ContainerQuery, ContainerSummary} from '../../source/engine/engine.js';

const live = new Set(['running', 'paused', 'restarting']);

/** `label=KEY` (it has the label) or `label=KEY=VALUE` (with that value), as every daemon list filters. */
export function matchesLabel(labels: Readonly<Record<string, string>>, value: string): boolean {
	const at = value.indexOf('=');
	const name = at === -1 ? value : value.slice(0, at);
	return name in labels && (at === -1 || labels[name] === value.slice(at + 1));
}

function matchesOne(container: ContainerSummary, key: string, value: string): boolean {
	switch (key) {
		case 'name': return new RegExp(value).test(container.name);
		case 'id': return container.id.startsWith(value);
		case 'status': return container.state === value;
		case 'health': return (container.health ?? 'none') === value;
		case 'ancestor': return container.image === value || container.image.split(':')[0] === value;
		case 'label': return matchesLabel(container.labels, value);

		case 'exited': return container.state === 'exited' && new RegExp(`^Exited \\(${value}\\)`).test(container.status);
		case 'network': return (container.networks ?? []).some(network => network.name === value || network.id === value);
		case 'volume': return (container.volumes ?? []).includes(value);
		default: return false;
	}
}

/**
 * The daemon's `docker ps` filtering, for the fake engine: values of one key OR,
 * different keys AND. Close enough for component tests; the real daemon filters
 * real lists (and the end-to-end tests compare dtui ps with docker ps).
 */
export function matchesQuery(container: ContainerSummary, query: ContainerQuery | undefined): boolean {
	if (!query) return true;
	if (query.all === false && !live.has(container.state)) return false;
	return Object.entries(query.filters ?? {}).every(([key, values]) => values.some(value => matchesOne(container, key, value)));
}
