import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import http from 'node:http';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, afterEach, before, describe, test} from 'node:test';
import {resolveEndpoint} from '../../source/transport/connection.js';
import {createDockerodeEngine} from '../../source/docker/dockerode-engine.js';
import {JsonLines} from '../../source/docker/json-lines.js';
import type {Engine, EngineEvent} from '../../source/engine/engine.js';
import {EngineError} from '../../source/engine/errors.js';

// A scripted daemon on a unix socket: each test sets `route` to answer as dockerd would
// (or would not: hang, drop, split its stream). Real-daemon behaviour is in test/contract/.

type Route = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const dir = mkdtempSync(path.join(tmpdir(), 'dtui-mock-'));
const socket = path.join(dir, 'docker.sock');
const label = `unix://${socket}`;
const seen: string[] = [];
const sockets = new Set<import('node:net').Socket>();
let route: Route = (_request, response) => response.end();
const server = http.createServer((request, response) => {
	seen.push(`${request.method ?? ''} ${request.url ?? ''}`);
	route(request, response);
});
server.on('connection', connection => {
	sockets.add(connection);
	connection.on('close', () => sockets.delete(connection));
});

function json(response: http.ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, {'Content-Type': 'application/json'});
	response.end(JSON.stringify(body));
}

const version = (apiVersion: string, minApiVersion?: string): Route => (_request, response) => {
	const minimum = minApiVersion === undefined ? {} : {MinAPIVersion: minApiVersion};
	json(response, 200, {Version: '99.0.0', ApiVersion: apiVersion, ...minimum, Os: 'linux', Arch: 'arm64', Components: [{Name: 'Engine'}]});
};

/** Docker 29's answer to a client below its floor. */
const tooOld = (asked: string, minimum: string): Route => (_request, response) => {
	json(response, 400, {message: `client version ${asked} is too old. Minimum supported API version is ${minimum}, please upgrade your client to a newer version`});
};

function makeEngine(options?: {requestTimeoutMs?: number; pingTimeoutMs?: number}): Engine {
	return createDockerodeEngine(resolveEndpoint({host: label, env: {}}), options);
}

async function rejectsWith(promise: Promise<unknown>, kind: EngineError['kind'], message?: string): Promise<void> {
	await assert.rejects(promise, (error: unknown) => {
		assert.ok(error instanceof EngineError, String(error));
		assert.equal(error.kind, kind, error.message);
		if (message !== undefined) assert.equal(error.message, message);
		return true;
	});
}

async function collect(iterable: AsyncIterable<EngineEvent>, into: EngineEvent[]): Promise<void> {
	for await (const event of iterable) into.push(event);
}

const wait = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function event(action: string, name: string): string {
	return JSON.stringify({Type: 'container', Action: action, Actor: {ID: `id-${name}`, Attributes: {name}}, time: 7});
}

before(async () => {
	await new Promise<void>(resolve => server.listen(socket, resolve));
});

afterEach(() => {
	seen.length = 0;
	for (const connection of sockets) connection.destroy();
});

after(async () => {
	await new Promise(resolve => server.close(resolve));
	rmSync(dir, {recursive: true, force: true});
});

describe('JsonLines', () => {
	test('joins messages split across chunks and splits several in one chunk', () => {
		const lines = new JsonLines();
		assert.deepEqual(lines.push('{"a":'), []);
		assert.deepEqual(lines.push(Buffer.from('1}\n{"b":2}\n{"c"')), [{a: 1}, {b: 2}]);
		assert.deepEqual(lines.push(':3}\n'), [{c: 3}]);
	});

	test('skips blank and garbled lines; keeps a UTF-8 character split between chunks', () => {
		const lines = new JsonLines();
		const bytes = Buffer.from('\n{oops}\n{"name":"é"}\n');
		const cut = bytes.indexOf(0xc3) + 1;
		assert.deepEqual(lines.push(bytes.subarray(0, cut)), []);
		assert.deepEqual(lines.push(bytes.subarray(cut)), [{name: 'é'}]);
	});
});

