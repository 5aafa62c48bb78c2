import type {DetailTab, Route} from '../state/app-state.js';
import type {ContainerSummary} from '../engine/engine.js';
import {formatAge, shortId} from '../text/format.js';
import {formatPorts} from '../text/ports.js';
import {composeProjects} from './compose.js';
import type {Operation, ResourceDescriptor, Tone} from '../state/resource-descriptor.js';

const live = new Set(['running', 'paused', 'restarting']);

/** Running (or paused / restarting) — the set `docker ps` shows without -a. */
export function isLive(container: ContainerSummary): boolean {
	return live.has(container.state);
}

function stateText(container: ContainerSummary): string {
	return container.health ?? container.state;
}

function stateTone(container: ContainerSummary): Tone {
	if (container.health === 'unhealthy' || container.state === 'dead') return 'bad';
	if (container.health === 'starting' || container.state === 'paused' || container.state === 'restarting') return 'warn';
	if (container.state === 'running') return 'good';
	return 'dim';
}

function operation(verb: Operation['progress'], done: string, dangerous: boolean, run: Operation['run']): Operation {
	return {progress: verb, done, dangerous, run};
}

function sameVerb<T>(targets: readonly T[], pick: (item: T) => string | undefined, mixed: string): string {
	const verbs = new Set(targets.map(item => pick(item)).filter(Boolean));
	return verbs.size === 1 ? [...verbs][0]! : mixed;
}

const detail = (container: ContainerSummary, tab: DetailTab, back: Route): Route => ({screen: 'container', container: {id: container.id, name: container.name}, tab, search: '', back});

const stop = (container: ContainerSummary) => operation('Stopping', 'stopped', true, async engine => engine.containerAction(container.id, 'stop'));
const start = (container: ContainerSummary) => operation('Starting', 'started', false, async engine => engine.containerAction(container.id, 'start'));

export const containers: ResourceDescriptor<ContainerSummary> = {
	kind: 'containers',
	title: 'Containers',
	scope: 'containers',
	list: async (engine, signal) => engine.listContainers(signal),
	id: container => container.id,
	label: container => container.name,
	columns: [
		{header: 'NAME', width: 'flex', minWidth: 12, value: container => container.name},
		{header: 'IMAGE', width: 'flex', minWidth: 10, dropOrder: 4, value: container => container.image},
		{header: 'STATE', width: 9, value: stateText, tone: stateTone},
		{header: 'STATUS', width: 'flex', minWidth: 14, dropOrder: 3, value: container => container.status},
		{header: 'PORTS', width: 'flex', minWidth: 10, dropOrder: 2, value: container => formatPorts(container.ports)},
		{header: 'AGE', width: 4, align: 'right', dropOrder: 5, value: (container, now) => formatAge(container.created, now)},
		{header: 'ID', width: 12, dropOrder: 1, value: container => shortId(container.id)},
		// Last and first to go: the widest, least predictable text (whoever built the image wrote it).
		{header: 'COMMAND', width: 'flex', minWidth: 10, dropOrder: 0, fillsLast: true, value: container => container.command},
	],
	// Running first, then by name: what a person scans for.
	live: isLive,
	stateOf: container => container.state,
	sort: (a, b) => Number(isLive(b)) - Number(isLive(a)) || a.name.localeCompare(b.name),
	searchText: container => `${container.name}\n${container.image}\n${container.id}\n${container.status}`.toLowerCase(),
	refreshOn: ['container'],
	// The Top tab asks every 2 s and each ask is an event; a shell is three (create, start, die).
	quietActions: ['top', 'exec_create', 'exec_start', 'exec_die', 'attach', 'detach', 'resize', 'archive-path', 'extract-to-dir', 'export'],
	emptyMessage: 'No containers',
	group: composeProjects,
	// A container's own screen has the inspect document as a tab, next to its logs, stats and processes.
	opens: {
		'container.open': (container, back) => detail(container, 'logs', back),
		'container.logs': (container, back) => detail(container, 'logs', back),
		'list.inspect': (container, back) => detail(container, 'inspect', back),
		'container.exec': (container, back) => ({screen: 'session', mode: 'exec', container: {id: container.id, name: container.name}, back}),
		'container.attach': (container, back) => ({screen: 'session', mode: 'attach', container: {id: container.id, name: container.name}, back}),
	},
	opensMany: {
		'container.logs': (items, title, back) => ({screen: 'logs', containers: items.map(item => ({id: item.id, name: item.name})), title, search: '', back}),
	},
	actions: {
		'container.startStop': {
			verb: targets => sameVerb(targets, item => (isLive(item) ? 'Stop' : 'Start'), 'Start / stop'),
			plan: container => (isLive(container) ? stop(container) : start(container)),
			// A project is one thing: stopped while any of it runs, else started.
			planGroup: members => (members.some(isLive) ? container => (isLive(container) ? stop(container) : undefined) : start),
		},
		'container.restart': {
			verb: () => 'Restart',
			plan: container => operation('Restarting', 'restarted', false, async engine => engine.containerAction(container.id, 'restart')),
		},
		'container.pause': {
			verb: targets => sameVerb(targets, item => (item.state === 'paused' ? 'Unpause' : 'Pause'), 'Pause / unpause'),
			plan(container) {
				if (container.state === 'paused') return operation('Unpausing', 'unpaused', false, async engine => engine.containerAction(container.id, 'unpause'));
				if (container.state === 'running') return operation('Pausing', 'paused', false, async engine => engine.containerAction(container.id, 'pause'));
				return undefined;
			},
		},
		'container.kill': {
			verb: () => 'Kill',
			plan: container => (isLive(container) ? operation('Killing', 'killed', true, async engine => engine.containerAction(container.id, 'kill')) : undefined),
		},
		'container.remove': {
			verb: () => 'Remove',
			plan: container => operation('Removing', 'removed', true, async (engine, {force}) => engine.remove('containers', container.id, {force})),
			offersForce: targets => targets.some(item => isLive(item)),
		},
	},
};
