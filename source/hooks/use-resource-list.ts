import {useSyncExternalStore} from 'react';
import type {Engine} from '../engine/engine.js';
import type {Monitor} from '../engine/monitor.js';
import type {ResourceDescriptor} from '../state/resource-descriptor.js';
import type {RefreshOptions, ResourceList} from './list-store.js';
import {listStore} from './shared-list-store.js';

export type {RefreshOptions, ResourceList} from './list-store.js';

/** A descriptor's live list, shared with every other component that shows it. */
export function useResourceList<T>(descriptor: ResourceDescriptor<T>, engine: Engine, monitor: Monitor, options?: RefreshOptions): ResourceList<T> {
	const store = listStore(descriptor, engine, monitor, options);
	return useSyncExternalStore(store.subscribe, store.snapshot);
}
