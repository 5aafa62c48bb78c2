import {negotiateApiVersion} from '../../source/engine/api-version.js';
import {matchesQuery} from './fake-container-query.js';
import type {ContainerAction, ContainerSummary, Engine, EngineEvent, EngineInfo} from '../../source/engine/engine.js';
import {EngineError} from '../../source/engine/errors.js';
import {createFakeObjects, type FakeObjectSeed} from './fake-objects.js';
import {createFakeContainerIo, type FakeContainerControls} from './fake-container-io.js';
import {createFakeRegistry, type FakeRegistrySeed, type FakeRemoteImage} from './fake-registry.js';
import type {ImageSummary, NetworkSummary, VolumeSummary} from '../../source/engine/objects.js';

// An in-memory daemon for tests and demos. It keeps the contract the real one keeps
// (test/contract/ runs the same suite against both): the daemon's own error kinds and
// wording, no-op start/stop succeed, and every change emits the events dockerd emits,
// in the same order.

export type FakeEngine = Engine & FakeContainerControls & {
	/** Replace the images, networks or volumes (emits nothing). */
	setImages(images: readonly ImageSummary[]): void;
	setNetworks(networks: readonly NetworkSummary[]): void;
	setVolumes(volumes: readonly VolumeSummary[]): void;
	/** What a fake registry (seeded with `registries`) holds now, by `path:tag`. */
	remoteImages(domain: string): ReadonlyMap<string, FakeRemoteImage>;
	/** Every call in order, signals left out: `{method: 'containerAction', args: [id, 'stop']}`. */
	readonly calls: Array<{method: string; args: unknown[]}>;
	/** Replace the whole container list (emits nothing). */
	set(containers: readonly ContainerSummary[]): void;
	/** Deliver an event to every open events() iterator (and remember it for `since`). */
	emit(event: EngineEvent): void;
	/** The next call of `method` rejects with `error` (for events: the next iterator throws it). */
	failNext(method: string, error: EngineError): void;
	/** The daemon goes away: open events iterators throw 'unreachable', every call rejects, until reconnect(). */
	disconnect(): void;
	reconnect(): void;
};

export type FakeSeed = FakeObjectSeed & FakeRegistrySeed & {
	containers?: readonly ContainerSummary[];
	info?: Partial<EngineInfo>;
	/** How often a stats stream yields (the daemon: every second). */
	statsIntervalMs?: number;
};

let fakeCount = 0;

/** A 64-hex id that is stable for a given number, like the daemon's. */
function fakeId(n: number): string {
	return (n.toString(16).padStart(8, '0') + 'fa4e').repeat(6).slice(0, 64);
}

const statusForState: Record<ContainerSummary['state'], string> = {
	created: 'Created',
	running: 'Up Less than a second',
	paused: 'Up Less than a second (Paused)',
	restarting: 'Restarting (1) Less than a second ago',
	removing: 'Removal In Progress',
	exited: 'Exited (0) Less than a second ago',
	dead: 'Dead',
	unknown: '',
};

/** Concise test data: everything has a plausible default, status follows state unless given. */
export function fakeContainer(partial: Partial<ContainerSummary> = {}): ContainerSummary {
	fakeCount += 1;
	const state = partial.state ?? 'running';
	const health = partial.health;
	// The daemon reports health only inside the status text; keep the two consistent.
	const healthNote = health === undefined || state !== 'running' ? '' : ` (${health === 'starting' ? 'health: starting' : health})`;
	return {
		id: fakeId(fakeCount),
		name: `container-${fakeCount}`,
		image: 'busybox:local',
		command: 'sleep 1000',
		health: undefined,
		ports: [],
		created: Math.floor(Date.now() / 1000),
		labels: {},
		...partial,
		state,
		status: partial.status ?? statusForState[state] + healthNote,
	};
}

type Listener = {
	push(event: EngineEvent): void;
	fail(error: EngineError): void;
};

