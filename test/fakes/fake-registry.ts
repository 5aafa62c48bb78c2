import {createHash} from 'node:crypto';
import type {EngineEvent} from '../../source/engine/engine.js';
import {EngineError} from '../../source/engine/errors.js';
import {familiarName, familiarString, parseImageReference, parsePushTarget, parseTagTarget, withDefaultTag, type ImageReference} from '../../source/engine/image-reference.js';
import type {ImageSummary} from '../../source/engine/objects.js';
import {describeTransferError, type TransferKind} from '../../source/docker/registry-errors.js';
import type {RegistryCredentials, RegistryEngine, TransferEvent} from '../../source/engine/registry-io.js';

// The fake daemon's side of registries: in-memory registries by host, pull and push
// that say what dockerd 20.10 says (the same statuses in the same order, the same
// refusals before or inside the stream), and tag with its event. The registry test
// in test/contract runs against this and a real distribution registry alike.

export type FakeLayer = {readonly id: string; readonly size: number};

/** An image as a registry holds it. */
export type FakeRemoteImage = {readonly imageId: string; readonly digest: string; readonly layers: readonly FakeLayer[]};

export type FakeRegistrySeed = {
	/** By host (`127.0.0.1:5000`): repository `path:tag` → image, and the one login it accepts, if any. */
	registries?: Record<string, {images?: Record<string, FakeRemoteImage>; login?: {username: string; password: string}}>;
	/** Awaited after each progress event, so a test can hold a transfer half-way. */
	pace?: (event: TransferEvent) => Promise<void> | undefined;
};

type ImageStore = {
	list(): ImageSummary[];
	find(ref: string): ImageSummary | undefined;
	tag(id: string, tag: string): void;
	add(image: ImageSummary): void;
};

type Host = {
	readonly images: ImageStore;
	readonly emit: (event: EngineEvent) => void;
	readonly enter: (method: string, args: unknown[], signal?: AbortSignal) => void;
};

type Registry = {images: Map<string, FakeRemoteImage>; login?: {username: string; password: string}};

const hex = (text: string, length = 64) => createHash('sha256').update(text).digest('hex').slice(0, length);
const now = () => Math.floor(Date.now() / 1000);

/** Concise test data: a remote image of two layers, ids derived from `seed`. */
export function fakeRemoteImage(seed: string, sizes: readonly number[] = [1_982_256, 3216]): FakeRemoteImage {
	return {imageId: `sha256:${hex(`image ${seed}`)}`, digest: `sha256:${hex(`manifest ${seed}`)}`, layers: sizes.map((size, index) => ({id: hex(`layer ${seed} ${index}`, 12), size}))};
}

