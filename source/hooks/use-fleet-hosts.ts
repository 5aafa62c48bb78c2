// Each host of a fleet as the header shows it: its connection and its containers.
import {useCallback, useRef, useSyncExternalStore} from 'react';
import type {ContainerSummary} from '../engine/engine.js';
import type {ConnectionStatus} from '../engine/monitor.js';
import type {Fleet} from '../fleet/fleet.js';

export type HostState = {
	readonly label: string;
	readonly status: ConnectionStatus;
	readonly counts?: {readonly running: number; readonly total: number};
};

/** Every member's status, one array per change (what React's store reads compare). */
function useStatuses(fleet: Fleet | undefined): readonly ConnectionStatus[] | undefined {
	const last = useRef<readonly ConnectionStatus[] | undefined>(undefined);
	const subscribe = useCallback(
		(listener: () => void) => {
			const offs = fleet?.members.map(member => member.monitor.onStatus(listener)) ?? [];
			return () => {
				for (const off of offs) off();
			};
		},
		[fleet],
	);
	const snapshot = () => {
		if (!fleet) return undefined;
		const now = fleet.members.map(member => member.monitor.status());
		if (!last.current || now.some((status, index) => status !== last.current![index])) last.current = now;
		return last.current;
	};

	return useSyncExternalStore(subscribe, snapshot);
}

/** undefined for one daemon. Counts are left out while a host's containers are not listed. */
export function useFleetHosts(fleet: Fleet | undefined, containers: readonly ContainerSummary[] | undefined): HostState[] | undefined {
	const statuses = useStatuses(fleet);
	if (!fleet || !statuses) return undefined;
	return fleet.members.map((member, index) => {
		const own = containers?.filter(container => fleet.ownerOf(container.id) === member);
		const status = statuses[index]!;
		return {label: member.label, status, ...(own && status.state === 'connected' ? {counts: {running: own.filter(container => container.state === 'running').length, total: own.length}} : {})};
	});
}
