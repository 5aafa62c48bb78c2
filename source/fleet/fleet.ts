// Several daemons watched as one dashboard: each member keeps its own engine (ids
// tagged with its key) and its own monitor (heartbeat, events, reconnection), so a
// host that is down or hung only ever affects its own rows.
import type {Engine} from '../engine/engine.js';
import type {Monitor} from '../engine/monitor.js';
import {splitId} from './fleet-id.js';

export type FleetMember = {
	/** What its tagged ids end with. */
	readonly key: string;
	/** The HOST column's text. */
	readonly label: string;
	/** Speaks tagged ids (tagged-engine.ts). */
	readonly engine: Engine;
	readonly monitor: Monitor;
};

export type Fleet = {
	readonly members: readonly FleetMember[];
	/** The member a tagged id (or any text tagged like one) belongs to. */
	ownerOf(tagged: string): FleetMember | undefined;
};

export function createFleetIndex(members: readonly FleetMember[]): Fleet {
	const byKey = new Map(members.map(member => [member.key, member]));
	return {
		members,
		ownerOf(tagged) {
			const split = splitId(tagged);
			return split === undefined ? undefined : byKey.get(split.key);
		},
	};
}

const fleets = new WeakMap<object, Fleet>();

/** Marks an engine (or monitor) as standing for a fleet. */
export function registerFleet<T extends object>(target: T, fleet: Fleet): T {
	fleets.set(target, fleet);
	return target;
}

/** The fleet an engine stands for; undefined for one daemon. */
export function fleetOf(target: Engine | Monitor): Fleet | undefined {
	return fleets.get(target);
}

/** The engine and monitor of one member (by key), or the ones given when there is no such member. */
export function memberView<T extends {readonly engine: Engine; readonly monitor: Monitor}>(props: T, key: string | undefined): T {
	const member = key === undefined ? undefined : fleetOf(props.engine)?.members.find(one => one.key === key);
	return member ? {...props, engine: member.engine, monitor: member.monitor} : props;
}

/** The host a daemon-wide command or screen is for in a fleet: the selected row's, else the first. */
export function hostForScreen(engine: Engine, selectedId: string | undefined): FleetMember | undefined {
	const fleet = fleetOf(engine);
	if (!fleet) return undefined;
	return (selectedId === undefined ? undefined : fleet.ownerOf(selectedId)) ?? fleet.members[0];
}

/** How a container is named where its row's HOST column is not beside it: `web on db2` in a fleet. */
export function nameOnHost(engine: Engine, id: string, name: string): string {
	const host = fleetOf(engine)?.ownerOf(id)?.label;
	return host === undefined ? name : `${name} on ${host}`;
}
