import {setMaxListeners} from 'node:events';
import Docker from 'dockerode';
import {negotiateApiVersion} from '../engine/api-version.js';
import type {Endpoint} from '../transport/connection.js';
import {describeConnectError} from '../transport/describe-error.js';
import {createContainerIo} from './dockerode-container-io.js';
import {createObjectMethods} from './dockerode-objects.js';
import {createRegistryMethods} from './dockerode-registry.js';
import {Deadline, failureOf, underDeadline} from './request-deadline.js';
import type {ContainerAction, Engine, EngineEvent, EngineInfo, ResourceKind} from '../engine/engine.js';
import {EngineError, isEngineError} from '../engine/errors.js';
import {JsonLines} from './json-lines.js';
import {mapContainers, mapEvent, mapVersion} from './map.js';

// The only module that imports dockerode. It adds what dockerode leaves out: a deadline
// on every request (a SIGSTOPped daemon hangs requests forever), API version pinning,
// 304-as-success, errors as EngineErrors, and an events stream that reports a dropped
// connection instead of just going quiet.

export type DockerodeEngineOptions = {
	/** Deadline for lists and actions; stop and restart get the daemon's stop wait on top. Default 10 s. */
	requestTimeoutMs?: number;
	/** Deadline for ping(). Default 3 s: it is how a hung daemon is noticed. */
	pingTimeoutMs?: number;
};

/** Seconds the daemon waits after SIGTERM before SIGKILL on stop and restart (sent as `t`). */
const stopWaitSeconds = 10;

/**
 * docker-modem reads DOCKER_HOST (and with it DOCKER_CERT_PATH, DOCKER_CLIENT_TIMEOUT…) in
 * its constructor even when told where to connect, and throws on values it dislikes or
 * cert files it cannot read. The endpoint is already resolved, so the variable is hidden
 * for the length of this synchronous call.
 */
function constructDocker(options: Record<string, unknown>): Docker {
	const saved = process.env['DOCKER_HOST'];
	delete process.env['DOCKER_HOST'];
	try {
		return new Docker(options);
	} finally {
		if (saved !== undefined) process.env['DOCKER_HOST'] = saved;
	}
}

