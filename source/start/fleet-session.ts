// From connected hosts to the engine and monitor a fleet dashboard runs on.
import type {HostConnection} from './connect.js';
import type {Engine} from '../engine/engine.js';
import {createMonitor, type Monitor, type MonitorOptions} from '../engine/monitor.js';
import {fleetOf} from '../fleet/fleet.js';
import {createFleetEngine} from '../fleet/fleet-engine.js';
import {createFleetMonitor} from '../fleet/fleet-monitor.js';
import {taggedEngine} from '../fleet/tagged-engine.js';

export type FleetSession = {readonly engine: Engine; readonly monitor: Monitor};

export type FleetOptions = {
	/** Applied to each host's own engine (--debug). */
	readonly wrap?: (engine: Engine) => Engine;
	/** Each host's monitor's (tests: faster pings). */
	readonly monitor?: MonitorOptions;
};

/** Each host gets its own monitor: a host that answered starts connected; one that did not, reconnecting. */
export function createFleetSession(hosts: readonly HostConnection[], {wrap = engine => engine, monitor = {}}: FleetOptions = {}): FleetSession {
	const members = hosts.map((host, index) => {
		const key = String(index + 1);
		const engine = taggedEngine(wrap(host.engine), key, host.label);
		return {key, label: host.label, engine, monitor: createMonitor(engine, {...monitor, ...(host.info ? {connected: host.info} : {})})};
	});
	const engine = createFleetEngine(members);
	return {engine, monitor: createFleetMonitor(fleetOf(engine)!)};
}
