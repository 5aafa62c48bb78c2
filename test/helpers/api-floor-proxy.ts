// A unix socket in front of an older dockerd that looks, to a client, like Docker Engine 29
// at its API version floor. No Debian release ships Engine 29, whose one change that
// matters here is that it refuses clients below API 1.44; this proxy reproduces that:
//
// - `/vX.Y/…` below the minimum or above the maximum is answered 400 with the Engine's own
//   words (moby daemon/server/middleware/version.go, versionUnsupportedError), as JSON, or
//   as plain text below 1.24 (moby daemon/server/server.go, makeHTTPHandler);
// - an accepted `/vX.Y/…` reaches the daemon as the highest version it speaks (at most X.Y);
//   unversioned paths pass unchanged (Engine 29 serves them as its newest version);
// - every response says `Api-Version: 1.52` and `Server: Docker/29.1.0 (linux)`, so /_ping
//   negotiates as against Engine 29, and /version's JSON carries Engine 29's versions;
// - everything else passes byte for byte: bodies and chunked streams as they arrive, and
//   hijacked connections (101 after `Upgrade: tcp`, or a bare 200 and a raw stream when
//   the client sent no upgrade headers) become a plain pipe both ways, half-close included.
//
// It reads HTTP/1.1 itself rather than through node:http, because a hijack without
// upgrade headers looks like an ordinary request whose connection then carries raw bytes
// (docker-modem's `openStdin` without `hijack`), which an HTTP server would reject as a
// malformed next request. Requests on one connection are handled one at a time (each gets
// its own response before the next is read), on one connection to the daemon per client.
import {createConnection, createServer, type Server, type Socket} from 'node:net';
import {request} from 'node:http';
import {rmSync} from 'node:fs';
import {compareApiVersions} from '../../source/engine/api-version.js';

export type ApiFloorProxyOptions = {
	/** Unix socket path to create (an old file there is removed). */
	listen: string;
	/** The real daemon's unix socket. */
	target: string;
	apiVersion?: string;
	minApiVersion?: string;
	engineVersion?: string;
};

export type ApiFloorProxy = {
	readonly socket: string;
	/** `METHOD target` of every request as received, e.g. `HEAD /_ping`, `GET /v1.50/containers/json?all=1`. */
	readonly requests: string[];
	close(): Promise<void>;
};

/** Engine 29's words for a refused version (moby daemon/server/middleware/version.go). */
export function versionTooOldMessage(version: string, minimum: string): string {
	return `client version ${version} is too old. Minimum supported API version is ${minimum}, please upgrade your client to a newer version`;
}

export function versionTooNewMessage(version: string, maximum: string): string {
	return `client version ${version} is too new. Maximum supported API version is ${maximum}`;
}

// moby's router matches "/v{version:[0-9.]+}" before each route's path.
const versionedTarget = /^\/v([0-9.]+)(\/.*)$/;
const headEnd = Buffer.from('\r\n\r\n');
const maxHeadBytes = 1 << 20;

type Field = {name: string; value: string};
type Head = {startLine: string; fields: Field[]};

function parseHead(raw: Buffer): Head {
	const lines = raw.toString('latin1').split('\r\n');
	const fields: Field[] = [];
	for (const line of lines.slice(1)) {
		if (line === '') continue;
		const colon = line.indexOf(':');
		if (colon === -1) continue;
		fields.push({name: line.slice(0, colon), value: line.slice(colon + 1).trim()});
	}

	return {startLine: lines[0] ?? '', fields};
}

function field(head: Head, name: string): string | undefined {
	const lower = name.toLowerCase();
	return head.fields.find(entry => entry.name.toLowerCase() === lower)?.value;
}

function setField(head: Head, name: string, value: string, addIfMissing: boolean): void {
	const lower = name.toLowerCase();
	const existing = head.fields.filter(entry => entry.name.toLowerCase() === lower);
	for (const entry of existing) entry.value = value;
	if (existing.length === 0 && addIfMissing) head.fields.push({name, value});
}

function serializeHead(head: Head): Buffer {
	return Buffer.from(`${[head.startLine, ...head.fields.map(entry => `${entry.name}: ${entry.value}`)].join('\r\n')}\r\n\r\n`, 'latin1');
}

