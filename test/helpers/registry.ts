import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {inCi} from './ci.js';

// A real distribution registry (Debian's docker-registry) on 127.0.0.1, for tests that
// push and pull. The daemon treats 127.0.0.0/8 registries as insecure, so plain HTTP
// works; it must share the daemon's network namespace (so not with NETNS=1). Nothing
// leaves loopback. Each registry has its own storage and stops by its own PID.

export const registryProgram = '/usr/bin/docker-registry';
const htpasswdProgram = '/usr/bin/htpasswd';

export type TestRegistry = {
	/** `127.0.0.1:PORT`: the domain of references into it. */
	readonly address: string;
	/** GET a registry API path (`/v2/…`); the status, headers and body. */
	api(pathname: string, options?: {login?: Login; method?: string; accept?: string}): Promise<{status: number; headers: http.IncomingHttpHeaders; body: string}>;
	stop(): Promise<void>;
};

export type Login = {readonly username: string; readonly password: string};

function installed(file: string): boolean {
	try {
		execFileSync(file, ['--help'], {stdio: 'ignore', timeout: 5000});
		return true;
	} catch (error) {
		// htpasswd exits 1 on --help; only a missing program matters.
		return (error as {code?: unknown}).code !== 'ENOENT';
	}
}

/** For `describe(…, {skip})`: false when the registry programs are there. Throws in CI. */
export function registrySkip(): false | string {
	const missing = [registryProgram, htpasswdProgram].filter(file => !installed(file));
	if (missing.length === 0) return false;
	const reason = `${missing.join(' and ')} not installed (apt-get install docker-registry apache2-utils)`;
	if (inCi()) throw new Error(`registry tests cannot run in CI: ${reason}`);
	return reason;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const {port} = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

function request(url: string, options: {login?: Login; method?: string; accept?: string}): Promise<{status: number; headers: http.IncomingHttpHeaders; body: string}> {
	const headers: Record<string, string> = {};
	if (options.login) headers['authorization'] = `Basic ${Buffer.from(`${options.login.username}:${options.login.password}`).toString('base64')}`;
	if (options.accept) headers['accept'] = options.accept;
	return new Promise((resolve, reject) => {
		// No agent and no proxy: straight to loopback, whatever HTTP_PROXY says.
		const outgoing = http.request(url, {method: options.method ?? 'GET', headers, agent: false, timeout: 5000}, response => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (body += chunk));
			response.on('end', () => resolve({status: response.statusCode ?? 0, headers: response.headers, body}));
		});
		outgoing.on('timeout', () => outgoing.destroy(new Error(`${url}: timed out`)));
		outgoing.on('error', reject);
		outgoing.end();
	});
}

function exited(child: ChildProcess): Promise<void> {
	return new Promise(resolve => {
		if (child.exitCode !== null || child.signalCode !== null) resolve();
		else child.once('exit', () => resolve());
	});
}

/** Starts a registry on a free 127.0.0.1 port (with basic auth for `login`), ready when it answers /v2/. */
export async function startRegistry(options: {login?: Login} = {}): Promise<TestRegistry> {
	const directory = mkdtempSync(path.join(tmpdir(), 'dtui-registry-'));
	const port = await freePort();
	const address = `127.0.0.1:${port}`;
	const lines = ['version: 0.1', 'log:', '  level: error', 'storage:', '  filesystem:', `    rootdirectory: ${path.join(directory, 'data')}`, '  delete:', '    enabled: true', 'http:', `  addr: ${address}`];
	if (options.login) {
		const file = path.join(directory, 'htpasswd');
		// bcrypt: the only hash the registry accepts.
		writeFileSync(file, execFileSync(htpasswdProgram, ['-Bbn', options.login.username, options.login.password], {encoding: 'utf8'}));
		lines.push('auth:', '  htpasswd:', '    realm: dtui-test', `    path: ${file}`);
	}

	const config = path.join(directory, 'config.yml');
	writeFileSync(config, `${lines.join('\n')}\n`);
	const child = spawn(registryProgram, ['serve', config], {stdio: ['ignore', 'ignore', 'pipe']});
	let log = '';
	child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));

	async function stop(): Promise<void> {
		if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
		await exited(child);
		rmSync(directory, {recursive: true, force: true});
	}

	const api: TestRegistry['api'] = async (pathname, requestOptions = {}) => request(`http://${address}${pathname}`, requestOptions);
	const deadline = Date.now() + 10_000;
	for (;;) {
		if (child.exitCode !== null) {
			await stop();
			throw new Error(`docker-registry exited (${child.exitCode}): ${log.trim()}`);
		}

		try {
			const {status} = await api('/v2/');
			if (status === 200 || status === 401) break;
		} catch {
			// Not listening yet.
		}

		if (Date.now() > deadline) {
			await stop();
			throw new Error(`docker-registry on ${address} did not answer within 10 s: ${log.trim()}`);
		}

		await new Promise(resolve => setTimeout(resolve, 50));
	}

	return {address, api, stop};
}
