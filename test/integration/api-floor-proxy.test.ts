// The API floor proxy (test/helpers/api-floor-proxy.ts) is only worth testing dtui against
// if it is faithful: Engine 29's refusals word for word, Engine 29's versions where a
// client reads them, and everything else — request bodies, streams, hijacked exec and
// attach, keep-alive — exactly as the real daemon behind it does them. Proven here with
// the docker CLI (which negotiates from /_ping), dockerode, and raw HTTP.
import assert from 'node:assert/strict';
import Docker from 'dockerode';
import {spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {Agent, request, type IncomingHttpHeaders, type IncomingMessage} from 'node:http';
import {createConnection} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {compareApiVersions} from '../../source/engine/api-version.js';
import {startApiFloorProxy, type ApiFloorProxy} from '../helpers/api-floor-proxy.js';
import {createTestContainer, daemonSocket, idleCommand, realDaemonSkip, removeTestContainers, testDocker, testImage} from '../helpers/daemon.js';

const skip = realDaemonSkip();
const prefix = 'dtui-floor-';
const tooOld = '{"message":"client version 1.41 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version"}\n';
const tooNew = '{"message":"client version 1.56 is too new. Maximum supported API version is 1.52"}\n';

type Reply = {status: number; headers: IncomingHttpHeaders; body: string; reusedSocket: boolean};

/** One HTTP request to a unix socket; the body is read whole. */
async function call(socket: string, method: string, target: string, options: {agent?: Agent; body?: string[]; headers?: Record<string, string>} = {}): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const outgoing = request({socketPath: socket, method, path: target, agent: options.agent, headers: {Host: 'docker', ...options.headers}}, response => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', reject);
			response.on('end', () => {
				resolve({status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString('utf8'), reusedSocket: outgoing.reusedSocket});
			});
		});
		outgoing.on('error', reject);
		// Written piece by piece without a length, the body goes out chunked.
		for (const piece of options.body ?? []) outgoing.write(piece);
		outgoing.end();
	});
}

/** A streaming GET: resolves with the response once its headers are in. */
async function openStream(socket: string, target: string): Promise<IncomingMessage> {
	return new Promise((resolve, reject) => {
		const outgoing = request({socketPath: socket, method: 'GET', path: target, headers: {Host: 'docker'}}, resolve);
		outgoing.on('error', reject);
		outgoing.end();
	});
}

/** Reads newline-delimited JSON from a stream until one object satisfies `wanted`. */
async function nextJson<T>(stream: IncomingMessage, wanted: (value: T) => boolean): Promise<T> {
	let pending = '';
	return new Promise((resolve, reject) => {
		const onData = (chunk: Buffer) => {
			pending += chunk.toString('utf8');
			let newline = pending.indexOf('\n');
			while (newline !== -1) {
				const value = JSON.parse(pending.slice(0, newline)) as T;
				pending = pending.slice(newline + 1);
				if (wanted(value)) {
					stream.off('data', onData);
					resolve(value);
					return;
				}

				newline = pending.indexOf('\n');
			}
		};

		stream.on('data', onData);
		stream.once('end', () => reject(new Error(`stream ended before the wanted object; left: ${JSON.stringify(pending)}`)));
	});
}

type Run = {status: number | null; stdout: string; stderr: string};

/** A child process, asynchronously: the proxy it talks to lives in this process. */
function start(command: string, args: string[], options: {input?: string; env?: NodeJS.ProcessEnv; onStdout?: (stdout: string) => void} = {}): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {env: options.env, stdio: ['pipe', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString('utf8');
			options.onStdout?.(stdout);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString('utf8');
		});
		child.on('error', reject);
		child.on('close', status => resolve({status, stdout, stderr}));
		child.stdin.end(options.input ?? '');
	});
}

