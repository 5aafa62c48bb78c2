import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {oneLine} from './describe-error.js';

// Where the daemon is, decided once at start-up, the way the docker CLI decides it
// (minus contexts and ssh for now): --host, else DOCKER_HOST (empty = unset), else
// the default socket. Every mistake becomes one line the user can fix.

export const defaultHost = 'unix:///var/run/docker.sock';

const usage = 'use unix:///path/to/docker.sock or tcp://HOST:PORT';

/** A host value or TLS setting we cannot use; its message is one line for the user. */
export class ConnectionConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConnectionConfigError';
	}
}

export type Endpoint = {
	/** The socket or URL as the user would recognise it, for the header and error lines. */
	label: string;
	/** Everything dockerode needs, transport keys all present so its own DOCKER_HOST reading cannot win. */
	dockerodeOptions: Record<string, unknown>;
};

export type ResolveOptions = {
	/** The --host flag's value, if given. */
	host?: string;
	env: NodeJS.ProcessEnv;
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

export function resolveEndpoint(options: ResolveOptions): Endpoint {
	const fromEnv = options.env['DOCKER_HOST'];
	const value = options.host ?? (fromEnv === undefined || fromEnv === '' ? defaultHost : fromEnv);

	if (value.startsWith('unix://')) return unixEndpoint(value);
	if (value.startsWith('tcp://')) return tcpEndpoint(value, options.env);
	if (value.startsWith('npipe://')) throw invalid(value, 'named pipes are not supported');
	if (value.startsWith('ssh://')) throw invalid(value, 'ssh is not supported yet');
	throw invalid(value);
}

function unixEndpoint(value: string): Endpoint {
	const socketPath = value.slice('unix://'.length);
	if (socketPath === '') throw invalid(value, 'missing socket path');
	return {
		label: oneLine(value),
		dockerodeOptions: {...blankTransport, socketPath},
	};
}

// tcp://HOST[:PORT][/] where HOST may be a bracketed IPv6 address.
const tcpPattern = /^tcp:\/\/(\[[^\]]*\]|[^:/?#@[\]]*)(?::([^/]*))?\/?$/;

function tcpEndpoint(value: string, env: NodeJS.ProcessEnv): Endpoint {
	const match = tcpPattern.exec(value);
	if (!match) throw invalid(value, 'expected tcp://HOST:PORT');
	const hostPart = match[1] ?? '';
	const portPart = match[2];
	const hostname = hostPart.startsWith('[') ? hostPart.slice(1, -1) : hostPart;
	if (hostname === '') throw invalid(value, 'missing host name');

	const tls = tlsFiles(env);
	// The CLI's defaults: 2376 is the TLS port, 2375 the plain one.
	let port = tls ? 2376 : 2375;
	if (portPart !== undefined) {
		if (!/^\d+$/.test(portPart)) throw invalid(value, `port "${oneLine(portPart)}" is not a number`);
		port = Number(portPart);
		if (port < 1 || port > 65_535) throw invalid(value, `port ${portPart} is out of range (1-65535)`);
	}

	const label = oneLine(`tcp://${hostPart}:${port}`);
	return {
		label,
		dockerodeOptions: {
			...blankTransport,
			host: hostname,
			port,
			protocol: tls ? 'https' : 'http',
			...tls,
		},
	};
}

type TlsFiles = {ca: Buffer; cert: Buffer; key: Buffer};

/** The CLI's rule: any non-empty DOCKER_TLS_VERIFY or DOCKER_CERT_PATH means TLS. We always verify the server. */
function tlsFiles(env: NodeJS.ProcessEnv): TlsFiles | undefined {
	const verify = env['DOCKER_TLS_VERIFY'] ?? '';
	const certPath = env['DOCKER_CERT_PATH'] ?? '';
	if (verify === '' && certPath === '') return undefined;
	const directory = certPath === '' ? path.join(homedir(), '.docker') : certPath;
	return {
		ca: readCertificate(path.join(directory, 'ca.pem')),
		cert: readCertificate(path.join(directory, 'cert.pem')),
		key: readCertificate(path.join(directory, 'key.pem')),
	};
}

const readProblems: Record<string, string> = {
	ENOENT: 'no such file',
	EACCES: 'permission denied',
	EISDIR: 'is a directory',
	ENOTDIR: 'no such file',
};

// Read now, not on the first request, so a missing file is a start-up line, not a
// mysterious TLS failure later.
function readCertificate(file: string): Buffer {
	try {
		return readFileSync(file);
	} catch (error) {
		const code = (error as {code?: unknown}).code;
		const problem = (typeof code === 'string' ? readProblems[code] : undefined) ?? (typeof code === 'string' ? code : 'unreadable');
		throw new ConnectionConfigError(`cannot read TLS certificate ${oneLine(file)}: ${problem}`);
	}
}