describe('dockerode engine over a scripted daemon', () => {
	test('ping maps /version and negotiates the API version, which every later path carries (with the "v")', async () => {
		const engine = makeEngine();
		route = version('1.45', '1.24');
		assert.deepEqual(await engine.ping(), {
			host: label,
			engine: 'Docker Engine',
			version: '99.0.0',
			apiVersion: '1.45',
			minApiVersion: '1.24',
			apiInUse: '1.45',
			os: 'linux',
			arch: 'arm64',
		});
		route = (_request, response) => json(response, 200, []);
		await engine.listContainers();
		await engine.ping().catch(() => undefined);
		engine.close();
		assert.deepEqual(seen, ['GET /version', 'GET /v1.45/containers/json?all=true', 'GET /v1.45/version']);
	});

	// [daemon's ApiVersion, its MinAPIVersion, the version used]: Docker 20.10, 26.1, 28.5, 29, and newer than dtui.
	const negotiated: Array<[string, string | undefined, string]> = [
		['1.41', '1.12', '1.41'],
		['1.45', '1.24', '1.45'],
		['1.51', '1.24', '1.51'],
		['1.52', '1.44', '1.52'],
		['1.55', '1.44', '1.52'],
		['1.41', undefined, '1.41'],
	];
	for (const [daemon, minimum, used] of negotiated) {
		test(`a daemon at ${daemon} (minimum ${minimum ?? 'unsaid'}) is spoken to in ${used}`, async () => {
			const engine = makeEngine();
			route = version(daemon, minimum);
			assert.equal((await engine.ping()).apiInUse, used);
			route = (_request, response) => json(response, 200, []);
			await engine.listContainers();
			engine.close();
			assert.equal(seen[1], `GET /v${used}/containers/json?all=true`);
		});
	}

	test('a daemon whose range and dtui\'s do not meet is one line naming both', async () => {
		const engine = makeEngine();
		route = version('1.40', '1.12');
		await rejectsWith(engine.ping(), 'incompatible', `the daemon speaks Engine API 1.12 to 1.40; dtui speaks 1.41 to 1.52 (${label})`);
		route = version('1.60', '1.53');
		await rejectsWith(engine.ping(), 'incompatible', `the daemon speaks Engine API 1.53 to 1.60; dtui speaks 1.41 to 1.52 (${label})`);
		engine.close();
		assert.deepEqual(seen, ['GET /version', 'GET /version']);
	});

	test('DOCKER_API_VERSION is spoken from the first request on, as the docker CLI does', async () => {
		const engine = createDockerodeEngine(resolveEndpoint({host: label, env: {DOCKER_API_VERSION: '1.47'}}));
		route = version('1.52', '1.44');
		assert.equal((await engine.ping()).apiInUse, '1.47');
		route = (_request, response) => json(response, 200, []);
		await engine.listContainers();
		engine.close();
		assert.deepEqual(seen, ['GET /v1.47/version', 'GET /v1.47/containers/json?all=true']);
	});

	test('a DOCKER_API_VERSION the daemon refuses is its own one line', async () => {
		const engine = createDockerodeEngine(resolveEndpoint({host: label, env: {DOCKER_API_VERSION: '1.41'}}));
		route = tooOld('1.41', '1.44');
		await rejectsWith(engine.ping(), 'bad-request', 'client version 1.41 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version');
		engine.close();
	});

	test('a daemon replaced by an older one under a running dtui is negotiated with afresh', async () => {
		const engine = makeEngine();
		route = version('1.52', '1.44');
		await engine.ping();
		route = (request, response) => {
			if (request.url === '/version') version('1.41', '1.12')(request, response);
			else json(response, 400, {message: 'client version 1.52 is too new. Maximum supported API version is 1.41'});
		};
		assert.equal((await engine.ping()).apiInUse, '1.41');
		route = (_request, response) => json(response, 200, []);
		await engine.listContainers();
		engine.close();
		assert.deepEqual(seen, ['GET /version', 'GET /v1.52/version', 'GET /version', 'GET /v1.41/containers/json?all=true']);
	});

	test('DOCKER_HOST and DOCKER_CERT_PATH in the environment cannot redirect or break it', async () => {
		const saved = {...process.env};
		process.env['DOCKER_HOST'] = 'tcp://127.0.0.1:1';
		process.env['DOCKER_CERT_PATH'] = '/nonexistent';
		process.env['DOCKER_CLIENT_TIMEOUT'] = '1';
		try {
			const engine = makeEngine();
			route = version('1.41');
			assert.equal((await engine.ping()).version, '99.0.0');
			engine.close();
			assert.equal(process.env['DOCKER_HOST'], 'tcp://127.0.0.1:1');
		} finally {
			for (const key of ['DOCKER_HOST', 'DOCKER_CERT_PATH', 'DOCKER_CLIENT_TIMEOUT']) {
				if (saved[key] === undefined) delete process.env[key];
				else process.env[key] = saved[key];
			}
		}
	});

	test('actions: 304 is success; stop and restart send t=10; ids are escaped; remove sends v=false', async () => {
		const engine = makeEngine();
		route = (_request, response) => {
			response.writeHead(304);
			response.end();
		};
		await engine.containerAction('abc', 'start');
		await engine.containerAction('abc', 'stop');
		route = (_request, response) => {
			response.writeHead(204);
			response.end();
		};
		await engine.containerAction('abc', 'restart');
		await engine.containerAction('a/b?c', 'kill');
		await engine.containerAction('abc', 'pause');
		await engine.containerAction('abc', 'unpause');
		await engine.remove('containers', 'abc', {force: true});
		await engine.remove('containers', 'abc');
		engine.close();
		assert.deepEqual(seen, [
			'POST /containers/abc/start',
			'POST /containers/abc/stop?t=10',
			'POST /containers/abc/restart?t=10',
			'POST /containers/a%2Fb%3Fc/kill',
			'POST /containers/abc/pause',
			'POST /containers/abc/unpause',
			'DELETE /containers/abc?force=true&v=false',
			'DELETE /containers/abc?force=false&v=false',
		]);
	});

	test('HTTP errors carry the daemon\'s message and kind', async () => {
		const engine = makeEngine();
		route = (_request, response) => json(response, 409, {message: 'You cannot remove a running container abc. Stop it'});
		await rejectsWith(engine.remove('containers', 'abc'), 'conflict', 'You cannot remove a running container abc. Stop it');
		route = (_request, response) => json(response, 404, {message: 'No such container: x'});
		await rejectsWith(engine.containerAction('x', 'start'), 'not-found', 'No such container: x');
		engine.close();
	});

	test('a daemon that never answers: ping and lists time out', async () => {
		const engine = makeEngine({requestTimeoutMs: 150, pingTimeoutMs: 100});
		route = () => {
			// Hung (SIGSTOP): the request is read, nothing comes back.
		};
		await rejectsWith(engine.ping(), 'timeout', `the Docker daemon at ${label} is not responding`);
		await rejectsWith(engine.listContainers(), 'timeout', `the Docker daemon at ${label} is not responding`);
		await rejectsWith(engine.containerAction('abc', 'kill'), 'timeout');
		engine.close();
	});

	test('the caller\'s abort is "aborted", before or during the request', async () => {
		const engine = makeEngine();
		route = () => {};
		const early = new AbortController();
		early.abort();
		await rejectsWith(engine.listContainers(early.signal), 'aborted', 'request aborted');
		const late = new AbortController();
		const pending = engine.listContainers(late.signal);
		await wait(50);
		late.abort();
		await rejectsWith(pending, 'aborted', 'request aborted');
		engine.close();
	});

	test('close() aborts what is in flight', async () => {
		const engine = makeEngine();
		route = () => {};
		const pending = engine.listContainers();
		await wait(50);
		engine.close();
		await rejectsWith(pending, 'aborted');
	});
});

