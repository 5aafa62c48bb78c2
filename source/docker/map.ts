import {sanitize} from '../text/sanitize.js';
import {finiteNumber, record, stringRecord, text} from './read-json.js';
import type {ContainerState, ContainerSummary, EngineEvent, EngineInfo, Health, PortMapping} from '../engine/engine.js';

// Raw Engine-API JSON for containers, events and /version → our domain types, read
// through read-json.ts (nothing trusted, nothing thrown, every string sanitised).

type Json = Record<string, unknown>;

function portNumber(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65_535 ? value : undefined;
}

const containerStates: ReadonlySet<string> = new Set<ContainerState>([
	'created',
	'running',
	'paused',
	'restarting',
	'removing',
	'exited',
	'dead',
]);

/** Daemons older than API 1.23 send no State: the Status text still says it. */
function stateFromStatus(status: string): ContainerState {
	if (/\(Paused\)$/.test(status)) return 'paused';
	if (status.startsWith('Up ')) return 'running';
	if (status.startsWith('Exited ')) return 'exited';
	if (status.startsWith('Restarting ')) return 'restarting';
	if (status === 'Created') return 'created';
	if (status === 'Removal In Progress') return 'removing';
	if (status === 'Dead') return 'dead';
	return 'unknown';
}

/** Before API 1.52 /containers/json has no health field; the Status text ends with it: "Up 3 minutes (healthy)". */
export function healthFromStatus(status: string): Health {
	const match = /\((healthy|unhealthy|health: starting)\)/.exec(status);
	switch (match?.[1]) {
		case 'healthy':
			return 'healthy';
		case 'unhealthy':
			return 'unhealthy';
		case 'health: starting':
			return 'starting';
		default:
			return undefined;
	}
}

const healthStates: Readonly<Record<string, Health>> = {healthy: 'healthy', unhealthy: 'unhealthy', starting: 'starting', none: undefined};

/**
 * From API 1.52 the list says `Health: {Status, FailingStreak}`, "none" without a check.
 * It keeps the last status after the container stops (then "unhealthy"), which the
 * Status text, and so `docker ps`, shows only while it runs: read it for a running
 * container only. Older daemons, and values it does not know, leave the Status text.
 */
function containerHealth(raw: Json, state: ContainerState, status: string): Health {
	const reported = record(raw['Health'])?.['Status'];
	if (state === 'running' && typeof reported === 'string' && Object.hasOwn(healthStates, reported)) return healthStates[reported];
	return healthFromStatus(status);
}

/** `docker ps` shows the canonical name: the one that is not a link alias (/other/alias). */
function containerName(names: unknown, id: string): string {
	const list = Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string' && name !== '') : [];
	const bare = list.map(name => (name.startsWith('/') ? name.slice(1) : name));
	const name = bare.find(candidate => !candidate.includes('/')) ?? bare[0];
	return name === undefined || name === '' ? id.slice(0, 12) : sanitize(name);
}

function mapPort(value: unknown): PortMapping | undefined {
	const raw = record(value);
	const privatePort = portNumber(raw?.['PrivatePort']);
	if (!raw || privatePort === undefined) return undefined;
	const publicPort = portNumber(raw['PublicPort']);
	const ip = text(raw['IP']);
	return {
		privatePort,
		...(publicPort === undefined ? {} : {publicPort}),
		...(ip === undefined || ip === '' ? {} : {ip}),
		type: text(raw['Type']) || 'tcp',
	};
}

/** What ties a container to images, networks and volumes (the lists of those count their users). */
function containerLinks(raw: Json): Pick<ContainerSummary, 'imageId' | 'networks' | 'volumes'> {
	const imageId = text(raw['ImageID']);
	const networks = Object.entries(record(record(raw['NetworkSettings'])?.['Networks']) ?? {}).map(([name, network]) => ({
		name: sanitize(name),
		id: text(record(network)?.['NetworkID']) ?? '',
	}));
	const mounts = Array.isArray(raw['Mounts']) ? raw['Mounts'].map(mount => record(mount)) : [];
	const volumes = mounts.flatMap(mount => (mount?.['Type'] === 'volume' && typeof mount['Name'] === 'string' ? [sanitize(mount['Name'])] : []));
	// Left out when empty, so a container that uses nothing reads as before.
	return {...(imageId ? {imageId} : {}), ...(networks.length > 0 ? {networks} : {}), ...(volumes.length > 0 ? {volumes} : {})};
}

