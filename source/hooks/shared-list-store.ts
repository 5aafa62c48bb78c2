// Which live list a view gets: one per (engine, resource), made on first use and shared
// by everything that shows it; a fleet's is its members' lists merged.
import type {Engine} from '../engine/engine.js';
import type {Monitor} from '../engine/monitor.js';
import {fleetOf} from '../fleet/fleet.js';
import type {ResourceDescriptor} from '../state/resource-descriptor.js';
import {createListStore, type ListStore, type RefreshOptions} from './list-store.js';
import {mergedListStore} from './merged-list-store.js';

const stores = new WeakMap<Engine, WeakMap<ResourceDescriptor<unknown>, ListStore<unknown>>>();

/** The shared store for this engine and resource (options apply when it is first made); a fleet's merges its members'. */
export function listStore<T>(descriptor: ResourceDescriptor<T>, engine: Engine, monitor: Monitor, options: RefreshOptions = {}): ListStore<T> {
	let byDescriptor = stores.get(engine);
	if (!byDescriptor) {
		byDescriptor = new WeakMap();
		stores.set(engine, byDescriptor);
	}

	let store = byDescriptor.get(descriptor as ResourceDescriptor<unknown>);
	if (!store) {
		const fleet = fleetOf(engine);
		store = (fleet && !descriptor.local
			? mergedListStore(descriptor, fleet, fleet.members.map(member => listStore(descriptor, member.engine, member.monitor, options)))
			: createListStore(descriptor, engine, monitor, options)) as ListStore<unknown>;
		byDescriptor.set(descriptor as ResourceDescriptor<unknown>, store);
	}

	return store as ListStore<T>;
}
