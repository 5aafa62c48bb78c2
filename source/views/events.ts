import type {Engine, EngineEvent} from '../engine/engine.js';
import {shortId} from '../text/format.js';
import {plainId} from '../fleet/fleet-id.js';
import {eventLog, type LoggedEvent} from '../hooks/event-log.js';
import type {ResourceDescriptor} from '../state/resource-descriptor.js';

/** `21:46:36`, local time: the day is rarely in doubt in a live stream. */
export function eventTime(seconds: number): string {
	const date = new Date(seconds * 1000);
	return [date.getHours(), date.getMinutes(), date.getSeconds()].map(part => String(part).padStart(2, '0')).join(':');
}

/** `web (a1b2c3d4e5f6)`; ids that are names already (volumes) once. */
export function actorText(event: EngineEvent): string {
	const plain = plainId(event.id);
	const id = /^(sha256:)?[0-9a-f]{64}$/.test(plain) ? shortId(plain) : plain;
	if (event.name === undefined || event.name === '' || event.name === plain) return id;
	return id === '' ? event.name : `${event.name} (${id})`;
}

/**
 * The attributes worth a glance: the exec's command or health status, then plain keys
 * (image, exitCode, signal, container, driver…). Labels — dotted keys, every container
 * event carries all of them — and the name already shown are left out.
 */
export function keyAttributes(event: EngineEvent): string {
	const plain = Object.entries(event.attributes).filter(([key]) => key !== 'name' && !key.includes('.'));
	return [event.detail ?? '', ...plain.map(([key, value]) => `${key}=${value}`)].filter(Boolean).join(' ');
}

export const events: ResourceDescriptor<LoggedEvent> = {
	kind: 'events',
	title: 'Events',
	scope: 'events',
	list: async (engine: Engine) => [...eventLog(engine).snapshot()],
	id: entry => String(entry.seq),
	origin: entry => entry.event.id,
	local: true,
	label: entry => `${entry.event.type} ${entry.event.action}`,
	columns: [
		{header: 'TIME', width: 8, value: entry => eventTime(entry.event.time)},
		{header: 'TYPE', width: 9, value: entry => entry.event.type},
		{header: 'ACTION', width: 'flex', minWidth: 8, value: entry => entry.event.action, tone: entry => (/^(die|kill|oom|destroy|delete|untag|prune)$/.test(entry.event.action) ? 'warn' : undefined)},
		{header: 'ACTOR', width: 'flex', minWidth: 14, value: entry => actorText(entry.event)},
		{header: 'ATTRIBUTES', width: 'flex', minWidth: 10, dropOrder: 1, value: entry => keyAttributes(entry.event)},
	],
	// Oldest first, as a log reads; following keeps the newest in view.
	sort: (a, b) => a.seq - b.seq,
	searchText: entry => `${entry.event.type}\n${entry.event.action}\n${actorText(entry.event)}\n${keyAttributes(entry.event)}`.toLowerCase(),
	refreshOn: ['*'],
	follows: true,
	emptyMessage: 'No events yet: they appear as the daemon reports them',
	actions: {},
};
