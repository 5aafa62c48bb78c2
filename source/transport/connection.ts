import {statSync} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import {apiVersionOf, newestApiVersion} from '../engine/api-version.js';
import {ConnectionConfigError} from './connection-config-error.js';
import {oneLine} from './describe-error.js';
import {dockerConfigDirectory, readContext, readCurrentContext, type Env} from './docker-config.js';
import {SshHttpAgent} from './ssh-http-agent.js';
import {parseSshUrl} from './ssh-target.js';
import {readTlsDirectory, type TlsMaterial} from './tls-material.js';

// Where the daemon is, decided once at start-up, the way the docker CLI decides it:
// --context (never with --host), --host, DOCKER_HOST (empty = unset), DOCKER_CONTEXT,
// config.json's currentContext, else the default socket (or Podman's, when Docker's is
// absent and nothing was asked for). Every mistake becomes one line the user can fix.

export {ConnectionConfigError} from './connection-config-error.js';

export const defaultHost = 'unix:///var/run/docker.sock';
export const defaultContextName = 'default';

/** Tried in order when the default Docker socket is absent and nothing else was asked for. */
export function podmanSockets(env: Env): string[] {
	const runtime = env['XDG_RUNTIME_DIR'];
	return [...(runtime ? [path.join(runtime, 'podman', 'podman.sock')] : []), '/run/podman/podman.sock'];
}

const usage = 'use unix:///path/to/docker.sock, tcp://HOST:PORT or ssh://USER@HOST[:PORT]';

export type Endpoint = {
	/** The socket or URL as the user would recognise it, for the header and error lines. */
	label: string;
	/** The context it came from: "default" for --host, DOCKER_HOST and the default socket. */
	context: string;
	/** Everything dockerode needs, transport keys all present so its own DOCKER_HOST reading cannot win. */
	dockerodeOptions: Record<string, unknown>;
	/** The agent every request goes through: keeps sockets for reuse, or the one SSH connection. */
	createAgent(): http.Agent;
	/** DOCKER_API_VERSION: the Engine API version to speak instead of negotiating one. */
	pinnedApiVersion?: string;
};

export type ResolveOptions = {
	/** The --host flag's value, if given. */
	host?: string;
	/** The --context flag's value, if given. */
	context?: string;
	env: Env;
	/** Whether a unix socket exists at this path; tests replace it. */
	socketExists?: (path: string) => boolean;
};

// dockerode merges its own reading of DOCKER_HOST under ours: naming every transport
// key (even as undefined) is what keeps an explicit choice explicit. `timeout` too,
// because dockerode would take it from DOCKER_CLIENT_TIMEOUT and it kills idle streams.
const blankTransport = {
	socketPath: undefined,
	host: undefined,
	port: undefined,
	protocol: undefined,
	pathPrefix: undefined,
	ca: undefined,
	cert: undefined,
	key: undefined,
	timeout: undefined,
};

function invalid(value: string, reason?: string): ConnectionConfigError {
	const shown = `invalid host "${oneLine(value)}"`;
	return new ConnectionConfigError(reason ? `${shown}: ${reason}; ${usage}` : `${shown}: ${usage}`);
}

function isSocket(file: string): boolean {
	try {
		return statSync(file).isSocket();
	} catch {
		return false;
	}
}

function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value === '' ? undefined : value;
}

/** The context the CLI would use; "default" stands for --host, DOCKER_HOST or the default socket. */
export function currentContextName(options: ResolveOptions): string {
	const flag = nonEmpty(options.context);
	if (flag !== undefined && options.host !== undefined) {
		throw new ConnectionConfigError('conflicting options: cannot specify both --host and --context');
	}

	if (flag !== undefined) return flag;
	if (options.host !== undefined || nonEmpty(options.env['DOCKER_HOST']) !== undefined) return defaultContextName;
	return nonEmpty(options.env['DOCKER_CONTEXT']) ?? readCurrentContext(options.env) ?? defaultContextName;
}

/** What the default context points at: --host, DOCKER_HOST, Docker's socket, else a Podman socket that exists. */
export function defaultContextHost(options: ResolveOptions): string {
	const asked = options.host ?? nonEmpty(options.env['DOCKER_HOST']);
	if (asked !== undefined) return asked;
	const exists = options.socketExists ?? isSocket;
	if (exists(defaultHost.slice('unix://'.length))) return defaultHost;
	const podman = podmanSockets(options.env).find(socket => exists(socket));
	return podman === undefined ? defaultHost : `unix://${podman}`;
}

export function resolveEndpoint(options: ResolveOptions): Endpoint {
	const pinnedApiVersion = apiVersionFromEnvironment(options.env);
	const endpoint = resolveTransport(options);
	return pinnedApiVersion === undefined ? endpoint : {...endpoint, pinnedApiVersion};
}

