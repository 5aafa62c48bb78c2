// The header's first line, without React: Header draws it with Ink, first-frame.ts
// writes it before Ink has loaded.
import type {ConnectionStatus} from '../docker/monitor.js';

export type HeaderCounts = {readonly running: number; readonly total: number};

function engineText(status: ConnectionStatus): string {
	if (status.state === 'connecting') return 'connecting…';
	const {info} = status;
	return info ? `${info.engine} ${info.version} (API ${info.apiVersion})` : '';
}

/** Which daemon, which engine, how many running (untruncated). */
export function headerText(host: string, status: ConnectionStatus, counts: HeaderCounts | undefined, readOnly: boolean): string {
	const parts = ['dtui', readOnly ? 'READ-ONLY' : '', host, counts ? `${counts.running} running / ${counts.total} total` : '', engineText(status)];
	return parts.filter(Boolean).join(' · ');
}
