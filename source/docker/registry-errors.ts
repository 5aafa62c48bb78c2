// A registry failure as one line a person can act on. The daemon relays what went wrong
// between it and the registry as text (an HTTP 500 or 404 before the stream, an
// errorDetail line inside it), and its status codes do not tell an authentication
// failure from an unreachable registry: the words do (moby's distribution/errors.go
// and the registry's own error codes).
import {oneLine} from '../transport/describe-error.js';
import {EngineError} from '../engine/errors.js';
import type {EngineErrorKind} from '../engine/engine.js';

export type TransferKind = 'pull' | 'push';

const noCredentials = /no basic auth credentials/i;
const refused = /unauthorized|authentication required|incorrect username or password|access to the resource is denied|denied:/i;
const notLocal = /does not exist locally|no such image/i;
const unknown = /manifest unknown|not found|name unknown|repository does not exist/i;
const unreachable = /dial tcp|Client\.Timeout|connection refused|no such host|i\/o timeout|network is unreachable|no route to host|connection reset|EOF$|proxyconnect|TLS handshake|server gave HTTP response to HTTPS client|certificate/i;

/** The end of a Go network error: "dial tcp 127.0.0.1:5000: connect: connection refused" → "connection refused". */
function networkCause(message: string): string {
	if (/server gave HTTP response to HTTPS client/i.test(message)) return 'it speaks HTTP, and the daemon wants HTTPS for it (add it to the daemon\'s insecure-registries)';
	if (/proxyconnect/i.test(message)) return `the daemon's proxy refused the connection (${message.replace(/^.*proxyconnect tcp: /i, '')})`;
	const tail = message.split(': ').at(-1) ?? message;
	return tail.trim() === '' ? message : tail;
}

export type TransferFailure = {
	readonly kind: TransferKind;
	/** As the user wrote it (familiar). */
	readonly reference: string;
	readonly registry: string;
	/** Whether credentials were sent: "denied" then means wrong ones, else a login is missing. */
	readonly withCredentials: boolean;
	/** What the daemon said. */
	readonly message: string;
	/** Its HTTP status, when it said it before the stream began. */
	readonly status?: number;
};

/** What a failed pull or push means, in one line. */
export function describeTransferError({kind, reference, registry, withCredentials, message, status}: TransferFailure): EngineError {
	const said = oneLine(message);
	const make = (errorKind: EngineErrorKind, text: string) => new EngineError(errorKind, oneLine(text), status);
	if (noCredentials.test(said)) return make('denied', `${registry} wants a login and there are no credentials for it (docker login ${registry})`);
	if (unreachable.test(said)) return make('server', `cannot reach the registry ${registry}: ${networkCause(said)}`);
	if (kind === 'push' && notLocal.test(said)) return make('not-found', `there is no local image ${reference} to push (tag one first)`);
	if (refused.test(said)) {
		return withCredentials
			? make('denied', `${registry} refused the credentials for ${reference} (${said})`)
			: make('denied', `${registry} wants a login for ${reference}, or it does not exist there (${said})`);
	}

	// "manifest for … not found: manifest unknown: manifest unknown": the registry's own words are the last part.
	if (unknown.test(said) || status === 404) return make('not-found', `${reference} is not in the registry ${registry} (${said.split(': ').at(-1)})`);
	if (/invalid reference format/i.test(said)) return make('bad-request', `invalid reference ${JSON.stringify(reference)}: ${said}`);
	return make(status === undefined ? 'server' : status >= 500 ? 'server' : 'bad-request', said);
}