/** DOCKER_API_VERSION as the CLI reads it: empty is unset, a leading "v" is allowed. */
function apiVersionFromEnvironment(env: Env): string | undefined {
	const value = nonEmpty(env['DOCKER_API_VERSION']?.trim());
	if (value === undefined) return undefined;
	const version = apiVersionOf(value);
	if (version === undefined) throw new ConnectionConfigError(`DOCKER_API_VERSION="${oneLine(value)}" is not an API version (like ${newestApiVersion})`);
	return version;
}

function resolveTransport(options: ResolveOptions): Endpoint {
	const {env} = options;
	const name = currentContextName(options);
	if (name === defaultContextName) {
		return endpointFor(defaultContextHost(options), name, env, () => tlsFromEnvironment(env));
	}

	const context = readContext(env, name);
	try {
		return endpointFor(context.host, name, env, () =>
			context.hasTls || context.skipTlsVerify
				? readTlsDirectory(context.tlsDirectory, {caRequired: false, skipVerify: context.skipTlsVerify})
				: undefined,
		);
	} catch (error) {
		if (error instanceof ConnectionConfigError) throw new ConnectionConfigError(`context "${oneLine(name)}": ${error.message}`);
		throw error;
	}
}

/** `tls` is only asked for by tcp endpoints, so TLS files never stop a unix or ssh one. */
function endpointFor(value: string, context: string, env: Env, tls: () => TlsMaterial | undefined): Endpoint {
	if (value.startsWith('unix://')) return unixEndpoint(value, context);
	if (value.startsWith('tcp://')) return tcpEndpoint(value, context, tls());
	if (value.startsWith('ssh://')) return sshEndpoint(value, context, env);
	if (value.startsWith('npipe://')) throw invalid(value, 'named pipes are not supported');
	throw invalid(value);
}

function keepAliveAgent(): http.Agent {
	return new http.Agent({keepAlive: true});
}

function unixEndpoint(value: string, context: string): Endpoint {
	const socketPath = value.slice('unix://'.length);
	if (socketPath === '') throw invalid(value, 'missing socket path');
	return {
		label: oneLine(value),
		context,
		dockerodeOptions: {...blankTransport, socketPath},
		createAgent: keepAliveAgent,
	};
}

// tcp://HOST[:PORT][/] where HOST may be a bracketed IPv6 address.
const tcpPattern = /^tcp:\/\/(\[[^\]]*\]|[^:/?#@[\]]*)(?::([^/]*))?\/?$/;

function tcpEndpoint(value: string, context: string, tls: TlsMaterial | undefined): Endpoint {
	const match = tcpPattern.exec(value);
	if (!match) throw invalid(value, 'expected tcp://HOST:PORT');
	const hostPart = match[1] ?? '';
	const portPart = match[2];
	const hostname = hostPart.startsWith('[') ? hostPart.slice(1, -1) : hostPart;
	if (hostname === '') throw invalid(value, 'missing host name');

	// The CLI's defaults: 2376 is the TLS port, 2375 the plain one.
	let port = tls ? 2376 : 2375;
	if (portPart !== undefined) {
		if (!/^\d+$/.test(portPart)) throw invalid(value, `port "${oneLine(portPart)}" is not a number`);
		port = Number(portPart);
		if (port < 1 || port > 65_535) throw invalid(value, `port ${portPart} is out of range (1-65535)`);
	}

	const skipVerify = tls?.skipVerify === true;
	return {
		label: oneLine(`tcp://${hostPart}:${port}`),
		context,
		dockerodeOptions: {
			...blankTransport,
			host: hostname,
			port,
			protocol: tls ? 'https' : 'http',
			...(tls ? {ca: tls.ca, cert: tls.cert, key: tls.key} : {}),
		},
		// docker-modem passes no rejectUnauthorized of its own; the agent's options reach tls.connect.
		createAgent: () => (tls ? new https.Agent({keepAlive: true, rejectUnauthorized: !skipVerify}) : keepAliveAgent()),
	};
}

function sshEndpoint(value: string, context: string, env: Env): Endpoint {
	let target;
	try {
		target = parseSshUrl(value);
	} catch (error) {
		throw invalid(value, (error as Error).message);
	}

	return {
		label: target.label,
		context,
		// Plain HTTP over the SSH agent's channels; the host name only fills the Host header.
		dockerodeOptions: {...blankTransport, host: 'docker', port: 80, protocol: 'http'},
		createAgent: () => new SshHttpAgent(target, env),
	};
}

/** The CLI's rule: any non-empty DOCKER_TLS_VERIFY or DOCKER_CERT_PATH means TLS. We always verify the server. */
function tlsFromEnvironment(env: Env): TlsMaterial | undefined {
	const verify = env['DOCKER_TLS_VERIFY'] ?? '';
	const certPath = env['DOCKER_CERT_PATH'] ?? '';
	if (verify === '' && certPath === '') return undefined;
	// Unset, the CLI looks in its config directory ($DOCKER_CONFIG, else ~/.docker).
	const directory = certPath === '' ? dockerConfigDirectory(env) : certPath;
	return readTlsDirectory(directory, {caRequired: true, skipVerify: false});
}
