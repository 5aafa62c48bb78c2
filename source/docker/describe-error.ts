import {sanitize} from '../sanitize.js';
import {EngineError} from './errors.js';

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

function socketPath(label: string): string {
	return label.startsWith('unix://') ? label.slice('unix://'.length) : label;
}

function isTimeout(error: ErrorLike): boolean {
	if (error.name === 'TimeoutError' || error.code === 'ETIMEDOUT') return true;
	const cause = error.cause;
	return typeof cause === 'object' && cause !== null && (cause as {name?: unknown}).name === 'TimeoutError';
}

const tlsCodes = /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/;

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
		const said = daemonMessage(e.json) ?? modemCause(message) ?? `the Docker daemon at ${label} answered HTTP ${status}`;
		return new EngineError(kindForStatus(status), oneLine(said), status);
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
		return new EngineError('denied', oneLine(`TLS with the Docker daemon at ${label} failed: ${message || code}`));
	}

	// Any other system error is still the connection failing; anything else is a surprise
	// from the client library, reported as the daemon side so it is not retried forever.
	return new EngineError(code === '' ? 'server' : 'unreachable', oneLine(`${at}: ${message || code || 'unknown error'}`));
}
