// The command line as a user meets it: help, version, and one clear line (never a
// stack trace) for every mistake that is theirs to fix.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as {version: string}).version;

function dtui(args: string[], env: Record<string, string | undefined> = {}) {
	const result = spawnSync(process.execPath, ['bin/dtui.js', ...args], {encoding: 'utf8', env: {...process.env, DOCKER_HOST: undefined, ...env}, timeout: 15_000});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

describe('dtui on the command line', () => {
	test('--version prints the version', () => {
		assert.deepEqual(dtui(['--version']), {code: 0, stdout: `${version}\n`, stderr: ''});
	});

	test('--help lists the options and the exit codes', () => {
		const {code, stdout} = dtui(['--help']);
		assert.equal(code, 0);
		for (const text of ['--host URL', '--read-only', 'DOCKER_HOST', 'Exit codes']) assert.ok(stdout.includes(text), text);
	});

	test('DOCKER_HOST naming a missing socket: one line with the host and the cause, exit 1', () => {
		assert.deepEqual(dtui([], {DOCKER_HOST: 'unix:///nonexistent/docker.sock'}), {
			code: 1,
			stdout: '',
			stderr: 'dtui: cannot connect to the Docker daemon at unix:///nonexistent/docker.sock: no such socket (is dockerd running?)\n',
		});
	});

	test('--host with a bad scheme: one line, exit 1', () => {
		assert.deepEqual(dtui(['--host', 'http://127.0.0.1:2375']), {
			code: 1,
			stdout: '',
			stderr: 'dtui: invalid host "http://127.0.0.1:2375": use unix:///path/to/docker.sock, tcp://HOST:PORT or ssh://USER@HOST[:PORT]\n',
		});
	});

	test('--host beats DOCKER_HOST', () => {
		const {stderr} = dtui(['--host', 'unix:///from/flag.sock'], {DOCKER_HOST: 'unix:///from/env.sock'});
		assert.match(stderr, /^dtui: cannot connect to the Docker daemon at unix:\/\/\/from\/flag\.sock: /);
	});

	test('an unknown flag is a usage error, exit 2', () => {
		const {code, stderr} = dtui(['--frobnicate']);
		assert.equal(code, 2);
		assert.match(stderr, /Unknown flag/);
		assert.ok(!stderr.includes('    at '), 'no stack trace');
	});

	test('a socket the user may not open: says so, and suggests the docker group', {skip: process.getuid?.() === 0 ? false : 'needs root to create a socket another user cannot open'}, async () => {
		const dir = mkdtempSync(join(tmpdir(), 'dtui-eacces-'));
		chmodSync(dir, 0o755);
		const socket = join(dir, 'docker.sock');
		const server = createServer().listen(socket);
		await new Promise(resolve => {
			server.once('listening', resolve);
		});
		chmodSync(socket, 0o600);
		try {
			const result = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, 'bin/dtui.js', '--host', `unix://${socket}`], {encoding: 'utf8', timeout: 15_000});
			assert.equal(result.status, 1);
			assert.equal(result.stderr, `dtui: permission denied on ${socket} (is your user in the docker group?)\n`);
		} finally {
			server.close();
			rmSync(dir, {recursive: true, force: true});
		}
	});
});

describe('commands', () => {
	test('an unknown command is a usage error', () => {
		assert.deepEqual(dtui(['frobnicate']), {code: 2, stdout: '', stderr: 'dtui: unknown command "frobnicate" (try dtui --help)\n'});
	});
});
