// In a fleet every list starts with the host a row came from, `/` finds rows by it, and
// every question and message about a row says which host it is on.
import {useMemo} from 'react';
import type {Engine} from '../engine/engine.js';
import {displayWidth} from '../text/cell-width.js';
import type {ResourceDescriptor} from '../state/resource-descriptor.js';
import {fleetOf, type Fleet} from '../fleet/fleet.js';

const maxHostWidth = 20;

export function withHostColumn<T>(descriptor: ResourceDescriptor<T>, fleet: Fleet): ResourceDescriptor<T> {
	const host = (item: T) => fleet.ownerOf(descriptor.origin?.(item) ?? descriptor.id(item))?.label ?? '';
	const group = descriptor.group;
	/** A group (a compose project) is one per host: `shop on web1`, its own name kept for the clipboard. */
	const names = new Map<string, string>();
	// Grouped lists draw a fold marker or an indent before the first column's text.
	const width = Math.min(maxHostWidth, Math.max(4, ...fleet.members.map(member => displayWidth(member.label)))) + (group ? 2 : 0);
	return {
		...descriptor,
		columns: [{header: 'HOST', width, value: host}, ...descriptor.columns],
		// Every dialog and message names the host too: "Stop web on db2?".
		label: item => `${descriptor.label(item)} on ${host(item)}`,
		searchText: item => `${host(item).toLowerCase()}\n${descriptor.searchText(item)}`,
		...(group
			? {
					group: {
						...group,
						key(item: T) {
							const own = group.key(item);
							if (own === undefined) return undefined;
							const key = `${own} on ${host(item)}`;
							names.set(key, own);
							return key;
						},
						name: (key: string) => names.get(key) ?? key,
						cells: (key: string, members: readonly T[]) => ({...group.cells(names.get(key) ?? key, members), HOST: members[0] === undefined ? '' : host(members[0])}),
					},
				}
			: {}),
	};
}

/** The descriptor as the engine's views show it: with a HOST column when it is a fleet. */
export function useHostColumn<T>(descriptor: ResourceDescriptor<T>, engine: Engine): ResourceDescriptor<T> {
	const fleet = fleetOf(engine);
	return useMemo(() => (fleet ? withHostColumn(descriptor, fleet) : descriptor), [descriptor, fleet]);
}
