import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {describeConnectError, oneLine} from '../../source/transport/describe-error.js';
import {EngineError} from '../../source/engine/errors.js';
import {sanitize} from '../../source/text/sanitize.js';
import {pingError} from '../helpers/ping-error.js';

describe('describeConnectError against real sockets', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'dtui-sockets-'));
	after(() => {
		rmSync(dir, {recursive: true, force: true});
	});

	test('no socket file → unreachable, "no such socket"', async () => {
		const socket = path.join(dir, 'missing.sock');
		const error = await pingError(`unix://${socket}`);
		assert.equal(error.kind, 'unreachable');
		assert.equal(error.message, `cannot connect to the Docker daemon at unix://${socket}: no such socket (is dockerd running?)`);
	});

	test('a file nobody listens on (a stale socket) → unreachable, "connection refused"', async () => {
		const stale = path.join(dir, 'stale.sock');
		writeFileSync(stale, '');
		const error = await pingError(`unix://${stale}`);
		assert.equal(error.kind, 'unreachable');
		assert.equal(error.message, `cannot connect to the Docker daemon at unix://${stale}: connection refused`);
	});

	test('a closed loopback port → unreachable, "connection refused"', async () => {
		const server = net.createServer();
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const {port} = server.address() as net.AddressInfo;
		await new Promise(resolve => server.close(resolve));
		const error = await pingError(`tcp://127.0.0.1:${port}`);
		assert.equal(error.kind, 'unreachable');
		assert.equal(error.message, `cannot connect to the Docker daemon at tcp://127.0.0.1:${port}: connection refused`);
	});
});

describe('describeConnectError: errno and HTTP shapes', () => {
	const label = 'unix:///var/run/docker.sock';

	function check(error: unknown, kind: EngineError['kind'], message: string, statusCode?: number): void {
		const described = describeConnectError(error, label);
		assert.equal(described.kind, kind);
		assert.equal(described.message, message);
		assert.equal(described.statusCode, statusCode);
	}

	test('EACCES (as root a chmod 000 socket still connects, so the errno is faked)', () => {
		const error = Object.assign(new Error('connect EACCES /var/run/docker.sock'), {
			code: 'EACCES',
			errno: -13,
			syscall: 'connect',
			address: '/var/run/docker.sock',
		});
		check(error, 'denied', 'permission denied on /var/run/docker.sock (is your user in the docker group?)');
	});

	test('HTTP statuses take the daemon\'s own message', () => {
		// Shaped as docker-modem builds them: the body parsed into `json`, and folded into the message.
		const http = (statusCode: number, json: unknown) => {
			const cause = json as {message?: unknown; error?: unknown};
			const folded = String(cause.message || cause.error || json);
			return Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${folded} `), {statusCode, json});
		};
		check(http(404, {message: 'No such container: nope'}), 'not-found', 'No such container: nope', 404);
		check(
			http(409, {message: 'You cannot remove a running container abc. Stop the container before attempting removal or force remove'}),
			'conflict',
			'You cannot remove a running container abc. Stop the container before attempting removal or force remove',
			409,
		);
		check(http(400, {message: 'invalid filter'}), 'bad-request', 'invalid filter', 400);
		check(http(500, {message: 'Container abc is not paused'}), 'server', 'Container abc is not paused', 500);
		check(http(403, {message: 'authorization denied by plugin'}), 'denied', 'authorization denied by plugin', 403);
		check(http(502, Buffer.from('Bad Gateway\n')), 'server', 'Bad Gateway', 502);
		check(http(500, Buffer.alloc(0)), 'server', `the Docker daemon at ${label} answered HTTP 500`, 500);
		check(http(400, {message: ''}), 'bad-request', `the Docker daemon at ${label} answered HTTP 400`, 400);
		// A streamed answer (events, logs) leaves `json` null: the body is only in the message.
		check(
			Object.assign(new Error('(HTTP code 500) server error - events are broken '), {statusCode: 500, json: null}),
			'server',
			'events are broken',
			500,
		);
	});

	test('timeouts and aborts', () => {
		const timeout = Object.assign(new Error('The operation was aborted'), {
			name: 'AbortError',
			code: 'ABORT_ERR',
			cause: new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
		});
		check(timeout, 'timeout', `the Docker daemon at ${label} is not responding`);
		check(Object.assign(new Error('connect ETIMEDOUT'), {code: 'ETIMEDOUT'}), 'timeout', `the Docker daemon at ${label} is not responding`);
		check(Object.assign(new Error('The operation was aborted'), {name: 'AbortError', code: 'ABORT_ERR'}), 'aborted', 'request aborted');
	});

	test('dropped connections, unknown hosts, TLS', () => {
		check(Object.assign(new Error('socket hang up'), {code: 'ECONNRESET'}), 'unreachable', `lost the connection to the Docker daemon at ${label}`);
		check(
			Object.assign(new Error('getaddrinfo ENOTFOUND nohost'), {code: 'ENOTFOUND'}),
			'unreachable',
			`cannot connect to the Docker daemon at ${label}: unknown host`,
		);
		check(
			Object.assign(new Error('self-signed certificate'), {code: 'DEPTH_ZERO_SELF_SIGNED_CERT'}),
			'denied',
			`TLS with the Docker daemon at ${label} failed: its certificate is not signed by your CA (ca.pem)`,
		);
	});

	test('an EngineError passes through; other things still become one line', () => {
		const original = new EngineError('conflict', 'as it was', 409);
		assert.equal(describeConnectError(original, label), original);
		check(new TypeError('boom\n    at somewhere'), 'server', `cannot connect to the Docker daemon at ${label}: boom at somewhere`);
		check('a string', 'server', `cannot connect to the Docker daemon at ${label}: a string`);
		check(Object.assign(new Error('weird'), {code: 'EWEIRD'}), 'unreachable', `cannot connect to the Docker daemon at ${label}: weird`);
	});

	test('daemon messages are sanitised single lines', () => {
		const error = Object.assign(new Error('x'), {statusCode: 409, json: {message: 'line one\n\u001b]0;pwned\u0007line two  '}});
		const described = describeConnectError(error, label);
		// Newlines and runs of spaces collapse first; the sanitiser then makes the rest inert.
		assert.equal(described.message, sanitize('line one \u001b]0;pwned\u0007line two'));
		assert.doesNotMatch(described.message, /[\n\u001b\u0007]/);
		assert.ok(oneLine('x'.repeat(1000)).length <= 300);
	});
});