export function createFakeEngine(seed: FakeSeed = {}): FakeEngine {
	const host = seed.info?.host ?? 'unix:///fake/docker.sock';
	const info: EngineInfo = {
		host,
		engine: 'Docker Engine',
		version: '20.10.24',
		apiVersion: '1.41',
		minApiVersion: '1.12',
		os: 'linux',
		arch: 'amd64',
		...seed.info,
	};
	let containers: ContainerSummary[] = [...(seed.containers ?? [])];
	const calls: Array<{method: string; args: unknown[]}> = [];
	const failures = new Map<string, EngineError>();
	const listeners = new Set<Listener>();
	const history: EngineEvent[] = [];
	let connected = true;

	function unreachable(): EngineError {
		return new EngineError('unreachable', `cannot connect to the Docker daemon at ${host}: connection refused`);
	}

	/** Records the call, then fails it if the test asked so or the daemon is gone. */
	function enter(method: string, args: unknown[], signal?: AbortSignal): void {
		calls.push({method, args});
		if (signal?.aborted) throw new EngineError('aborted', 'request aborted');
		const failure = failures.get(method);
		if (failure) {
			failures.delete(method);
			throw failure;
		}

		if (!connected) throw unreachable();
	}

	function emit(event: EngineEvent): void {
		history.push(event);
		for (const listener of listeners) listener.push(event);
	}

	/** Like the daemon: a full id, a unique id prefix, or a name. */
	function find(ref: string): ContainerSummary {
		const found =
			containers.find(container => container.id === ref || container.name === ref) ??
			(ref === '' ? undefined : onlyOne(containers.filter(container => container.id.startsWith(ref))));
		if (!found) throw new EngineError('not-found', `No such container: ${ref}`, 404);
		return found;
	}

	function onlyOne<T>(items: T[]): T | undefined {
		return items.length === 1 ? items[0] : undefined;
	}

	function update(id: string, change: Partial<ContainerSummary>): void {
		containers = containers.map(container => (container.id === id ? {...container, ...change} : container));
	}

	function emitFor(container: ContainerSummary, action: string, extra: Record<string, string> = {}): void {
		emit({
			type: 'container',
			action,
			id: container.id,
			name: container.name,
			time: Math.floor(Date.now() / 1000),
			attributes: {image: container.image, name: container.name, ...extra},
		});
	}

	function conflict(message: string): EngineError {
		return new EngineError('conflict', message, 409);
	}

	// Each function follows dockerd 20.10: its HTTP status, its message, its events.
	const actions: Record<ContainerAction, (c: ContainerSummary, ref: string) => void> = {
		start(c) {
			if (c.state === 'running') return; // 304
			if (c.state === 'paused') throw conflict('cannot start a paused container, try unpause instead');
			update(c.id, {state: 'running', status: statusForState.running});
			emitFor(c, 'start');
		},
		stop(c) {
			if (c.state !== 'running' && c.state !== 'paused') return; // 304
			emitFor(c, 'kill', {signal: '15'});
			if (c.state === 'paused') emitFor(c, 'unpause');
			update(c.id, {state: 'exited', status: 'Exited (0) Less than a second ago'});
			emitFor(c, 'die', {exitCode: '0'});
			emitFor(c, 'stop');
		},
		restart(c) {
			if (c.state === 'running' || c.state === 'paused') actions.stop(c, c.id);
			update(c.id, {state: 'running', status: statusForState.running});
			emitFor(c, 'start');
			emitFor(c, 'restart');
		},
		pause(c) {
			if (c.state === 'paused') throw conflict(`Container ${c.id} is already paused`);
			if (c.state !== 'running') throw conflict(`Container ${c.id} is not running`);
			update(c.id, {state: 'paused', status: statusForState.paused});
			emitFor(c, 'pause');
		},
		unpause(c) {
			// dockerd 20.10 answers 500 here, not 409.
			if (c.state !== 'paused') throw new EngineError('server', `Container ${c.id} is not paused`, 500);
			update(c.id, {state: 'running', status: statusForState.running});
			emitFor(c, 'unpause');
		},
		kill(c, ref) {
			if (c.state !== 'running' && c.state !== 'paused') {
				throw conflict(`Cannot kill container: ${ref}: Container ${c.id} is not running`);
			}

			emitFor(c, 'kill', {signal: '9'});
			update(c.id, {state: 'exited', status: 'Exited (137) Less than a second ago'});
			emitFor(c, 'die', {exitCode: '137'});
		},
	};

	const objects = createFakeObjects({containers: () => containers, emit, enter}, seed);
	const io = createFakeContainerIo({containers: () => containers, enter}, {statsIntervalMs: seed.statsIntervalMs});
	const registry = createFakeRegistry({images: objects.images, emit, enter}, seed);

	async function* events(signal: AbortSignal, since?: number): AsyncGenerator<EngineEvent> {
		const args = since === undefined ? [] : [since];
		if (signal.aborted) {
			calls.push({method: 'events', args});
			return;
		}

		enter('events', args);
		const queue: EngineEvent[] = since === undefined ? [] : history.filter(event => event.time >= since);
		let failure: EngineError | undefined;
		let wake: (() => void) | undefined;
		const listener: Listener = {
			push(event) {
				queue.push(event);
				wake?.();
			},
			fail(error) {
				failure = error;
				wake?.();
			},
		};
		const onAbort = () => wake?.();
		listeners.add(listener);
		signal.addEventListener('abort', onAbort);
		try {
			while (!signal.aborted) {
				const next = queue.shift();
				if (next) {
					yield next;
					continue;
				}

				if (failure) throw failure;
				await new Promise<void>(resolve => {
					wake = resolve;
				});
				wake = undefined;
			}
		} finally {
			listeners.delete(listener);
			signal.removeEventListener('abort', onAbort);
		}
	}

	return {
		host,
		calls,

		async ping(signal) {
			enter('ping', [], signal);
			// Negotiated as the dockerode engine does, so a seed can be any engine version.
			const negotiation = negotiateApiVersion(info);
			if ('refusal' in negotiation) throw new EngineError('incompatible', `${negotiation.refusal} (${host})`);
			return {...info, apiInUse: negotiation.version};
		},

		async listContainers(signal, query) {
			enter('listContainers', query ? [query] : [], signal);
			return containers.filter(container => matchesQuery(container, query));
		},

		async containerAction(id, action, signal) {
			enter('containerAction', [id, action], signal);
			actions[action](find(id), id);
		},

		async remove(kind, id, options, signal) {
			enter('remove', options === undefined ? [kind, id] : [kind, id, options], signal);
			if (kind !== 'containers') {
				objects.remove(kind, id, options?.force === true);
				return;
			}

			const c = find(id);
			if (options?.force !== true) {
				if (c.state === 'running') {
					throw conflict(`You cannot remove a running container ${c.id}. Stop the container before attempting removal or force remove`);
				}

				if (c.state === 'paused') {
					throw conflict(
						`You cannot remove a paused container ${c.id}. Unpause and then stop the container before attempting removal or force remove`,
					);
				}
			} else if (c.state === 'running' || c.state === 'paused') {
				emitFor(c, 'kill', {signal: '9'});
				emitFor(c, 'die', {exitCode: '137'});
			}

			containers = containers.filter(container => container.id !== c.id);
			emitFor(c, 'destroy');
		},

		events(signal, since) {
			return events(signal, since);
		},

		close() {
			calls.push({method: 'close', args: []});
		},

		...objects.engine,
		...io.engine,
		...io.controls,
		inspect: io.inspectWith(objects.engine.inspect),
		setImages: objects.setImages,
		setNetworks: objects.setNetworks,
		setVolumes: objects.setVolumes,
		...registry.engine,
		remoteImages: registry.remoteImages,

		set(next) {
			containers = [...next];
		},

		emit,

		failNext(method, error) {
			failures.set(method, error);
		},

		disconnect() {
			connected = false;
			for (const listener of listeners) listener.fail(unreachable());
			io.dropStreams(unreachable());
		},

		reconnect() {
			connected = true;
		},
	};
}
