// Stats figures written the way `docker stats` writes them: memory in binary units
// (MiB, GiB), traffic in decimal ones (kB, MB), percentages with two decimals.
import {formatBytes} from './format.js';

const binaryUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** go-units BytesSize: base 1024, four significant digits ("23.54GiB", "12.5MiB", "324KiB"). */
export function formatBinaryBytes(bytes: number | undefined): string {
	if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '-';
	let size = bytes;
	let unit = 0;
	while (size >= 1024 && unit < binaryUnits.length - 1) {
		size /= 1024;
		unit++;
	}

	return `${Number(size.toPrecision(4))}${binaryUnits[unit]!}`;
}

export function formatPercent(value: number | undefined): string {
	return value === undefined || !Number.isFinite(value) ? '--' : `${value.toFixed(2)}%`;
}

export function formatRate(bytesPerSecond: number | undefined): string {
	return bytesPerSecond === undefined ? '-' : `${formatBytes(bytesPerSecond)}/s`;
}
