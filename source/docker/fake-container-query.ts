import type {ContainerQuery, ContainerSummary} from './engine.js';

const live = new Set(['running', 'paused', 'restarting']);

function matchesOne(container: ContainerSummary, key: string, value: string): boolean {
	switch (key) {
		case 'name': return new RegExp(value).test(container.name);
		case 'id': return container.id.startsWith(value);
		case 'status': return container.state === value;
		case 'health': return (container.health ?? 'none') === value;
		case 'ancestor': return container.image === value || container.image.split(':')[0] === value;
		case 'label': {
			const [name = '', wanted] = value.split('=', 2);
			return name in container.labels && (wanted === undefined || container.labels[name] === wanted);
		}

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
