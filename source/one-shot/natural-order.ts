// The order `docker network ls` and `docker volume ls` sort names in (the CLI's
// fvbommel/sortorder NaturalLess): runs of digits compare as numbers (`v2` < `v10`),
// anything else byte by byte in UTF-8, so dtui lists them in the same order.

const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;

/** Negative, zero or positive, for Array.prototype.sort. */
export function compareNatural(left: string, right: string): number {
	const a = Buffer.from(left, 'utf8');
	const b = Buffer.from(right, 'utf8');
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const digitA = isDigit(a[i]);
		const digitB = isDigit(b[j]);
		// Digits sort before anything else.
		if (digitA !== digitB) return digitA ? -1 : 1;
		if (!digitA) {
			if (a[i] !== b[j]) return a[i]! - b[j]!;
			i++;
			j++;
			continue;
		}

		// Leading zeros aside, a longer number is larger; equal lengths compare as text;
		// equal numbers: fewer leading zeros first.
		const zerosFrom = [i, j];
		while (a[i] === 0x30) i++;
		while (b[j] === 0x30) j++;
		const startA = i;
		const startB = j;
		while (isDigit(a[i])) i++;
		while (isDigit(b[j])) j++;
		if (i - startA !== j - startB) return i - startA - (j - startB);
		const order = Buffer.compare(a.subarray(startA, i), b.subarray(startB, j));
		if (order !== 0) return order;
		if (startA - zerosFrom[0]! !== startB - zerosFrom[1]!) return startA - zerosFrom[0]! - (startB - zerosFrom[1]!);
	}

	return a.length - i - (b.length - j);
}
