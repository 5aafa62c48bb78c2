// The header's first line, without React: Header draws it with Ink, first-frame.ts
// writes it before Ink has loaded.
import type {ConnectionStatus} from '../engine/monitor.js';

export type HeaderCounts = {readonly running: number; readonly total: number};

function engineText(status: ConnectionStatus | undefined): string {
	if (status === undefined) return '';
	if (status.state === 'connecting') return 'connecting…';
	const {info} = status;
	// The version dtui's requests speak, which is the daemon's own unless it is newer than dtui's.
	return info ? `${info.engine} ${info.version} (API ${info.apiInUse ?? info.apiVersion})` : '';
}

/** Which daemon, which engine (not for a fleet: each host says its own), how many running (untruncated). */
export function headerText(host: string, status: ConnectionStatus | undefined, counts: HeaderCounts | undefined, readOnly: boolean): string {
	const parts = ['dtui', readOnly ? 'READ-ONLY' : '', host, counts ? `${counts.running} running / ${counts.total} total` : '', engineText(status)];
	return parts.filter(Boolean).join(' · ');
}

/** One host of a fleet: `● web1 3/5`, `… web2 connecting`, `✖ web3 down: connection refused`. */
export function hostText(host: {label: string; status: ConnectionStatus; counts?: HeaderCounts}): string {
	const {label, status, counts} = host;
	if (status.state === 'connecting') return `… ${label} connecting`;
	if (status.state === 'disconnected') return `✖ ${label} down: ${status.reason}`;
	return `● ${label}${counts ? ` ${counts.running}/${counts.total}` : ''}`;
}
