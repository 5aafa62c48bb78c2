// `dtui networks`: the rows of `docker network ls`.
import type {NetworkSummary} from '../engine/objects.js';
import {shortId} from '../text/format.js';
import {goTime, joinLabels, type Listing, type RowOptions} from './listing.js';
import {compareNatural} from './natural-order.js';

/** By name, in the CLI's natural order (the daemon's own order is its map's). */
export function networkListing(networks: readonly NetworkSummary[], options: RowOptions): Listing {
	return {
		headers: ['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'],
		rows: [...networks].sort((a, b) => compareNatural(a.name, b.name)).map(network => {
			const id = options.noTrunc ? network.id : shortId(network.id);
			return {
				cells: [id, network.name, network.driver, network.scope],
				// The CLI's CreatedAt has nanoseconds; dtui keeps whole seconds.
				json: {
					CreatedAt: goTime(network.created),
					Driver: network.driver,
					ID: id,
					IPv4: String(network.enableIPv4 === true),
					IPv6: String(network.enableIPv6 === true),
					Internal: String(network.internal),
					Labels: joinLabels(network.labels),
					Name: network.name,
					Scope: network.scope,
				},
				id,
			};
		}),
	};
}
