// Every resource the generic list view shows, by kind: adding a resource is adding
// its descriptor here (and its kind to ListKind in app-state.ts).
import type {ListKind} from '../state/app-state.js';
import type {ResourceDescriptor} from '../state/resource-descriptor.js';
import {containers} from './containers.js';
import {events} from './events.js';
import {images} from './images.js';
import {networks} from './networks.js';
import {volumes} from './volumes.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry is typed by its own descriptor
export const descriptors: Record<ListKind, ResourceDescriptor<any>> = {
	containers,
	images,
	networks,
	volumes,
	events,
};
