// `dtui volumes`: the rows of `docker volume ls` (which has no --no-trunc: names are whole).
import type {VolumeSummary} from '../engine/objects.js';
import {formatBytes} from '../text/format.js';
import {joinLabels, type Listing} from './listing.js';
import {compareNatural} from './natural-order.js';

/** By name, in the CLI's natural order. The fields only cluster volumes have are `N/A`, as the CLI prints them. */
export function volumeListing(volumes: readonly VolumeSummary[]): Listing {
	return {
		headers: ['DRIVER', 'VOLUME NAME'],
		rows: [...volumes].sort((a, b) => compareNatural(a.name, b.name)).map(volume => ({
			cells: [volume.driver, volume.name],
			json: {
				Availability: 'N/A',
				Driver: volume.driver,
				Group: 'N/A',
				Labels: joinLabels(volume.labels),
				Links: volume.refCount === undefined ? 'N/A' : String(volume.refCount),
				Mountpoint: volume.mountpoint,
				Name: volume.name,
				Scope: volume.scope,
				Size: volume.size === undefined ? 'N/A' : formatBytes(volume.size, 4),
				Status: 'N/A',
			},
			id: volume.name,
		})),
	};
}