export function mapContainer(value: unknown): ContainerSummary {
	const raw = record(value) ?? {};
	const id = text(raw['Id']) ?? '';
	const status = text(raw['Status']) ?? '';
	const rawState = raw['State'];
	const state: ContainerState =
		typeof rawState === 'string' && containerStates.has(rawState) ? (rawState as ContainerState) : stateFromStatus(status);
	const ports = Array.isArray(raw['Ports']) ? raw['Ports'].map(mapPort).filter(port => port !== undefined) : [];

	return {
		id,
		name: containerName(raw['Names'], id),
		image: text(raw['Image']) ?? '',
		command: text(raw['Command']) ?? '',
		state,
		health: containerHealth(raw, state, status),
		status,
		ports,
		created: finiteNumber(raw['Created']) ?? 0,
		labels: stringRecord(raw['Labels']),
		...containerLinks(raw),
	};
}

/** A list answer; entries without an id are dropped (nothing could act on them). */
export function mapContainers(value: unknown): ContainerSummary[] {
	if (!Array.isArray(value)) return [];
	return value.map(mapContainer).filter(container => container.id !== '');
}

/**
 * One /events message, or undefined when it is not an object with an action. Actions such
 * as "exec_create: sh -c …" and "health_status: healthy" are split: action before ": ",
 * detail after.
 */
export function mapEvent(value: unknown): EngineEvent | undefined {
	const raw = record(value);
	if (!raw) return undefined;
	const actor = record(raw['Actor']);
	const attributes = stringRecord(actor?.['Attributes']);
	// Action, Actor.ID and Actor.Attributes (its `image` is the old `from`) are the fields
	// from API 1.22 on; `status`, `id` and `from` came alongside until 1.52 dropped them.
	// `status` and `id` are read only where the current ones are missing (before 1.22).
	const fullAction = text(raw['Action']) ?? text(raw['status']);
	if (fullAction === undefined || fullAction === '') return undefined;
	const split = fullAction.indexOf(': ');
	const action = split === -1 ? fullAction : fullAction.slice(0, split);
	const detail = split === -1 ? undefined : fullAction.slice(split + 2);
	// timeNano exceeds Number.MAX_SAFE_INTEGER; whole seconds from `time` are enough.
	const nano = finiteNumber(raw['timeNano']);
	const time = finiteNumber(raw['time']) ?? (nano === undefined ? 0 : Math.floor(nano / 1e9));
	const name = attributes['name'];

	return {
		type: text(raw['Type']) ?? (raw['status'] === undefined ? 'unknown' : 'container'),
		action,
		...(detail === undefined ? {} : {detail}),
		id: text(actor?.['ID']) ?? text(raw['id']) ?? '',
		...(name === undefined ? {} : {name}),
		time,
		attributes,
	};
}

/** /version → EngineInfo; `host` is the endpoint label. Podman names itself in Components. */
export function mapVersion(value: unknown, host: string): EngineInfo {
	const raw = record(value) ?? {};
	const components = Array.isArray(raw['Components']) ? raw['Components'] : [];
	const podman = components.some(component => {
		const name = record(component)?.['Name'];
		return typeof name === 'string' && /podman/i.test(name);
	});
	const os = text(raw['Os']);
	const arch = text(raw['Arch']);
	const minApiVersion = text(raw['MinAPIVersion']);

	return {
		host: sanitize(host),
		engine: podman ? 'Podman' : 'Docker Engine',
		version: text(raw['Version']) ?? '',
		apiVersion: text(raw['ApiVersion']) ?? '',
		...(minApiVersion === undefined ? {} : {minApiVersion}),
		...(os === undefined ? {} : {os}),
		...(arch === undefined ? {} : {arch}),
	};
}
