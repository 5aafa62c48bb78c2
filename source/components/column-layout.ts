import type {Column} from '../state/resource-descriptor.js';

export type PlacedColumn<T> = Column<T> & {readonly cells: number};

/** Cells between two columns. */
export const gap = 1;

function minimum<T>(column: Column<T>): number {
	return column.width === 'flex' ? (column.minWidth ?? 8) : column.width;
}

function needed<T>(columns: ReadonlyArray<Column<T>>): number {
	return columns.reduce((sum, column) => sum + minimum(column), 0) + gap * Math.max(0, columns.length - 1);
}

/**
 * Fit columns into `width` cells. Drop the least important (lowest dropOrder) until
 * the minimums fit; flexible columns then get what their widest value needs
 * (`natural`), and when that is too much, the widest give way first, so a long
 * STATUS never squeezes a short NAME.
 */
export function layoutColumns<T>(columns: ReadonlyArray<Column<T>>, width: number, natural: (column: Column<T>) => number = () => Number.POSITIVE_INFINITY): Array<PlacedColumn<T>> {
	let kept = [...columns];
	const droppable = columns.filter(column => column.dropOrder !== undefined).sort((a, b) => a.dropOrder! - b.dropOrder!);
	while (needed(kept) > width && droppable.length > 0) {
		const drop = droppable.shift()!;
		kept = kept.filter(column => column !== drop);
	}

	// A column that fills last (a command) is only shown when every other column gets what it wants.
	const othersWant = kept.filter(column => column.width === 'flex' && !column.fillsLast).reduce((sum, column) => sum + Math.max(0, natural(column) - minimum(column)), 0);
	if (othersWant > width - needed(kept)) kept = kept.filter(column => !column.fillsLast);

	const placed = kept.map(column => ({...column, cells: minimum(column)}));
	const flex = placed.filter(column => column.width === 'flex');
	const wants = new Map(flex.map(column => [column, Math.max(column.cells, natural(column))]));
	let spare = Math.max(0, width - needed(kept));
	// Water-filling: raise the narrowest wanting column one cell at a time… in bulk. Columns
	// that fill last (a command) only get what the others leave.
	for (const round of [flex.filter(column => !column.fillsLast), flex.filter(column => column.fillsLast)]) {
		while (spare > 0) {
			const hungry = round.filter(column => column.cells < wants.get(column)!);
			if (hungry.length === 0) break;
			const share = Math.max(1, Math.floor(spare / hungry.length));
			for (const column of hungry) {
				const give = Math.min(share, wants.get(column)! - column.cells, spare);
				column.cells += give;
				spare -= give;
				if (spare === 0) break;
			}
		}
	}

	// Still too wide (a tiny terminal): the last columns give up cells.
	let over = needed(kept) - width;
	for (let index = placed.length - 1; index >= 0 && over > 0; index--) {
		const column = placed[index]!;
		const give = Math.min(over, column.cells - 1);
		column.cells -= give;
		over -= give;
	}

	return placed;
}
