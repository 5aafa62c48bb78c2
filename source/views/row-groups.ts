// Rows that belong together (a compose project's containers) shown under one row
// that folds. Pure: the generic view arranges its filtered rows with this, and a list
// whose items have no group comes out exactly as it went in.
import type {Column, GroupSpec, ResourceDescriptor} from '../state/resource-descriptor.js';

export type DisplayRow<T> =
	| {readonly kind: 'item'; readonly id: string; readonly item: T; readonly member: boolean}
	| {readonly kind: 'group'; readonly id: string; readonly key: string; readonly members: readonly T[]; readonly folded: boolean};

export function groupRowId(key: string): string {
	return `group:${key}`;
}

/**
 * Items in their sorted order; each group's row where its first shown member would be,
 * its shown members right after it (none while folded). Members counted in the group
 * row are all of the group's items, filtered or not: an action on a project is on all of it.
 */
export function arrangeRows<T>(descriptor: ResourceDescriptor<T>, shown: readonly T[], all: readonly T[], folded: ReadonlySet<string> = new Set()): Array<DisplayRow<T>> {
	const spec = descriptor.group;
	const item = (value: T, member: boolean): DisplayRow<T> => ({kind: 'item', id: descriptor.id(value), item: value, member});
	if (!spec) return shown.map(value => item(value, false));
	const byGroup = new Map<string, T[]>();
	for (const value of all) {
		const key = spec.key(value);
		if (key !== undefined) byGroup.set(key, [...(byGroup.get(key) ?? []), value]);
	}

	const rows: Array<DisplayRow<T>> = [];
	const placed = new Set<string>();
	for (const value of shown) {
		const key = spec.key(value);
		if (key === undefined) {
			rows.push(item(value, false));
			continue;
		}

		if (placed.has(key)) continue;
		placed.add(key);
		const id = groupRowId(key);
		rows.push({kind: 'group', id, key, members: byGroup.get(key) ?? [value], folded: folded.has(id)});
		if (!folded.has(id)) rows.push(...shown.filter(other => spec.key(other) === key).map(other => item(other, true)));
	}

	return rows;
}

/** The descriptor's columns over display rows: members indented, group rows from GroupSpec.cells. */
export function displayColumns<T>(columns: ReadonlyArray<Column<T>>, spec: GroupSpec<T> | undefined): Array<Column<DisplayRow<T>>> {
	return columns.map((column, index) => ({
		...column,
		value(row: DisplayRow<T>, now: number) {
			if (row.kind === 'item') return (row.member && index === 0 ? '  ' : '') + column.value(row.item, now);
			const cell = spec?.cells(row.key, row.members)[column.header] ?? '';
			return index === 0 ? `${row.folded ? '▸' : '▾'} ${cell || row.key}` : cell;
		},
		tone: (row: DisplayRow<T>) => (row.kind === 'item' ? column.tone?.(row.item) : undefined),
	}));
}

/** The items a row stands for: itself, or every member of its group. */
export function itemsOf<T>(row: DisplayRow<T> | undefined): T[] {
	if (!row) return [];
	return row.kind === 'item' ? [row.item] : [...row.members];
}
