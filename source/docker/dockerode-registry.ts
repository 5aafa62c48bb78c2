// RegistryEngine over dockerode's modem: pull, push and tag. The reference is checked
// before any request; the answer's JSON lines become TransferEvents; a failure before or
// inside the stream becomes one EngineError line (registry-errors.ts). Aborting closes
// the connection, and the daemon cancels the transfer when its client goes away.
import type {Readable} from 'node:stream';
import {describeConnectError} from '../transport/describe-error.js';
import {EngineError} from '../engine/errors.js';
import {familiarName, familiarString, parseImageReference, parsePushTarget, parseTagTarget, pullQuery, withDefaultTag, type ImageReference} from '../engine/image-reference.js';
import {ProgressParser} from './progress-stream.js';
import {registryAuthHeader} from '../transport/registry-auth.js';
import {describeTransferError, type TransferKind} from './registry-errors.js';
import type {RegistryCredentials, RegistryEngine, TransferEvent} from '../engine/registry-io.js';
import {Deadline, underDeadline, type RequestContext} from './request-deadline.js';

/** The daemon answers a pull or push only once the registry has answered it: allow for a slow one. */
const connectFactor = 3;

type Dial = {path: string; query: Record<string, string>; credentials?: RegistryCredentials | undefined; sendAuth: boolean; isStream: boolean};

export function createRegistryMethods({docker, label, closing, requestTimeoutMs}: RequestContext): RegistryEngine {
	function dial({path, query, credentials, sendAuth, isStream}: Dial, abortSignal: AbortSignal): Promise<unknown> {
		return new Promise((resolve, reject) => {
			docker.modem.dial(
				{
					// The trailing "?" tells docker-modem to append the query.
					path: `${path}?`,
					method: 'POST',
					options: query,
					// `key` is sent as it is: our encoding, with the padding the daemon's decoder wants.
					...(sendAuth ? {authconfig: {key: registryAuthHeader(credentials)}} : {}),
					isStream,
					statusCodes: {200: true, 201: true},
					abortSignal,
				} as Parameters<typeof docker.modem.dial>[0],
				(error: unknown, data: unknown) => {
					if (error) reject(error as Error);
					else resolve(data);
				},
			);
		});
	}

	function parse(kind: TransferKind, text: string): ImageReference {
		const parsed = kind === 'pull' ? parseImageReference(text) : parsePushTarget(text);
		if ('error' in parsed) throw new EngineError('bad-request', parsed.error);
		return kind === 'pull' ? withDefaultTag(parsed.reference) : parsed.reference;
	}

	async function* transfer(kind: TransferKind, text: string, credentials: RegistryCredentials | undefined, signal: AbortSignal): AsyncGenerator<TransferEvent> {
		const reference = parse(kind, text);
		if (signal.aborted || closing.aborted) return;
		const shown = familiarString(reference);
		const fail = (message: string, status?: number) =>
			describeTransferError({kind, reference: shown, registry: reference.domain, withCredentials: credentials !== undefined, message, ...(status === undefined ? {} : {status})});
		const request: Dial = kind === 'pull'
			? {path: '/images/create', query: pullQuery(reference), credentials, sendAuth: credentials !== undefined, isStream: true}
			// A push without the header is refused outright ("missing X-Registry-Auth"): `{}` means anonymous.
			: {path: `/images/${encodeURIComponent(familiarName(reference))}/push`, query: {tag: reference.tag ?? 'latest'}, credentials, sendAuth: true, isStream: true};

		const deadline = new Deadline([signal, closing], requestTimeoutMs * connectFactor);
		let stream: Readable;
		try {
			stream = (await dial(request, deadline.signal)) as Readable;
		} catch (error) {
			deadline.dispose();
			if (deadline.cancelled) return;
			const described = describeConnectError(error, label);
			// Only the daemon's own answers are about the registry; a dead socket is about the daemon.
			if (described.statusCode === undefined) throw deadline.timedOut ? new EngineError('timeout', `the Docker daemon at ${label} did not answer the ${kind} of ${shown}`) : described;
			throw fail(described.message, described.statusCode);
		}

		// Layers may take minutes: once the daemon answers, only the caller ends it.
		deadline.clearTimer();
		const onAbort = () => stream.destroy();
		deadline.signal.addEventListener('abort', onAbort);
		const parser = new ProgressParser();
		try {
			for await (const chunk of stream) {
				for (const line of parser.push(chunk as Buffer)) {
					// One chunk holds many lines: a cancel between two of them ends it there.
					if (deadline.cancelled) return;
					if (line.type === 'error') throw fail(line.message);
					yield line;
				}
			}
		} catch (error) {
			if (error instanceof EngineError) throw error;
			if (!deadline.cancelled) throw describeConnectError(error, label);
		} finally {
			deadline.signal.removeEventListener('abort', onAbort);
			deadline.dispose();
			stream.destroy();
		}
	}

	return {
		pullImage(reference, credentials, signal) {
			return transfer('pull', reference, credentials, signal);
		},

		pushImage(reference, credentials, signal) {
			return transfer('push', reference, credentials, signal);
		},

		async tagImage(source, target, signal) {
			const parsed = parseTagTarget(target);
			if ('error' in parsed) throw new EngineError('bad-request', parsed.error);
			const {reference} = parsed;
			await underDeadline([signal, closing], requestTimeoutMs, label, async deadline =>
				dial({path: `/images/${encodeURIComponent(source)}/tag`, query: {repo: familiarName(reference), tag: reference.tag ?? 'latest'}, sendAuth: false, isStream: false}, deadline),
			);
		},
	};
}
