// A unix socket in front of a daemon's that writes down every HTTP request passing
// through (method and path, from the bytes on the wire, whatever client sent them).
// With `blockMutations`, a request that could change something (anything but GET and
// HEAD) is recorded and its connection cut before a byte of it reaches the daemon:
// a test that proves read-only mode cannot harm a shared daemon even when it fails.
import {createConnection, createServer, type Server, type Socket} from 'node:net';
import {rmSync} from 'node:fs';

export type RecordedRequest = {readonly method: string; readonly path: string};

export type RecordingProxy = {
	readonly socket: string;
	readonly requests: readonly RecordedRequest[];
	close(): Promise<void>;
};

const requestLine = /(?:^|\r\n)([A-Z]+) (\S+) HTTP\/1\.[01]\r\n/g;
const safeMethods = new Set(['GET', 'HEAD']);

export async function startRecordingProxy(options: {socket: string; target: string; blockMutations: boolean}): Promise<RecordingProxy> {
	const requests: RecordedRequest[] = [];
	const open = new Set<Socket>();

	const server: Server = createServer(client => {
		const upstream = createConnection(options.target);
		open.add(client);
		open.add(upstream);
		// Latin-1 keeps one character per byte; request lines are ASCII.
		let seen = '';
		let scanned = 0;
		const cut = () => {
			client.destroy();
			upstream.destroy();
		};

		client.on('data', (chunk: Buffer) => {
			seen += chunk.toString('latin1');
			let blocked = false;
			requestLine.lastIndex = Math.max(0, scanned - 2);
			for (let match = requestLine.exec(seen); match; match = requestLine.exec(seen)) {
				requests.push({method: match[1]!, path: match[2]!});
				if (options.blockMutations && !safeMethods.has(match[1]!)) blocked = true;
			}

			// A line may still be arriving: look at its start again next time.
			const lastBreak = seen.lastIndexOf('\r\n');
			scanned = lastBreak === -1 ? 0 : lastBreak;
			// Bodies are not request lines, but only the recent past matters for finding one.
			if (seen.length > 1 << 20) {
				seen = seen.slice(scanned);
				scanned = 0;
			}

			if (blocked) cut();
			else upstream.write(chunk);
		});
		upstream.on('data', (chunk: Buffer) => client.write(chunk));
		client.on('close', () => {
			open.delete(client);
			upstream.destroy();
		});
		upstream.on('close', () => {
			open.delete(upstream);
			client.destroy();
		});
		client.on('error', cut);
		upstream.on('error', cut);
	});

	rmSync(options.socket, {force: true});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.socket, resolve);
	});

	return {
		socket: options.socket,
		requests,
		async close() {
			for (const socket of open) socket.destroy();
			await new Promise(resolve => {
				server.close(resolve);
			});
			rmSync(options.socket, {force: true});
		},
	};
}
