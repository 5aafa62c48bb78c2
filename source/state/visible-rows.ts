import type {ListState} from './app-state.js';
import type {ResourceDescriptor} from './resource-descriptor.js';

/** The rows a list shows: live ones only unless showing all, then the `/` filter (case-insensitive substring). */
export function visibleRows<T>(descriptor: ResourceDescriptor<T>, items: readonly T[], list: ListState): T[] {
	const needle = list.filter.toLowerCase();
	return items.filter(item => (list.showAll || !descriptor.live || descriptor.live(item)) && (needle === '' || descriptor.searchText(item).includes(needle)));
}
