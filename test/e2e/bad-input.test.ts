// Every flag and environment variable with a bad value, through the real bin/dtui.js:
// the documented exit code, one line on stderr that names the problem, nothing on
// stdout, and never a stack trace. No daemon needed: each fails before it would talk.
import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'dtui-bad-'));
after(() => {
	rmSync(dir, {recursive: true, force: true});
});

// Nothing from the developer's own setup may decide a case.
const clean = {DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined, DOCKER_TLS_VERIFY: undefined, DOCKER_CERT_PATH: undefined, DOCKER_CONFIG: join(dir, 'no-config')};

type Result = {code: number | null; stdout: string; stderr: string};

/** Asynchronous, so the cases run side by side (each start costs most of a second). */
async function dtui(args: string[], env: Record<string, string | undefined> = {}, runAs?: string): Promise<Result> {
	const command = runAs === undefined ? [process.execPath, 'bin/dtui.js', ...args] : ['runuser', '-u', runAs, '--', process.execPath, 'bin/dtui.js', ...args];
	return new Promise(resolve => {
		execFile(command[0]!, command.slice(1), {encoding: 'utf8', env: {...process.env, ...clean, ...env}, timeout: 15_000}, (error, stdout, stderr) => {
			const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
			resolve({code, stdout, stderr});
		});
	});
}

/** One line, `dtui: ` first, matching `pattern`, with the exit code; nothing else anywhere. */
function assertOneLine(result: Result, code: number, pattern: RegExp) {
	assert.equal(result.stdout, '', 'nothing on stdout');
	assert.match(result.stderr, /^dtui: [^\n]+\n$/, `one line on stderr: ${JSON.stringify(result.stderr)}`);
	assert.match(result.stderr, pattern);
	assert.doesNotMatch(result.stderr, /\u001B|\s+at \S+ \(/, 'no escape sequence, no stack trace');
	assert.equal(result.code, code, result.stderr);
}

function file(path: string, content: string): string {
	mkdirSync(join(path, '..'), {recursive: true});
	writeFileSync(path, content);
	return path;
}

const isRoot = process.getuid?.() === 0;

describe('bad input: a clear line and a documented exit code, never a stack trace', {concurrency: 4}, () => {
	for (const [what, args, env, pattern] of [
		['an unknown scheme', ['--host', 'foo://bar'], {}, /^dtui: invalid host "foo:\/\/bar": /],
		['http:// where tcp:// is meant (flag)', ['--host', 'http://127.0.0.1:2375'], {}, /^dtui: invalid host "http:\/\/127\.0\.0\.1:2375": use unix:/],
		['http:// where tcp:// is meant (DOCKER_HOST)', [], {DOCKER_HOST: 'http://127.0.0.1:2375'}, /^dtui: invalid host "http:\/\/127\.0\.0\.1:2375": /],
		['a port out of range', ['--host', 'tcp://127.0.0.1:70000'], {}, /port 70000 is out of range \(1-65535\)/],
		['a port that is not a number', ['--host', 'tcp://127.0.0.1:http'], {}, /port "http" is not a number/],
		['no host name', ['--host', 'tcp://:2375'], {}, /missing host name/],
		['no socket path', ['--host', 'unix://'], {}, /missing socket path/],
		['--host without its value', ['--host'], {}, /^dtui: invalid host "": use unix:/],
		['--host= with nothing after it', ['--host='], {}, /^dtui: invalid host "": use unix:/],
		['a second --host without its value', ['--host', `unix://${dir}/missing.sock`, '-H'], {}, /^dtui: invalid host "": use unix:/],
		['a missing socket', ['--host', `unix://${dir}/missing.sock`], {}, /^dtui: cannot connect to the Docker daemon at unix:\/\/\S+missing\.sock: no such socket \(is dockerd running\?\)\n$/],
		['a file that is not a socket', ['--host', `unix://${file(join(dir, 'plain-file'), '')}`], {}, /^dtui: cannot connect to the Docker daemon at unix:\/\/\S+plain-file: /],
		['escape sequences in DOCKER_HOST', [], {DOCKER_HOST: 'tcp://\u001B]0;pwned\u0007:1'}, /^dtui: invalid host "tcp:\/\/\^\[\]0;pwned\^G:1"/],
		['missing certificates', ['--host', 'tcp://127.0.0.1:2376'], {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: join(dir, 'no-certs')}, /^dtui: cannot read TLS certificate \S+no-certs\/ca\.pem: no such file\n$/],
		['a certificate that is a directory', ['--host', 'tcp://127.0.0.1:2376'], {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: (mkdirSync(join(dir, 'dir-certs', 'ca.pem'), {recursive: true}), join(dir, 'dir-certs'))}, /ca\.pem: is a directory\n$/],
		['a certificate that is not PEM', ['--host', 'tcp://127.0.0.1:2376'], {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: join(file(join(dir, 'junk-certs', 'ca.pem'), 'not a certificate'), '..')}, /ca\.pem is not a PEM certificate\n$/],
		['a malformed config.json', [], {DOCKER_CONFIG: join(file(join(dir, 'bad-config', 'config.json'), '{"currentContext": '), '..')}, /^dtui: malformed docker config \S+config\.json: /],
		['an unknown context (flag)', ['--context', 'nope'], {}, /^dtui: context "nope": context not found/],
		['an unknown context (DOCKER_CONTEXT)', [], {DOCKER_CONTEXT: 'nope'}, /^dtui: context "nope": context not found/],
		['--host with --context', ['--host', 'unix:///x.sock', '--context', 'nope'], {}, /^dtui: conflicting options: cannot specify both --host and --context\n$/],
	] as const) {
		test(`${what}: exit 1`, async () => {
			assertOneLine(await dtui([...args], env), 1, pattern);
		});
	}

	for (const [what, args, pattern] of [
		['an unknown command', ['frobnicate'], /^dtui: unknown command "frobnicate" \(try dtui --help\)\n$/],
		['an unknown flag', ['--frobnicate'], /Unknown flag/],
	] as const) {
		test(`${what}: exit 2`, async () => {
			const result = await dtui([...args]);
			assert.equal(result.code, 2, result.stderr);
			assert.doesNotMatch(result.stderr, /\s+at \S+ \(/, 'no stack trace');
			assert.match(result.stderr, pattern);
		});
	}

	test('a certificate the user may not read: says so, exit 1', {skip: isRoot ? false : 'needs root to make a file another user cannot read'}, async () => {
		const certs = join(dir, 'private-certs');
		file(join(certs, 'ca.pem'), 'secret');
		chmodSync(dir, 0o755);
		chmodSync(certs, 0o755);
		chmodSync(join(certs, 'ca.pem'), 0o600);
		assertOneLine(await dtui(['--host', 'tcp://127.0.0.1:2376'], {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs, HOME: dir}, 'nobody'), 1, /ca\.pem: permission denied\n$/);
	});
});
