// GET a JSON document from the daemon with node:http alone, for the first frame: it
// goes out while the rest of dtui (dockerode among it) is still loading. Unix sockets
// and tcp (with TLS) only; an SSH endpoint connects through dockerode as usual.
import http from 'node:http';
import https from 'node:https';
import type {Endpoint} from './connection.js';

/** Whether quickGet can reach this endpoint. */
export function quickGetSupports(endpoint: Endpoint): boolean {
	const options = endpoint.dockerodeOptions;
	return typeof options['socketPath'] === 'string' || (typeof options['host'] === 'string' && !endpoint.label.startsWith('ssh://'));
}

/**
 * Resolves with the parsed body of a 200 answer; rejects on anything else (another
 * status, a socket error, `signal`). The caller falls back to the normal path then.
 * `onSent` runs once the request has left: the caller's cue for work that can overlap
 * the daemon's.
 */
export async function quickGet(endpoint: Endpoint, agent: http.Agent, path: string, signal: AbortSignal, onSent?: () => void): Promise<unknown> {
	const options = endpoint.dockerodeOptions;
	const tls = options['protocol'] === 'https';
	const request = (tls ? https : http).request({
		method: 'GET',
		path,
		agent,
		signal,
		...(typeof options['socketPath'] === 'string'
			? // No TLS server name to work out for a socket (Node would run its IPv6 regex for it: milliseconds).
				{socketPath: options['socketPath'], servername: ''}
			: {host: options['host'] as string, port: options['port'] as number, ...(tls ? {ca: options['ca'], cert: options['cert'], key: options['key']} : {})}),
		headers: {accept: 'application/json'},
	} as https.RequestOptions);
	return new Promise((resolve, reject) => {
		request.once('error', reject);
		if (onSent) request.once('finish', onSent);
		request.once('response', response => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.once('error', reject);
			response.once('end', () => {
				if (response.statusCode !== 200) {
					reject(new Error(`GET ${path}: ${response.statusCode ?? 'no status'}`));
					return;
				}

				try {
					resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
				} catch (error) {
					reject(error as Error);
				}
			});
		});
		request.end();
	});
}
