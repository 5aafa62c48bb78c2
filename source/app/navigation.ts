// Moving between screens: the four resources in a ring (tab, shift+tab, 1–4), the
// system views (`:events`, `:df`, `:info`) that remember where they were opened from.
import type {ListKind, Route} from '../state/app-state.js';
import type {Command} from '../keymap/keymap.js';

export const resourceOrder: readonly ListKind[] = ['containers', 'images', 'networks', 'volumes'];

export type SystemView = 'events' | 'df' | 'info';

/** The resource a route belongs to: its own list, else the one it was opened from. */
export function homeOf(route: Route): ListKind {
	if (route.screen === 'list' && resourceOrder.includes(route.kind)) return route.kind;
	return 'back' in route && route.back ? homeOf(route.back) : 'containers';
}

function isSystemView(route: Route): boolean {
	return route.screen === 'df' || route.screen === 'info' || (route.screen === 'list' && route.kind === 'events');
}

/** A system view opened from `from`: `q` goes back there (one system view never stacks on another); `host`: a fleet's member it describes. */
export function systemRoute(view: SystemView, from: Route, host?: string): Route {
	const back = isSystemView(from) && 'back' in from && from.back ? from.back : from;
	return view === 'events' ? {screen: 'list', kind: 'events', back} : {screen: view, back, ...(host === undefined ? {} : {host})};
}

const direct: Partial<Record<Command, ListKind>> = {'app.containers': 'containers', 'app.images': 'images', 'app.networks': 'networks', 'app.volumes': 'volumes'};

/** Where a global navigation command goes from `route`; undefined for other commands. */
export function navigationFor(command: Command, route: Route): Route | undefined {
	const kind = direct[command];
	if (kind) return {screen: 'list', kind};
	if (command !== 'app.nextResource' && command !== 'app.previousResource') return undefined;
	const here = resourceOrder.indexOf(homeOf(route));
	const step = command === 'app.nextResource' ? 1 : -1;
	// From a screen opened over a list (events, inspect…), tab goes on from that list.
	const onList = route.screen === 'list' && resourceOrder.includes(route.kind);
	return {screen: 'list', kind: resourceOrder[(here + (onList ? step : step > 0 ? step : 0) + resourceOrder.length) % resourceOrder.length]!};
}