/** Follows a chunked body through its framing without changing it, to find where it ends; can collect the data. */
class ChunkedScanner {
	done = false;
	private state: 'size' | 'data' | 'data-end' | 'trailer' = 'size';
	private line = '';
	private remaining = 0;

	/** How many bytes of `chunk` belong to the body (all of them unless it ended inside). */
	feed(chunk: Buffer, sink?: Buffer[]): number {
		let index = 0;
		while (index < chunk.length && !this.done) {
			if (this.state === 'data') {
				const take = Math.min(this.remaining, chunk.length - index);
				sink?.push(chunk.subarray(index, index + take));
				index += take;
				this.remaining -= take;
				if (this.remaining === 0) this.state = 'data-end';
				continue;
			}

			// Every other state reads up to the end of a line.
			const newline = chunk.indexOf(0x0a, index);
			const end = newline === -1 ? chunk.length : newline;
			if (this.state !== 'data-end') this.line += chunk.toString('latin1', index, end);
			if (this.line.length > 64 * 1024) throw new Error('chunked framing: line too long');
			index = newline === -1 ? chunk.length : newline + 1;
			if (newline === -1) continue;

			const line = this.line.replace(/\r$/, '');
			this.line = '';
			if (this.state === 'data-end') {
				this.state = 'size';
			} else if (this.state === 'size') {
				const size = Number.parseInt(line.split(';')[0]!.trim(), 16);
				if (!Number.isFinite(size) || size < 0) throw new Error(`chunked framing: bad chunk size ${JSON.stringify(line)}`);
				if (size === 0) {
					this.state = 'trailer';
				} else {
					this.remaining = size;
					this.state = 'data';
				}
			} else if (line === '') {
				this.done = true;
			}
		}

		return index;
	}
}

type Framing = {kind: 'none'} | {kind: 'length'; remaining: number} | {kind: 'chunked'; scanner: ChunkedScanner} | {kind: 'raw'};

function consumeBody(framing: Framing, chunk: Buffer, sink?: Buffer[]): {used: number; done: boolean} {
	switch (framing.kind) {
		case 'none': {
			return {used: 0, done: true};
		}

		case 'length': {
			const used = Math.min(framing.remaining, chunk.length);
			sink?.push(chunk.subarray(0, used));
			framing.remaining -= used;
			return {used, done: framing.remaining === 0};
		}

		case 'chunked': {
			const used = framing.scanner.feed(chunk, sink);
			return {used, done: framing.scanner.done};
		}

		case 'raw': {
			return {used: chunk.length, done: false};
		}
	}
}

function isChunked(head: Head): boolean {
	const coding = field(head, 'transfer-encoding');
	return coding !== undefined && /(?:^|,)\s*chunked\s*$/i.test(coding);
}

function contentLength(head: Head): number | undefined {
	const value = field(head, 'content-length');
	if (value === undefined) return undefined;
	const length = Number(value);
	if (!Number.isSafeInteger(length) || length < 0) throw new Error(`bad Content-Length ${JSON.stringify(value)}`);
	return length;
}

function requestFraming(head: Head): Framing {
	if (isChunked(head)) return {kind: 'chunked', scanner: new ChunkedScanner()};
	const length = contentLength(head);
	return length === undefined || length === 0 ? {kind: 'none'} : {kind: 'length', remaining: length};
}

/** A response without length or chunking runs to the end of the connection: the daemon has hijacked it. */
function responseFraming(head: Head, status: number, method: string): Framing {
	if (method === 'HEAD' || status === 204 || status === 304) return {kind: 'none'};
	if (isChunked(head)) return {kind: 'chunked', scanner: new ChunkedScanner()};
	const length = contentLength(head);
	if (length !== undefined) return length === 0 ? {kind: 'none'} : {kind: 'length', remaining: length};
	return {kind: 'raw'};
}

function wantsClose(head: Head): boolean {
	return /(?:^|,)\s*close\s*(?:,|$)/i.test(field(head, 'connection') ?? '');
}

type TargetVersion = {apiVersion: string; os: string};

