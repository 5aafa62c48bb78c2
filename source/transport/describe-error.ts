import {sanitize} from '../text/sanitize.js';
import {EngineError} from '../engine/errors.js';

// Turns whatever dockerode, docker-modem or Node's sockets threw into one EngineError:
// a kind the UI can act on and one inert line a user can read. Kept apart from
// dockerode-engine.ts so it can be tested (and reused) without loading dockerode.

const maxMessageLength = 300;

/** Whitespace and newlines collapsed, controls made inert, long text cut: safe to draw on one row. */
export function oneLine(text: string): string {
	const flat = sanitize(text.replace(/\s+/g, ' ').trim());
	return flat.length > maxMessageLength ? `${flat.slice(0, maxMessageLength - 1)}…` : flat;
}

type ErrorLike = {
	code?: unknown;
	name?: unknown;
	message?: unknown;
	statusCode?: unknown;
	json?: unknown;
	cause?: unknown;
};

function asErrorLike(error: unknown): ErrorLike {
	return typeof error === 'object' && error !== null ? (error as ErrorLike) : {message: String(error)};
}

/** The message the daemon put in its JSON body, else the body text itself. */
function daemonMessage(json: unknown): string | undefined {
	if (typeof json === 'object' && json !== null && !Buffer.isBuffer(json)) {
		const message = (json as {message?: unknown}).message;
		return typeof message === 'string' && message.trim() !== '' ? message : undefined;
	}

	const text = Buffer.isBuffer(json) ? json.toString('utf8') : typeof json === 'string' ? json : '';
	return text.trim() === '' ? undefined : text;
}

/** For streamed answers docker-modem keeps the body only in its message: "(HTTP code 500) server error - BODY ". */
function modemCause(message: string): string | undefined {
	const cause = /^\(HTTP code \d+\) .*? - (.*)$/s.exec(message)?.[1]?.trim();
	return cause === undefined || cause === '' || cause === '[object Object]' ? undefined : cause;
}

function kindForStatus(status: number): EngineError['kind'] {
	if (status === 404) return 'not-found';
	if (status === 409) return 'conflict';
	if (status === 401 || status === 403) return 'denied';
	if (status >= 500) return 'server';
	return 'bad-request';
}

/** Podman answers 500 where Docker answers 409 (pause or exec in a stopped container), naming its cause. */
function stateImproper(json: unknown): boolean {
	return typeof json === 'object' && json !== null && (json as {cause?: unknown}).cause === 'container state improper';
}

function socketPath(label: string): string {
	return label.startsWith('unix://') ? label.slice('unix://'.length) : label;
}

function isTimeout(error: ErrorLike): boolean {
	if (error.name === 'TimeoutError' || error.code === 'ETIMEDOUT') return true;
	const cause = error.cause;
	return typeof cause === 'object' && cause !== null && (cause as {name?: unknown}).name === 'TimeoutError';
}

const tlsCodes = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/;

/** What went wrong in a TLS handshake, by OpenSSL's or Node's code; undefined: say the raw message. */
function tlsProblem(code: string, message: string): string | undefined {
	switch (code) {
		case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
		case 'UNABLE_TO_GET_ISSUER_CERT':
		case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
		case 'SELF_SIGNED_CERT_IN_CHAIN':
		case 'DEPTH_ZERO_SELF_SIGNED_CERT':
		case 'CERT_SIGNATURE_FAILURE':
			return 'its certificate is not signed by your CA (ca.pem)';
		case 'CERT_HAS_EXPIRED':
			return 'its certificate has expired';
		case 'CERT_NOT_YET_VALID':
			return 'its certificate is not valid yet (check the clock)';
		case 'CERT_REVOKED':
			return 'its certificate is revoked';
		case 'ERR_TLS_CERT_ALTNAME_INVALID':
			return 'its certificate is for another host name';
		// The daemon refuses the handshake when it wants a client certificate it did not
		// get or cannot verify: TLS 1.2 says "bad certificate", 1.3 "certificate required".
		case 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE':
		case 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED':
		case 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN':
		case 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA':
			return 'it refused your client certificate (none given, or not signed by a CA it trusts)';
		case 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED':
			return 'it refused your client certificate: expired';
		case 'ERR_SSL_WRONG_VERSION_NUMBER':
			return 'it does not speak TLS on this port (unset DOCKER_TLS_VERIFY and DOCKER_CERT_PATH?)';
		default:
			// Node 20 reports a plain-text answer to a TLS hello as EPROTO "wrong version number".
			if (code === 'EPROTO' && /wrong version number/i.test(message)) {
				return 'it does not speak TLS on this port (unset DOCKER_TLS_VERIFY and DOCKER_CERT_PATH?)';
			}

			return undefined;
	}
}

/** Go's TLS server answers plain HTTP with a 400 and this body. */
const plainHttpToTls = /client sent an http request to an https server/i;

/**
 * Map any error from a request to `label` (the endpoint as the user knows it) to an EngineError.
 * An EngineError passes through unchanged.
 */
export function describeConnectError(error: unknown, label: string): EngineError {
	if (error instanceof EngineError) return error;
	const e = asErrorLike(error);
	const at = `cannot connect to the Docker daemon at ${label}`;
	const message = typeof e.message === 'string' ? e.message : '';

	if (typeof e.statusCode === 'number') {
		const status = e.statusCode;
		if (status === 400 && plainHttpToTls.test(daemonMessage(e.json) ?? message)) {
			return new EngineError('denied', oneLine(`the Docker daemon at ${label} wants TLS: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH, or use a context with TLS`), status);
		}

		const said = daemonMessage(e.json) ?? modemCause(message) ?? `the Docker daemon at ${label} answered HTTP ${status}`;
		return new EngineError(stateImproper(e.json) ? 'conflict' : kindForStatus(status), oneLine(said), status);
	}

	if (isTimeout(e)) return new EngineError('timeout', oneLine(`the Docker daemon at ${label} is not responding`));
	if (e.name === 'AbortError' || e.code === 'ABORT_ERR') return new EngineError('aborted', 'request aborted');

	const code = typeof e.code === 'string' ? e.code : '';
	switch (code) {
		case 'ENOENT':
		case 'ENOTDIR':
			return new EngineError('unreachable', oneLine(`${at}: no such socket (is dockerd running?)`));
		case 'EACCES':
		case 'EPERM':
			return new EngineError('denied', oneLine(`permission denied on ${socketPath(label)} (is your user in the docker group?)`));
		case 'ECONNREFUSED':
			return new EngineError('unreachable', oneLine(`${at}: connection refused`));
		case 'ECONNRESET':
		case 'EPIPE':
		case 'ERR_STREAM_PREMATURE_CLOSE':
			return new EngineError('unreachable', oneLine(`lost the connection to the Docker daemon at ${label}`));
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return new EngineError('unreachable', oneLine(`${at}: unknown host`));
		case 'EHOSTUNREACH':
		case 'ENETUNREACH':
			return new EngineError('unreachable', oneLine(`${at}: no route to host`));
		default:
			break;
	}

	if (tlsCodes.test(code)) {
		const problem = tlsProblem(code, message);
		if (problem !== undefined) return new EngineError('denied', oneLine(`TLS with the Docker daemon at ${label} failed: ${problem}`));
		return new EngineError('denied', oneLine(`TLS with the Docker daemon at ${label} failed: ${message || code}`));
	}

	// Any other system error is still the connection failing; anything else is a surprise
	// from the client library, reported as the daemon side so it is not retried forever.
	return new EngineError(code === '' ? 'server' : 'unreachable', oneLine(`${at}: ${message || code || 'unknown error'}`));
}
