import {oneLine} from './describe-error.js';

// ssh://[USER@]HOST[:PORT][/SOCKET] as the docker CLI accepts it: no password, no query,
// no fragment. A path names the remote daemon's socket; without one the remote
// docker CLI decides (its DOCKER_HOST, its context).

export type SshTarget = {
	/** The host as written: ~/.ssh/config may rename it (HostName) and fill in User and Port. */
	readonly host: string;
	readonly user?: string;
	readonly port?: number;
	readonly socketPath?: string;
	/** ssh://USER@HOST:PORT as written, for headers and error lines. */
	readonly label: string;
};

export function parseSshUrl(value: string): SshTarget {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new Error('expected ssh://USER@HOST[:PORT]');
	}

	if (url.password !== '') throw new Error('plain-text password is not supported');
	if (url.search !== '') throw new Error('extra query after the host');
	if (url.hash !== '') throw new Error('extra fragment after the host');
	// URL keeps IPv6 literals bracketed; ssh wants them bare.
	const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
	if (host === '') throw new Error('no host specified');
	const user = url.username === '' ? undefined : decodeURIComponent(url.username);
	const port = url.port === '' ? undefined : Number(url.port);
	const socketPath = url.pathname === '' || url.pathname === '/' ? undefined : decodeURIComponent(url.pathname);
	const label = `ssh://${user === undefined ? '' : `${user}@`}${url.host}${socketPath ?? ''}`;
	return {
		host,
		...(user === undefined ? {} : {user}),
		...(port === undefined ? {} : {port}),
		...(socketPath === undefined ? {} : {socketPath}),
		label: oneLine(label),
	};
}