export function createDockerodeEngine(endpoint: Endpoint, options: DockerodeEngineOptions = {}): Engine {
	const label = endpoint.label;
	const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
	const pingTimeoutMs = options.pingTimeoutMs ?? 3000;
	// Our own agent, so close() can destroy every socket, open streams included (and an
	// SSH endpoint's one connection).
	const agent = endpoint.createAgent();
	const docker = constructDocker({...endpoint.dockerodeOptions, agent});
	const closing = new AbortController();
	// Every request in flight listens to it (and lets go when it settles): many at once is
	// normal (:top, a fleet of rows), not the leak Node's default limit of 10 warns about.
	setMaxListeners(0, closing.signal);
	// DOCKER_API_VERSION is used from the first request on; else /version goes unversioned
	// (as the CLI's /_ping does) and every request after it speaks the negotiated version.
	let apiInUse = endpoint.pinnedApiVersion;
	if (apiInUse !== undefined) useApiVersion(apiInUse);

	async function request<T>(signal: AbortSignal | undefined, timeoutMs: number, run: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
		return underDeadline([signal, closing.signal], timeoutMs, label, run);
	}

	function useApiVersion(version: string): void {
		// docker-modem puts this straight into every path: it needs the "v".
		(docker.modem as {version?: string}).version = `v${version}`;
	}

	/** Every answer to /version decides again: a daemon upgraded under a running dtui is met at its new version. */
	function negotiate(info: EngineInfo): EngineInfo {
		const negotiation = negotiateApiVersion(info, endpoint.pinnedApiVersion);
		if ('refusal' in negotiation) throw new EngineError('incompatible', `${negotiation.refusal} (${label})`);
		if (negotiation.version !== apiInUse) useApiVersion(negotiation.version);
		apiInUse = negotiation.version;
		return {...info, apiInUse};
	}

	/** GET /version; `unversioned` for negotiating afresh (docker-modem builds the path synchronously, so the swap is safe). */
	function askVersion(abortSignal: AbortSignal, unversioned: boolean): Promise<unknown> {
		const modem = docker.modem as {version?: string};
		const agreed = modem.version;
		if (unversioned) modem.version = undefined;
		try {
			return (docker as unknown as {version(options: {abortSignal: AbortSignal}): Promise<unknown>}).version({abortSignal});
		} finally {
			modem.version = agreed;
		}
	}

	async function ignoreNotModified(action: Promise<unknown>): Promise<void> {
		try {
			await action;
		} catch (error) {
			// 304: already started / already stopped. The state the user asked for holds.
			if ((error as {statusCode?: unknown}).statusCode === 304) return;
			throw error;
		}
	}

	function runAction(id: string, action: ContainerAction, abortSignal: AbortSignal): Promise<void> {
		const container = docker.getContainer(encodeURIComponent(id));
		switch (action) {
			case 'start':
				return ignoreNotModified(container.start({abortSignal}));
			case 'stop':
				return ignoreNotModified(container.stop({t: stopWaitSeconds, abortSignal}));
			case 'restart':
				return ignoreNotModified(container.restart({t: stopWaitSeconds, abortSignal}));
			case 'pause':
				return ignoreNotModified(container.pause({abortSignal}));
			case 'unpause':
				return ignoreNotModified(container.unpause({abortSignal}));
			case 'kill':
				return ignoreNotModified(container.kill({abortSignal}));
		}
	}

	async function* events(signal: AbortSignal, since?: number): AsyncGenerator<EngineEvent> {
		if (signal.aborted || closing.signal.aborted) return;
		// Only connecting has a deadline; once the daemon answers, the stream may idle for hours.
		const deadline = new Deadline([signal, closing.signal], requestTimeoutMs);
		let stream: NodeJS.ReadableStream;
		try {
			stream = await docker.getEvents({...(since === undefined ? {} : {since}), abortSignal: deadline.signal});
		} catch (error) {
			deadline.dispose();
			if (deadline.cancelled) return;
			throw failureOf(deadline, error, label);
		}

		deadline.clearTimer();
		const lines = new JsonLines();
		try {
			for await (const chunk of stream) {
				for (const value of lines.push(chunk)) {
					const event = mapEvent(value);
					if (event) yield event;
				}
			}
		} catch (error) {
			if (deadline.cancelled) return;
			throw describeConnectError(error, label);
		} finally {
			deadline.dispose();
			(stream as {destroy?: () => void}).destroy?.();
		}

		if (deadline.cancelled) return;
		// The daemon never ends this stream on purpose: an end is a lost connection.
		throw new EngineError('unreachable', `lost the connection to the Docker daemon at ${label}`);
	}

	const {removeObject, ...objects} = createObjectMethods(docker, request, requestTimeoutMs, () => apiInUse);

	return {
		host: label,
		...objects,
		...createContainerIo({docker, label, closing: closing.signal, requestTimeoutMs}),
		...createRegistryMethods({docker, label, closing: closing.signal, requestTimeoutMs}),

		async ping(signal) {
			let raw: unknown;
			try {
				raw = await request(signal, pingTimeoutMs, abortSignal => askVersion(abortSignal, false));
			} catch (error) {
				// A 400 to the agreed version: the daemon was replaced by one with another range. Ask afresh, unversioned.
				if (endpoint.pinnedApiVersion !== undefined || apiInUse === undefined || !isEngineError(error) || error.statusCode !== 400) throw error;
				raw = await request(signal, pingTimeoutMs, abortSignal => askVersion(abortSignal, true));
			}

			return negotiate(mapVersion(raw, label));
		},

		async listContainers(signal, query = {}) {
			const filters = query.filters && Object.keys(query.filters).length > 0 ? JSON.stringify(query.filters) : undefined;
			const raw: unknown = await request(signal, requestTimeoutMs, abortSignal =>
				docker.listContainers({all: query.all ?? true, ...(filters ? {filters} : {}), abortSignal}),
			);
			return mapContainers(raw);
		},

		async containerAction(id, action, signal) {
			const waits = action === 'stop' || action === 'restart';
			const timeoutMs = waits ? requestTimeoutMs + stopWaitSeconds * 1000 : requestTimeoutMs;
			await request(signal, timeoutMs, abortSignal => runAction(id, action, abortSignal));
		},

		async remove(kind: ResourceKind, id, removeOptions, signal) {
			switch (kind) {
				case 'containers':
					await request(signal, requestTimeoutMs, abortSignal =>
						docker
							.getContainer(encodeURIComponent(id))
							.remove({force: removeOptions?.force === true, v: false, abortSignal} as Docker.ContainerRemoveOptions),
					);
					break;
				default:
					await removeObject(kind, id, removeOptions?.force === true, signal);
			}
		},

		events(signal, since) {
			return events(signal, since);
		},

		close() {
			closing.abort();
			agent.destroy();
		},
	};
}