describe('dockerode engine: the events stream', () => {
	test('messages split across chunks, several per chunk and garbage lines all come out right', async () => {
		const engine = makeEngine();
		route = (_request, response) => {
			response.writeHead(200, {'Content-Type': 'application/json'});
			const all = `${event('create', 'a')}\n${event('start', 'a')}\nnot json\n${event('die', 'b')}\n`;
			response.write(all.slice(0, 10));
			setTimeout(() => response.write(all.slice(10, 150)), 20);
			setTimeout(() => response.write(all.slice(150)), 40);
		};
		const events: EngineEvent[] = [];
		for await (const item of engine.events(AbortSignal.timeout(5000), 123)) {
			events.push(item);
			if (events.length === 3) break;
		}

		engine.close();
		assert.deepEqual(
			events.map(item => `${item.action} ${item.name ?? ''}`),
			['create a', 'start a', 'die b'],
		);
		assert.equal(seen[0], 'GET /events?since=123');
	});

	test('an idle stream is not timed out', async () => {
		const engine = makeEngine({requestTimeoutMs: 200});
		route = (_request, response) => {
			response.writeHead(200);
			response.flushHeaders();
			setTimeout(() => response.write(`${event('start', 'late')}\n`), 800);
		};
		const controller = new AbortController();
		const iterator = engine.events(controller.signal)[Symbol.asyncIterator]();
		const first = await iterator.next();
		assert.equal(first.value?.name, 'late');
		controller.abort();
		assert.equal((await iterator.next()).done, true);
		engine.close();
	});

	test('a dropped connection throws unreachable; a stream that just ends too', async () => {
		const engine = makeEngine();
		route = (request, response) => {
			response.writeHead(200);
			response.write(`${event('start', 'x')}\n`);
			setTimeout(() => request.socket.destroy(), 50);
		};
		const events: EngineEvent[] = [];
		await rejectsWith(collect(engine.events(new AbortController().signal), events), 'unreachable');
		assert.equal(events.length, 1);

		route = (_request, response) => {
			response.writeHead(200);
			response.end(`${event('start', 'y')}\n`);
		};
		await rejectsWith(
			collect(engine.events(new AbortController().signal), []),
			'unreachable',
			`lost the connection to the Docker daemon at ${label}`,
		);
		engine.close();
	});

	test('a daemon that never answers the subscription times out', async () => {
		const engine = makeEngine({requestTimeoutMs: 100});
		route = () => {};
		await rejectsWith(collect(engine.events(new AbortController().signal), []), 'timeout');
		engine.close();
	});

	test('a refused subscription is the daemon\'s error', async () => {
		const engine = makeEngine();
		route = (_request, response) => json(response, 500, {message: 'events are broken'});
		await rejectsWith(collect(engine.events(new AbortController().signal), []), 'server', 'events are broken');
		engine.close();
	});

	test('abort while connecting, or close() while streaming, ends quietly', async () => {
		const engine = makeEngine();
		route = () => {};
		const controller = new AbortController();
		const connecting = collect(engine.events(controller.signal), []);
		await wait(50);
		controller.abort();
		await connecting;

		route = (_request, response) => {
			response.writeHead(200);
			response.flushHeaders();
		};
		const streaming = collect(engine.events(new AbortController().signal), []);
		await wait(50);
		engine.close();
		await streaming;
	});

	test('breaking out of the loop releases the stream', async () => {
		const engine = makeEngine();
		route = (_request, response) => {
			response.writeHead(200);
			response.write(`${event('start', 'one')}\n${event('start', 'two')}\n`);
		};
		for await (const item of engine.events(new AbortController().signal)) {
			assert.equal(item.name, 'one');
			break;
		}

		await wait(50);
		engine.close();
	});
});