export function createFakeRegistry(host: Host, seed: FakeRegistrySeed = {}) {
	const registries = new Map<string, Registry>(
		Object.entries(seed.registries ?? {}).map(([domain, registry]) => [domain, {images: new Map(Object.entries(registry.images ?? {})), ...(registry.login ? {login: registry.login} : {})}]),
	);
	/** Layers of local images, by image id; a seeded image gets two made up, or its parent's and one of its own. */
	const localLayers = new Map<string, readonly FakeLayer[]>();
	function layersOf(image: ImageSummary): readonly FakeLayer[] {
		const known = localLayers.get(image.id);
		if (known) return known;
		const parent = image.parentId === '' ? undefined : host.images.find(image.parentId);
		if (!parent) return fakeRemoteImage(image.id, [Math.max(0, image.size - 3216), 3216]).layers;
		return [...layersOf(parent), ...fakeRemoteImage(image.id, [Math.max(0, image.size - parent.size)]).layers];
	}

	/** Layers go with the last image that uses them. */
	const hasLayerLocally = (id: string) => host.images.list().some(image => layersOf(image).some(layer => layer.id === id));

	function parsed(kind: TransferKind, text: string): ImageReference {
		const result = kind === 'pull' ? parseImageReference(text) : parsePushTarget(text);
		if ('error' in result) throw new EngineError('bad-request', result.error);
		return kind === 'pull' ? withDefaultTag(result.reference) : result.reference;
	}

	function unreachable(domain: string): string {
		const loopback = domain.startsWith('127.') || domain.startsWith('localhost');
		return loopback ? `Get "http://${domain}/v2/": dial tcp ${domain}: connect: connection refused` : `Get "https://${domain}/v2/": dial tcp: lookup ${domain.replace(/:\d+$/, '')}: no such host`;
	}

	/** The registry's answer to a login: undefined when it lets the request in. */
	function loginProblem(registry: Registry, credentials: RegistryCredentials | undefined, manifestUrl: string): string | undefined {
		if (!registry.login) return undefined;
		if (credentials === undefined) return `Head "${manifestUrl}": no basic auth credentials`;
		if (credentials.username !== registry.login.username || credentials.password !== registry.login.password) return 'unauthorized: authentication required';
		return undefined;
	}

	async function* pull(reference: ImageReference, credentials: RegistryCredentials | undefined, signal: AbortSignal, fail: (message: string, status?: number) => EngineError): AsyncGenerator<TransferEvent> {
		const registry = registries.get(reference.domain);
		const shown = familiarString(reference);
		const key = `${reference.path}:${reference.tag ?? 'latest'}`;
		if (!registry) throw fail(unreachable(reference.domain), 500);
		const problem = loginProblem(registry, credentials, `http://${reference.domain}/v2/${reference.path}/manifests/${reference.digest ?? reference.tag ?? 'latest'}`);
		if (problem) throw fail(problem, 500);
		const remote = reference.digest === undefined ? registry.images.get(key) : [...registry.images.values()].find(image => image.digest === reference.digest);
		if (!remote) throw fail(`manifest for ${shown} not found: manifest unknown: manifest unknown`, 404);

		yield {type: 'message', text: `Pulling from ${reference.path}`};
		const upToDate = host.images.find(shown)?.id === remote.imageId;
		const layers = upToDate ? [] : remote.layers;
		// Like dockerd: every layer is named first (there, or to fetch), then each one moves.
		const missing = layers.filter(layer => !hasLayerLocally(layer.id));
		for (const layer of layers) {
			yield missing.includes(layer) ? {type: 'layer', id: layer.id, phase: 'waiting', status: 'Pulling fs layer'} : {type: 'layer', id: layer.id, phase: 'exists', status: 'Already exists'};
		}

		for (const layer of missing) {
			if (signal.aborted) return;
			yield {type: 'layer', id: layer.id, phase: 'downloading', status: 'Downloading', current: Math.floor(layer.size / 2), total: layer.size};
			yield {type: 'layer', id: layer.id, phase: 'downloaded', status: 'Download complete'};
			yield {type: 'layer', id: layer.id, phase: 'extracting', status: 'Extracting', current: layer.size, total: layer.size};
			yield {type: 'layer', id: layer.id, phase: 'pulled', status: 'Pull complete'};
		}

		if (signal.aborted) return;
		localLayers.set(remote.imageId, remote.layers);
		const existing = host.images.find(remote.imageId);
		const name = familiarName(reference);
		if (!existing) {
			const size = remote.layers.reduce((sum, layer) => sum + layer.size, 0);
			host.images.add({id: remote.imageId, parentId: '', tags: [], digests: [`${name}@${remote.digest}`], created: now(), size, labels: {}});
		}

		if (reference.digest === undefined) host.images.tag(remote.imageId, shown);
		yield {type: 'digest', digest: remote.digest};
		yield {type: 'message', text: `Status: ${upToDate ? 'Image is up to date' : 'Downloaded newer image'} for ${shown}`};
		host.emit({type: 'image', action: 'pull', id: shown, name: shown, time: now(), attributes: {name}});
	}

	async function* push(reference: ImageReference, credentials: RegistryCredentials | undefined, signal: AbortSignal, fail: (message: string, status?: number) => EngineError): AsyncGenerator<TransferEvent> {
		const name = familiarName(reference);
		const tag = reference.tag ?? 'latest';
		const shown = `${name}:${tag}`;
		yield {type: 'message', text: `The push refers to repository [${reference.domain === 'docker.io' ? `docker.io/${reference.path}` : name}]`};
		const image = host.images.find(shown);
		if (!image || !image.tags.includes(shown)) throw fail(`An image does not exist locally with the tag: ${name}`);
		const layers = layersOf(image);
		for (const layer of layers) yield {type: 'layer', id: layer.id, phase: 'preparing', status: 'Preparing'};
		const registry = registries.get(reference.domain);
		if (!registry) throw fail(unreachable(reference.domain));
		const problem = loginProblem(registry, credentials, '');
		if (problem) throw fail(problem.startsWith('Head') ? 'no basic auth credentials' : problem);

		const stored = [...registry.images.entries()];
		for (const layer of layers) {
			if (signal.aborted) return;
			const holder = stored.find(([, remote]) => remote.layers.some(other => other.id === layer.id));
			if (holder) {
				const from = holder[0].split(':')[0]!;
				yield {type: 'layer', id: layer.id, phase: 'exists', status: from === reference.path ? 'Layer already exists' : `Mounted from ${from}`};
				continue;
			}

			yield {type: 'layer', id: layer.id, phase: 'pushing', status: 'Pushing', current: Math.floor(layer.size / 2), total: layer.size};
			yield {type: 'layer', id: layer.id, phase: 'pushing', status: 'Pushing', current: layer.size, total: layer.size};
			yield {type: 'layer', id: layer.id, phase: 'pushed', status: 'Pushed'};
		}

		if (signal.aborted) return;
		const remote: FakeRemoteImage = {imageId: image.id, digest: `sha256:${hex(`manifest ${image.id}`)}`, layers};
		registry.images.set(`${reference.path}:${tag}`, remote);
		localLayers.set(image.id, layers);
		const size = 400 + layers.length * 168;
		yield {type: 'message', text: `${tag}: digest: ${remote.digest} size: ${size}`};
		yield {type: 'digest', digest: remote.digest, size};
		host.emit({type: 'image', action: 'push', id: shown, name: shown, time: now(), attributes: {name}});
	}

	/** Runs one transfer: records the call (never a secret), paces it, maps refusals as the real engine does. */
	async function* transfer(kind: TransferKind, text: string, credentials: RegistryCredentials | undefined, signal: AbortSignal): AsyncGenerator<TransferEvent> {
		host.enter(kind === 'pull' ? 'pullImage' : 'pushImage', credentials === undefined ? [text] : [text, {serverAddress: credentials.serverAddress, username: credentials.username}]);
		const reference = parsed(kind, text);
		// Like the real one: a transfer cancelled before it began ends quietly.
		if (signal.aborted) return;
		const fail = (message: string, status?: number) =>
			describeTransferError({kind, reference: familiarString(reference), registry: reference.domain, withCredentials: credentials !== undefined, message, ...(status === undefined ? {} : {status})});
		for await (const event of (kind === 'pull' ? pull : push)(reference, credentials, signal, fail)) {
			if (signal.aborted) return;
			yield event;
			const held = seed.pace?.(event);
			// A cancel does not wait for the test to let the transfer go on.
			if (held) await new Promise<void>(resolve => {
				void held.then(resolve, resolve);
				signal.addEventListener('abort', () => resolve(), {once: true});
			});
		}
	}

	const engine: RegistryEngine = {
		pullImage: (reference, credentials, signal) => transfer('pull', reference, credentials, signal),
		pushImage: (reference, credentials, signal) => transfer('push', reference, credentials, signal),
		async tagImage(source, target, signal) {
			host.enter('tagImage', [source, target], signal);
			const result = parseTagTarget(target);
			if ('error' in result) throw new EngineError('bad-request', result.error);
			const image = host.images.find(source);
			if (!image) throw new EngineError('not-found', `No such image: ${source}`, 404);
			const shown = familiarString(result.reference);
			host.images.tag(image.id, shown);
			host.emit({type: 'image', action: 'tag', id: image.id, name: shown, time: now(), attributes: {name: shown}});
		},
	};

	return {
		engine,
		/** What a registry holds now, by `path:tag` (for tests: what a push left there). */
		remoteImages: (domain: string): ReadonlyMap<string, FakeRemoteImage> => registries.get(domain)?.images ?? new Map(),
	};
}
