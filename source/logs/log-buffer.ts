// A bounded log: a ring of the newest `capacity` lines. Lines are addressed by an
// absolute index that keeps counting as old lines fall off the front, so a scroll
// position or a search match stays on its line while the log moves on.

export class RingBuffer<T> {
	private readonly slots: Array<T | undefined>;
	/** Storage index of the oldest line. */
	private head = 0;
	private size = 0;
	/** Lines that fell off the front (or were cleared): the absolute index of the oldest kept line. */
	private dropped = 0;

	constructor(readonly capacity: number) {
		if (!(capacity >= 1)) throw new RangeError('a ring buffer holds at least one line');
		this.slots = new Array<T | undefined>(Math.floor(capacity));
	}

	/** Absolute index of the oldest line kept. */
	get start(): number {
		return this.dropped;
	}

	/** One past the absolute index of the newest line. */
	get end(): number {
		return this.dropped + this.size;
	}

	get length(): number {
		return this.size;
	}

	at(index: number): T | undefined {
		if (index < this.dropped || index >= this.end) return undefined;
		return this.slots[(this.head + index - this.dropped) % this.slots.length];
	}

	push(items: readonly T[]): void {
		for (const item of items) {
			if (this.size === this.slots.length) {
				// Full: the newest line takes the oldest one's slot.
				this.slots[this.head] = item;
				this.head = (this.head + 1) % this.slots.length;
				this.dropped++;
			} else {
				this.slots[(this.head + this.size) % this.slots.length] = item;
				this.size++;
			}
		}
	}

	/** Removes the lines from absolute index `from` to the end and returns them, oldest first. */
	takeFrom(from: number): T[] {
		const first = Math.max(from, this.dropped);
		const taken: T[] = [];
		for (let index = first; index < this.end; index++) taken.push(this.at(index)!);
		for (let index = first; index < this.end; index++) this.slots[(this.head + index - this.dropped) % this.slots.length] = undefined;
		this.size = Math.max(0, first - this.dropped);
		return taken;
	}

	/** Forgets every line; absolute indexes keep counting, so old positions cannot land on new lines. */
	clear(): void {
		this.slots.fill(undefined);
		this.dropped += this.size;
		this.head = 0;
		this.size = 0;
	}

	/** The first absolute index whose line is not `isBefore` the point sought (binary search over an ordered buffer). */
	lowerBound(isBefore: (kept: T) => boolean): number {
		let low = this.dropped;
		let high = this.end;
		while (low < high) {
			const middle = Math.floor((low + high) / 2);
			if (isBefore(this.at(middle)!)) low = middle + 1;
			else high = middle;
		}

		return low;
	}
}

/**
 * Adds `batch` to a buffer kept in `order`: appended when it is all newer (one
 * container, or lines arriving in time), else merged into the tail. Returns the
 * absolute index from which lines changed, for whatever indexes them (search).
 */
export function mergeInOrder<T>(buffer: RingBuffer<T>, batch: readonly T[], order: (item: T) => number): number {
	const sorted = [...batch].sort((a, b) => order(a) - order(b));
	const first = sorted[0];
	const newest = buffer.at(buffer.end - 1);
	if (first === undefined) return buffer.end;
	if (newest === undefined || !(order(first) < order(newest))) {
		const from = buffer.end;
		buffer.push(sorted);
		return from;
	}

	const from = buffer.lowerBound(kept => !(order(kept) > order(first)));
	const tail = buffer.takeFrom(from);
	const merged: T[] = [];
	let a = 0;
	let b = 0;
	while (a < tail.length || b < sorted.length) {
		// Equal times keep the line that was there first.
		if (b >= sorted.length || (a < tail.length && !(order(sorted[b]!) < order(tail[a]!)))) merged.push(tail[a++]!);
		else merged.push(sorted[b++]!);
	}

	buffer.push(merged);
	return from;
}