describe('the API floor proxy in front of a real daemon', {skip}, () => {
	const root = mkdtempSync(path.join(tmpdir(), 'dtui-floor-'));
	const socket = path.join(root, 'proxy.sock');
	const dockerConfig = path.join(root, 'docker-config');
	mkdirSync(dockerConfig);
	// The CLI finds its daemon from -H alone and negotiates its version from /_ping.
	const cliEnv: NodeJS.ProcessEnv = {...process.env, DOCKER_CONFIG: dockerConfig};
	for (const name of ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_API_VERSION', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH']) delete cliEnv[name];
	const docker = (...args: string[]) => ['-H', `unix://${socket}`, ...args];
	let proxy: ApiFloorProxy;
	let viaProxy: Docker;

	/** The requests the proxy saw while `use` ran. */
	async function requestsDuring(use: () => Promise<void>): Promise<string[]> {
		const mark = proxy.requests.length;
		await use();
		return proxy.requests.slice(mark);
	}

	function assertNegotiated(requests: string[]): void {
		assert.match(requests[0] ?? '', /^(?:HEAD|GET) \/_ping$/, requests.join('\n'));
		for (const line of requests.slice(1)) {
			const version = /^[A-Z]+ \/v([0-9.]+)\//.exec(line)?.[1];
			assert.ok(version !== undefined, `unversioned after the ping: ${line}`);
			assert.ok(compareApiVersions(version, '1.44') >= 0 && compareApiVersions(version, '1.52') <= 0, `outside 1.44–1.52: ${line}`);
		}
	}

	before(async () => {
		await removeTestContainers(testDocker(), prefix);
		proxy = await startApiFloorProxy({listen: socket, target: daemonSocket!});
		viaProxy = new Docker({socketPath: socket, version: 'v1.44', host: undefined, port: undefined, protocol: undefined});
	});

	after(async () => {
		await removeTestContainers(testDocker(), prefix);
		await testDocker()
			.getImage(`${prefix}build:local`)
			.remove({force: true})
			.catch(() => undefined);
		await proxy?.close();
		rmSync(root, {recursive: true, force: true});
	});

	it('refuses a version below 1.44 in the Engine’s words, as JSON', async () => {
		const reply = await call(socket, 'GET', '/v1.41/containers/json');
		assert.equal(reply.status, 400);
		assert.equal(reply.headers['content-type'], 'application/json');
		assert.equal(reply.headers['api-version'], '1.52');
		assert.equal(reply.headers['server'], 'Docker/29.1.0 (linux)');
		assert.equal(reply.body, tooOld);
	});

	it('refuses a version above 1.52 as too new', async () => {
		const reply = await call(socket, 'GET', '/v1.56/containers/json');
		assert.equal(reply.status, 400);
		assert.equal(reply.headers['content-type'], 'application/json');
		assert.equal(reply.body, tooNew);
	});

	it('refuses a version below 1.24 in plain text, as the Engine does for clients that old', async () => {
		const reply = await call(socket, 'GET', '/v1.12/version');
		assert.equal(reply.status, 400);
		assert.equal(reply.headers['content-type'], 'text/plain; charset=utf-8');
		assert.equal(reply.body, 'client version 1.12 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version\n');
	});

	it('reports Engine 29’s versions in /version, versioned or not', async () => {
		for (const target of ['/v1.44/version', '/version']) {
			const reply = await call(socket, 'GET', target);
			assert.equal(reply.status, 200);
			assert.equal(reply.headers['content-length'], String(Buffer.byteLength(reply.body)));
			const version = JSON.parse(reply.body) as {Version: string; ApiVersion: string; MinAPIVersion: string; Components: Array<{Name: string; Version: string; Details: {ApiVersion?: string; MinAPIVersion?: string}}>};
			assert.equal(version.ApiVersion, '1.52');
			assert.equal(version.MinAPIVersion, '1.44');
			assert.equal(version.Version, '29.1.0');
			const engine = version.Components.find(component => component.Name === 'Engine');
			assert.deepEqual([engine?.Version, engine?.Details.ApiVersion, engine?.Details.MinAPIVersion], ['29.1.0', '1.52', '1.44']);
		}
	});

	it('answers /_ping with Engine 29’s headers, and version-checks a versioned ping', async () => {
		for (const method of ['GET', 'HEAD']) {
			const reply = await call(socket, method, '/_ping');
			assert.equal(reply.status, 200);
			assert.equal(reply.headers['api-version'], '1.52');
			assert.equal(reply.headers['server'], 'Docker/29.1.0 (linux)');
			assert.equal(reply.body, method === 'GET' ? 'OK' : '');
		}

		assert.equal((await call(socket, 'GET', '/v1.52/_ping')).body, 'OK');
		const old = await call(socket, 'GET', '/v1.41/_ping');
		assert.equal(old.status, 400);
		assert.equal(old.body, tooOld);
	});

	it('keeps a connection alive across answers of its own, chunked request bodies and the daemon’s answers', async () => {
		const agent = new Agent({keepAlive: true, maxSockets: 1});
		try {
			const name = `${prefix}chunked`;
			const replies = [
				await call(socket, 'GET', '/v1.52/_ping', {agent}),
				await call(socket, 'GET', '/v1.41/info', {agent}),
				await call(socket, 'POST', `/v1.44/containers/create?name=${name}`, {
					agent,
					headers: {'Content-Type': 'application/json'},
					body: [`{"Image": "${testImage}", `, '"Cmd": ["true"], "HostConfig": {"NetworkMode": "none"}}'],
				}),
				await call(socket, 'GET', `/v1.44/containers/${name}/json`, {agent}),
			];
			assert.deepEqual(
				replies.map(reply => reply.status),
				[200, 400, 201, 200],
			);
			assert.deepEqual(
				replies.map(reply => reply.reusedSocket),
				[false, true, true, true],
			);
			assert.equal((JSON.parse(replies[3]!.body) as {Name: string}).Name, `/${name}`);
		} finally {
			agent.destroy();
		}
	});

	it('lets the docker CLI negotiate and run a container', {timeout: 60_000}, async () => {
		let run: Run | undefined;
		const requests = await requestsDuring(async () => {
			run = await start('docker', docker('run', '--rm', '--network', 'none', testImage, 'echo', 'hi'), {env: cliEnv});
		});
		assert.equal(run!.stderr, '');
		assert.equal(run!.stdout, 'hi\n');
		assert.equal(run!.status, 0);
		assertNegotiated(requests);
		// The output came over an attach hijacked through the proxy.
		assert.ok(
			requests.some(line => /^POST \/v[0-9.]+\/containers\/[0-9a-f]{64}\/attach\?/.test(line)),
			requests.join('\n'),
		);
	});

	it('lets the docker CLI exec -i into a running container, stdin to its end', {timeout: 60_000}, async () => {
		const name = `${prefix}exec`;
		await createTestContainer(testDocker(), {name, start: true});
		let run: Run | undefined;
		const requests = await requestsDuring(async () => {
			run = await start('docker', docker('exec', '-i', name, 'sh', '-c', 'cat; echo done'), {env: cliEnv, input: 'hello\n'});
		});
		assert.equal(run!.stderr, '');
		assert.equal(run!.stdout, 'hello\ndone\n');
		assert.equal(run!.status, 0);
		assertNegotiated(requests);
		assert.ok(
			requests.some(line => /^POST \/v[0-9.]+\/exec\/[0-9a-f]{64}\/start$/.test(line)),
			requests.join('\n'),
		);
	});

	it('lets the docker CLI follow logs as they are written', {timeout: 60_000}, async () => {
		const name = `${prefix}logs`;
		// Writes a second line only once told to: the first reached the follower before the second existed.
		await createTestContainer(testDocker(), {name, start: true, cmd: ['sh', '-c', 'echo first; while [ ! -e /go ]; do sleep 0.1; done; echo second']});
		let release: Promise<Run> | undefined;
		const follow = await start('docker', docker('logs', '-f', name), {
			env: cliEnv,
			onStdout(stdout) {
				if (stdout === 'first\n') release ??= start('docker', docker('exec', name, 'touch', '/go'), {env: cliEnv});
			},
		});
		assert.equal(follow.stderr, '');
		assert.equal(follow.stdout, 'first\nsecond\n');
		assert.equal(follow.status, 0);
		assert.equal((await release!).status, 0);
	});

	it('streams /events as they happen', {timeout: 30_000}, async () => {
		const name = `${prefix}events`;
		const events = await openStream(socket, `/v1.44/events?filters=${encodeURIComponent(JSON.stringify({container: [name]}))}`);
		try {
			assert.equal(events.statusCode, 200);
			assert.equal(events.headers['api-version'], '1.52');
			// The stream is open before the container exists.
			const created = nextJson<{Action: string; Actor: {Attributes: Record<string, string>}}>(events, event => event.Action === 'create');
			await viaProxy.createContainer({name, Image: testImage, Cmd: ['true'], HostConfig: {NetworkMode: 'none'}});
			const event = await created;
			assert.equal(event.Actor.Attributes['name'], name);
		} finally {
			events.destroy();
		}
	});

	it('passes dockerode’s exec hijack through, with and without upgrade headers', {timeout: 30_000}, async () => {
		const name = `${prefix}hijack`;
		await createTestContainer(testDocker(), {name, start: true, cmd: idleCommand});
		const container = viaProxy.getContainer(name);
		for (const hijack of [true, false]) {
			const exec = await container.exec({Cmd: ['sh', '-c', 'read line; echo "got:$line"'], AttachStdin: true, AttachStdout: true, AttachStderr: true});
			const requests = await requestsDuring(async () => {
				const stream = (await exec.start({hijack, stdin: true})) as NodeJS.ReadWriteStream;
				const chunks: Buffer[] = [];
				stream.on('data', (chunk: Buffer) => chunks.push(chunk));
				const ended = new Promise(resolve => stream.once('end', resolve));
				stream.write('hello\n');
				await ended;
				// One stdout frame: stream 1, length 10.
				assert.equal(Buffer.concat(chunks).toString('latin1'), '\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u000Agot:hello\n', `hijack: ${hijack}`);
			});
			assert.deepEqual(requests, [`POST /v1.44/exec/${exec.id}/start`]);
			assert.equal((await exec.inspect()).ExitCode, 0);
		}
	});

	it('hands stdin sent before the daemon’s answer to the hijacked exec, with and without upgrade headers', {timeout: 30_000}, async () => {
		const name = `${prefix}early`;
		await createTestContainer(testDocker(), {name, start: true, cmd: idleCommand});
		for (const upgrade of [true, false]) {
			const exec = await viaProxy.getContainer(name).exec({Cmd: ['sh', '-c', 'read line; echo "got:$line"'], AttachStdin: true, AttachStdout: true});
			const body = '{"Detach":false,"Tty":false}';
			const upgradeHeaders = upgrade ? 'Connection: Upgrade\r\nUpgrade: tcp\r\n' : '';
			// Head, body and the first stdin line in one write, as a client that does not wait for the answer sends them.
			const sent = `POST /v1.44/exec/${exec.id}/start HTTP/1.1\r\nHost: docker\r\n${upgradeHeaders}Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}hello\n`;
			const received = await new Promise<string>((resolve, reject) => {
				const connection = createConnection(socket, () => connection.write(sent));
				const chunks: Buffer[] = [];
				connection.on('data', (chunk: Buffer) => chunks.push(chunk));
				connection.on('error', reject);
				connection.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
			});
			const [head = '', stream] = received.split('\r\n\r\n');
			const lines = head.split('\r\n');
			assert.equal(lines[0], upgrade ? 'HTTP/1.1 101 UPGRADED' : 'HTTP/1.1 200 OK');
			assert.ok(lines.includes('Api-Version: 1.52') && lines.includes('Server: Docker/29.1.0 (linux)'), head);
			assert.equal(stream, '\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u000Agot:hello\n', `upgrade: ${upgrade}`);
		}
	});

	it('carries a build context up and the build’s progress down', {timeout: 60_000}, async () => {
		const context = path.join(root, 'build');
		mkdirSync(context);
		writeFileSync(path.join(context, 'Dockerfile'), `FROM ${testImage}\nCOPY greeting /greeting\n`);
		writeFileSync(path.join(context, 'greeting'), 'built through the floor\n');
		const tag = `${prefix}build:local`;
		const build = await start('docker', docker('build', '-q', '-t', tag, context), {env: {...cliEnv, DOCKER_BUILDKIT: '0'}});
		assert.equal(build.status, 0, build.stderr);
		const run = await start('docker', docker('run', '--rm', '--network', 'none', tag, 'cat', '/greeting'), {env: cliEnv});
		assert.equal(run.stdout, 'built through the floor\n');
	});

	it('cuts open streams when closed, and removes its socket', {timeout: 30_000}, async () => {
		const second = await startApiFloorProxy({listen: path.join(root, 'second.sock'), target: daemonSocket!});
		const events = await openStream(second.socket, '/v1.44/events');
		const closed = new Promise(resolve => events.once('close', resolve));
		events.on('error', () => undefined);
		await second.close();
		await closed;
		assert.equal(events.complete, false);
		assert.throws(() => statSync(second.socket), {code: 'ENOENT'});
	});

	it('runs as a process: prints its socket when ready, stops cleanly on SIGTERM', {timeout: 30_000}, async () => {
		const listen = path.join(root, 'main.sock');
		const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/api-floor-proxy-main.ts', '--listen', listen, '--target', daemonSocket!], {stdio: ['ignore', 'pipe', 'pipe']});
		const exited = new Promise<number | null>(resolve => child.once('exit', resolve));
		let stdout = '';
		await new Promise<void>((resolve, reject) => {
			child.stdout.on('data', (chunk: Buffer) => {
				stdout += chunk.toString('utf8');
				if (stdout.endsWith('\n')) resolve();
			});
			child.once('exit', status => reject(new Error(`exited ${status} before it was ready`)));
		});
		assert.equal(stdout, `${listen}\n`);
		const ping = await call(listen, 'GET', '/_ping');
		assert.equal(ping.headers['api-version'], '1.52');
		child.kill('SIGTERM');
		assert.equal(await exited, 0);
		assert.throws(() => statSync(listen), {code: 'ENOENT'});
	});
});
