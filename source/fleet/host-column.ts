// In a fleet every list starts with the host a row came from, `/` finds rows by it, and
// every question and message about a row says which host it is on.
import {useMemo} from 'react';
import type {Engine} from '../docker/engine.js';
import {displayWidth} from '../sanitize.js';
import type {ResourceDescriptor} from '../views/resource-descriptor.js';
import {fleetOf, type Fleet} from './fleet.js';

const maxHostWidth = 20;

export function withHostColumn<T>(descriptor: ResourceDescriptor<T>, fleet: Fleet): ResourceDescriptor<T> {
	const host = (item: T) => fleet.ownerOf(descriptor.origin?.(item) ?? descriptor.id(item))?.label ?? '';
	const width = Math.min(maxHostWidth, Math.max(4, ...fleet.members.map(member => displayWidth(member.label))));
	return {
		...descriptor,
		columns: [{header: 'HOST', width, value: host}, ...descriptor.columns],
		// Every dialog and message names the host too: "Stop web on db2?".
		label: item => `${descriptor.label(item)} on ${host(item)}`,
		searchText: item => `${host(item).toLowerCase()}\n${descriptor.searchText(item)}`,
	};
}

/** The descriptor as the engine's views show it: with a HOST column when it is a fleet. */
export function useHostColumn<T>(descriptor: ResourceDescriptor<T>, engine: Engine): ResourceDescriptor<T> {
	const fleet = fleetOf(engine);
	return useMemo(() => (fleet ? withHostColumn(descriptor, fleet) : descriptor), [descriptor, fleet]);
}
