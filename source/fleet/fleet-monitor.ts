// The fleet's connection as the dashboard's one monitor: the members' events and
// reconnections heard as one, and a status that is "connected" while any host is
// (the banner is for losing everything; each host's own state is in the header).
import type {ConnectionStatus, Monitor} from '../engine/monitor.js';
import {registerFleet, type Fleet} from './fleet.js';

function overall(fleet: Fleet): ConnectionStatus {
	const statuses = fleet.members.map(member => member.monitor.status());
	const connected = statuses.find(status => status.state === 'connected');
	if (connected) return connected;
	if (statuses.some(status => status.state === 'connecting')) return {state: 'connecting'};
	const reasons = fleet.members.map((member, index) => {
		const status = statuses[index]!;
		return `${member.label}: ${status.state === 'disconnected' ? status.reason : status.state}`;
	});
	return {state: 'disconnected', reason: reasons.join('; ')};
}

export function createFleetMonitor(fleet: Fleet): Monitor {
	const monitors = fleet.members.map(member => member.monitor);
	const listeners = new Set<() => void>();
	// One object per change of the overall state: React's store reads compare by identity.
	let current = overall(fleet);
	const offStatus = monitors.map(monitor =>
		monitor.onStatus(() => {
			const next = overall(fleet);
			if (JSON.stringify(next) !== JSON.stringify(current)) current = next;
			// Every member's change is news: the header shows each host.
			for (const listener of listeners) listener();
		}),
	);

	const each = (subscribe: (monitor: Monitor) => () => void) => {
		const offs = monitors.map(subscribe);
		return () => {
			for (const off of offs) off();
		};
	};

	return registerFleet(
		{
			status: () => current,
			onStatus(listener) {
				listeners.add(listener);
				return () => listeners.delete(listener);
			},
			onEvent: listener => each(monitor => monitor.onEvent(listener)),
			onReconnect: listener => each(monitor => monitor.onReconnect(listener)),
			stop() {
				for (const off of offStatus) off();
				for (const monitor of monitors) monitor.stop();
			},
		},
		fleet,
	);
}