async function readTargetVersion(target: string): Promise<TargetVersion> {
	return new Promise((resolve, reject) => {
		const call = request({socketPath: target, path: '/version', method: 'GET', headers: {Host: 'docker'}}, response => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', reject);
			response.on('end', () => {
				try {
					if (response.statusCode !== 200) throw new Error(`GET /version on ${target}: HTTP ${response.statusCode}`);
					const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {ApiVersion?: unknown; Os?: unknown};
					if (typeof body.ApiVersion !== 'string') throw new Error(`GET /version on ${target}: no ApiVersion`);
					resolve({apiVersion: body.ApiVersion, os: typeof body.Os === 'string' ? body.Os : 'linux'});
				} catch (error) {
					reject(error as Error);
				}
			});
		});
		call.on('error', reject);
		call.end();
	});
}

type VersionJson = {
	Version?: unknown;
	ApiVersion?: unknown;
	MinAPIVersion?: unknown;
	Components?: Array<{Name?: unknown; Version?: unknown; Details?: Record<string, unknown>}>;
};

export async function startApiFloorProxy(options: ApiFloorProxyOptions): Promise<ApiFloorProxy> {
	const apiVersion = options.apiVersion ?? '1.52';
	const minApiVersion = options.minApiVersion ?? '1.44';
	const engineVersion = options.engineVersion ?? '29.1.0';
	const target = await readTargetVersion(options.target);
	const serverHeader = `Docker/${engineVersion} (${target.os})`;
	const requests: string[] = [];
	const open = new Set<Socket>();

	function rewriteVersionBody(body: Buffer): Buffer {
		const json = JSON.parse(body.toString('utf8')) as VersionJson;
		json.Version = engineVersion;
		json.ApiVersion = apiVersion;
		json.MinAPIVersion = minApiVersion;
		for (const component of json.Components ?? []) {
			if (component.Name !== 'Engine') continue;
			component.Version = engineVersion;
			if (component.Details) {
				component.Details['ApiVersion'] = apiVersion;
				component.Details['MinAPIVersion'] = minApiVersion;
			}
		}

		// Go's json.Encoder ends with a newline.
		return Buffer.from(`${JSON.stringify(json)}\n`, 'utf8');
	}

	/** The 400 Engine 29 sends for a version outside its range (headers in Go's order). */
	function refusal(version: string, message: string, close: boolean): Buffer {
		const plain = compareApiVersions(version, '1.24') < 0;
		const body = Buffer.from(plain ? `${message}\n` : `${JSON.stringify({message})}\n`, 'utf8');
		const lines = ['HTTP/1.1 400 Bad Request', `Api-Version: ${apiVersion}`, `Content-Type: ${plain ? 'text/plain; charset=utf-8' : 'application/json'}`, `Ostype: ${target.os}`, `Server: ${serverHeader}`];
		if (plain) lines.push('X-Content-Type-Options: nosniff');
		lines.push(`Date: ${new Date().toUTCString()}`, `Content-Length: ${body.length}`);
		if (close) lines.push('Connection: close');
		return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
	}

	function handle(client: Socket): void {
		const upstream = createConnection({path: options.target, allowHalfOpen: true});
		open.add(client);
		open.add(upstream);

		const cut = () => {
			client.destroy();
			upstream.destroy();
		};

		// Writes with backpressure: a slow reader pauses the other side, nothing piles up here.
		const stalled = new WeakSet<Socket>();
		const send = (to: Socket, from: Socket, data: Buffer) => {
			if (data.length === 0 || to.destroyed || to.writableEnded) return;
			if (!to.write(data) && !stalled.has(from)) {
				stalled.add(from);
				from.pause();
				to.once('drain', () => {
					stalled.delete(from);
					from.resume();
				});
			}
		};

		// Client side: 'head' reads a request head, 'body' passes its body, 'wait' holds what
		// comes next until the response is complete, 'raw' pipes (after a hijack), 'closed'
		// drops what follows a refusal that closes the connection.
		let requestPhase: 'head' | 'body' | 'wait' | 'raw' | 'closed' = 'head';
		let requestBody: Framing = {kind: 'none'};
		let discardBody = false;
		let clientBuffer: Buffer = Buffer.alloc(0);
		let clientEnded = false;
		let upstreamEnded = false;
		// The request the daemon is answering.
		let pending: {method: string; version: boolean; responded: boolean} | undefined;

		// Daemon side: 'head' reads a response head, 'body' passes its body, 'raw' pipes.
		let responsePhase: 'head' | 'body' | 'raw' = 'head';
		let responseHead: Head | undefined;
		let responseBody: Framing = {kind: 'none'};
		let collected: Buffer[] | undefined;
		let upstreamBuffer: Buffer = Buffer.alloc(0);

		const goRaw = () => {
			requestPhase = 'raw';
			responsePhase = 'raw';
			send(upstream, client, clientBuffer);
			clientBuffer = Buffer.alloc(0);
			send(client, upstream, upstreamBuffer);
			upstreamBuffer = Buffer.alloc(0);
			if (clientEnded) upstream.end();
			if (upstreamEnded) client.end();
		};

		const onRequestHead = (raw: Buffer) => {
			const head = parseHead(raw);
			const [method = '', requestTarget = '', protocol = 'HTTP/1.1'] = head.startLine.split(' ');
			requests.push(`${method} ${requestTarget}`);
			requestBody = requestFraming(head);
			discardBody = false;

			let path = requestTarget;
			const versioned = versionedTarget.exec(requestTarget);
			if (versioned) {
				const version = versioned[1]!;
				let message: string | undefined;
				if (compareApiVersions(version, minApiVersion) < 0) message = versionTooOldMessage(version, minApiVersion);
				else if (compareApiVersions(version, apiVersion) > 0) message = versionTooNewMessage(version, apiVersion);
				if (message !== undefined) {
					const close = wantsClose(head);
					send(client, upstream, refusal(version, message, close));
					if (close) {
						requestPhase = 'closed';
						client.end();
						upstream.end();
						return;
					}

					discardBody = true;
					requestPhase = 'body';
					return;
				}

				const spoken = compareApiVersions(version, target.apiVersion) > 0 ? target.apiVersion : version;
				path = `/v${spoken}${versioned[2]!}`;
			}

			const route = (versioned ? versioned[2]! : requestTarget).split('?')[0];
			pending = {method, version: method === 'GET' && route === '/version', responded: false};
			head.startLine = `${method} ${path} ${protocol}`;
			send(upstream, client, serializeHead(head));
			requestPhase = 'body';
		};

		// A request's head and what came with it reach the daemon in one write, as they left the
		// client: a daemon that hijacks the connection after the head drops what it had buffered
		// with it, and would hand a body arriving later to the container (docker-modem sends an
		// attach's options as a body).
		const pumpClient = () => {
			upstream.cork();
			try {
				pumpRequests();
			} finally {
				process.nextTick(() => upstream.uncork());
			}
		};

		const pumpRequests = () => {
			for (;;) {
				if (requestPhase === 'raw') {
					send(upstream, client, clientBuffer);
					clientBuffer = Buffer.alloc(0);
					return;
				}

				if (requestPhase === 'wait' || requestPhase === 'closed') return;
				if (requestPhase === 'head') {
					const end = clientBuffer.indexOf(headEnd);
					if (end === -1) {
						if (clientBuffer.length > maxHeadBytes) cut();
						else if (clientEnded && !upstreamEnded && pending === undefined) upstream.end();
						return;
					}

					const raw = clientBuffer.subarray(0, end + headEnd.length);
					clientBuffer = clientBuffer.subarray(end + headEnd.length);
					onRequestHead(raw);
					continue;
				}

				const {used, done} = consumeBody(requestBody, clientBuffer);
				if (!discardBody) send(upstream, client, clientBuffer.subarray(0, used));
				clientBuffer = clientBuffer.subarray(used);
				if (!done) return;
				if (discardBody || pending === undefined || pending.responded) {
					pending = undefined;
					requestPhase = 'head';
				} else {
					requestPhase = 'wait';
				}
			}
		};

		const onResponseDone = () => {
			if (pending) pending.responded = true;
			responsePhase = 'head';
			responseHead = undefined;
			collected = undefined;
			if (requestPhase === 'wait') {
				pending = undefined;
				requestPhase = 'head';
				pumpClient();
			}
		};

		const pumpUpstream = () => {
			for (;;) {
				if (responsePhase === 'raw' || (responsePhase === 'head' && pending === undefined)) {
					// Nothing asked for: pass it on as it is.
					send(client, upstream, upstreamBuffer);
					upstreamBuffer = Buffer.alloc(0);
					return;
				}

				if (responsePhase === 'head') {
					const end = upstreamBuffer.indexOf(headEnd);
					if (end === -1) {
						if (upstreamBuffer.length > maxHeadBytes) cut();
						return;
					}

					const head = parseHead(upstreamBuffer.subarray(0, end + headEnd.length));
					upstreamBuffer = upstreamBuffer.subarray(end + headEnd.length);
					const status = Number(head.startLine.split(' ')[1]);
					const interim = status >= 100 && status < 200 && status !== 101;
					const framing = status === 101 ? ({kind: 'raw'} as const) : interim ? ({kind: 'none'} as const) : responseFraming(head, status, pending!.method);
					const hijacked = framing.kind === 'raw';
					// Docker sets both on every response; a hijacked one only has them if the daemon copied them.
					setField(head, 'Api-Version', apiVersion, !hijacked && !interim);
					setField(head, 'Server', serverHeader, !hijacked && !interim);
					if (interim) {
						send(client, upstream, serializeHead(head));
						continue;
					}

					if (hijacked) {
						send(client, upstream, serializeHead(head));
						goRaw();
						return;
					}

					responseBody = framing;
					if (pending!.version && status === 200) {
						responseHead = head;
						collected = [];
					} else {
						send(client, upstream, serializeHead(head));
					}

					responsePhase = 'body';
					continue;
				}

				const {used, done} = consumeBody(responseBody, upstreamBuffer, collected);
				if (!collected) send(client, upstream, upstreamBuffer.subarray(0, used));
				upstreamBuffer = upstreamBuffer.subarray(used);
				if (!done) return;
				if (collected && responseHead) {
					const body = rewriteVersionBody(Buffer.concat(collected));
					responseHead.fields = responseHead.fields.filter(entry => !/^(?:content-length|transfer-encoding)$/i.test(entry.name));
					responseHead.fields.push({name: 'Content-Length', value: String(body.length)});
					send(client, upstream, Buffer.concat([serializeHead(responseHead), body]));
				}

				onResponseDone();
			}
		};

		client.on('data', (chunk: Buffer) => {
			if (requestPhase === 'closed') return;
			if (requestPhase === 'raw') {
				send(upstream, client, chunk);
				return;
			}

			clientBuffer = clientBuffer.length === 0 ? chunk : Buffer.concat([clientBuffer, chunk]);
			try {
				pumpClient();
			} catch {
				cut();
			}
		});
		upstream.on('data', (chunk: Buffer) => {
			if (responsePhase === 'raw') {
				send(client, upstream, chunk);
				return;
			}

			upstreamBuffer = upstreamBuffer.length === 0 ? chunk : Buffer.concat([upstreamBuffer, chunk]);
			try {
				pumpUpstream();
			} catch {
				cut();
			}
		});

		// Half-closes pass through: `docker exec -i` ends its stdin with one.
		client.on('end', () => {
			clientEnded = true;
			if (requestPhase === 'raw' || (requestPhase === 'head' && clientBuffer.length === 0)) upstream.end();
		});
		upstream.on('end', () => {
			upstreamEnded = true;
			if (responsePhase === 'raw') {
				client.end();
				return;
			}

			// The daemon closed between or inside responses: what it sent is all there is.
			send(client, upstream, upstreamBuffer);
			upstreamBuffer = Buffer.alloc(0);
			client.end();
		});
		client.on('close', () => {
			open.delete(client);
			upstream.destroy();
		});
		upstream.on('close', () => {
			open.delete(upstream);
			// Let what was already written reach the client, then let go of it.
			if (client.writableEnded) {
				client.end(() => client.destroy());
			} else {
				client.destroy();
			}
		});
		client.on('error', cut);
		upstream.on('error', cut);
	}

	const server: Server = createServer({allowHalfOpen: true}, handle);

	rmSync(options.listen, {force: true});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.listen, resolve);
	});

	return {
		socket: options.listen,
		requests,
		async close() {
			for (const socket of open) socket.destroy();
			await new Promise(resolve => {
				server.close(resolve);
			});
			rmSync(options.listen, {force: true});
		},
	};
}
