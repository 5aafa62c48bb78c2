// A fleet's list: each member's own list store (its own fetches, events, polls and
// timeouts: a hung host delays nothing but its own rows) merged into one. Rows of a
// host that is down are left out rather than shown stale: what cannot be acted on is
// not offered. A host that comes back (even one that never answered) is fetched again.
// The first list waits a moment for every host, so rows of a slower one do not arrive
// above the cursor; a host that is slower still joins when it answers.
import type {Fleet} from '../fleet/fleet.js';
import type {ResourceDescriptor} from '../state/resource-descriptor.js';
import type {ListStore, ResourceList} from './list-store.js';
import {listened} from './listened.js';

/** How long the first list waits for the hosts that have not answered yet. */
const firstListGraceMs = 500;

export function mergedListStore<T>(descriptor: ResourceDescriptor<T>, fleet: Fleet, stores: ReadonlyArray<ListStore<T>>): ListStore<T> {
	let merged: ResourceList<T> = {items: [], loaded: false};
	const subscription = listened(start);
	/** Set once the first list is shown: from then on every host's rows show as they come. */
	let shown = false;
	let grace: NodeJS.Timeout | undefined;

	function recompute() {
		const items: T[] = [];
		const errors: string[] = [];
		let some = false;
		let all = true;
		let live = 0;
		fleet.members.forEach((member, index) => {
			if (member.monitor.status().state === 'disconnected') return;
			live++;
			const list = stores[index]!.snapshot();
			if (list.loaded) {
				some = true;
				items.push(...list.items);
			} else {
				all = false;
			}

			if (list.error !== undefined) errors.push(`${member.label}: ${list.error}`);
		});
		if (some && !all && !shown) {
			grace ??= setTimeout(() => {
				shown = true;
				recompute();
			}, firstListGraceMs);
			return;
		}

		shown ||= some;
		if (live === 0) errors.push('no host is connected');
		merged = {items: items.sort(descriptor.sort), loaded: some, ...(errors.length > 0 ? {error: errors.join('; ')} : {})};
		subscription.notify();
	}

	function start(): () => void {
		const offs = stores.map(store => store.subscribe(recompute));
		fleet.members.forEach((member, index) => {
			let was = member.monitor.status().state;
			offs.push(
				member.monitor.onStatus(() => {
					const now = member.monitor.status().state;
					if (now === was) return;
					// A member's own store refetches on a reconnection, not on a first connection.
					if (now === 'connected') stores[index]!.refresh();
					was = now;
					recompute();
				}),
			);
		});
		recompute();
		return () => {
			for (const off of offs) off();
			clearTimeout(grace);
			grace = undefined;
		};
	}

	return {
		subscribe: subscription.subscribe,
		snapshot: () => merged,
		refresh() {
			for (const store of stores) store.refresh();
		},
		prime(items) {
			stores.forEach((store, index) => {
				const member = fleet.members[index]!;
				store.prime(items.filter(item => fleet.ownerOf(descriptor.id(item)) === member));
			});
		},
	};
}
