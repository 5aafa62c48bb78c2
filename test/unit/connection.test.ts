import assert from 'node:assert/strict';
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import https from 'node:https';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {ConnectionConfigError, resolveEndpoint, type ResolveOptions} from '../../source/transport/connection.js';
import {SshHttpAgent} from '../../source/transport/ssh-http-agent.js';
import {sanitize} from '../../source/text/sanitize.js';
import {makeCertificates, type Certificates} from '../helpers/certificates.js';

// Host values and TLS from the environment. Which context wins is in contexts.test.ts.
// Every call gets an empty DOCKER_CONFIG and a default socket that "exists", so neither
// this machine's ~/.docker nor its sockets can change an answer.

const emptyConfig = mkdtempSync(path.join(tmpdir(), 'dtui-empty-config-'));
after(() => {
	rmSync(emptyConfig, {recursive: true, force: true});
});

function isolated(options: ResolveOptions): ResolveOptions {
	return {socketExists: () => true, ...options, env: {DOCKER_CONFIG: emptyConfig, ...options.env}};
}

const usage = 'use unix:///path/to/docker.sock, tcp://HOST:PORT or ssh://USER@HOST[:PORT]';

function rejects(options: ResolveOptions, message: string): void {
	assert.throws(
		() => resolveEndpoint(isolated(options)),
		(error: unknown) => {
			assert.ok(error instanceof ConnectionConfigError);
			assert.equal(error.message, message);
			return true;
		},
	);
}

describe('resolveEndpoint: which host', () => {
	const table: Array<{what: string; options: ResolveOptions; label: string}> = [
		{what: 'nothing set → the default socket', options: {env: {}}, label: 'unix:///var/run/docker.sock'},
		{what: 'empty DOCKER_HOST is unset', options: {env: {DOCKER_HOST: ''}}, label: 'unix:///var/run/docker.sock'},
		{what: 'DOCKER_HOST when no flag', options: {env: {DOCKER_HOST: 'unix:///run/user/1000/docker.sock'}}, label: 'unix:///run/user/1000/docker.sock'},
		{what: 'the flag beats DOCKER_HOST', options: {host: 'unix:///tmp/a.sock', env: {DOCKER_HOST: 'tcp://10.0.0.1:2375'}}, label: 'unix:///tmp/a.sock'},
		{what: 'the flag beats an empty DOCKER_HOST', options: {host: 'tcp://127.0.0.1:2375', env: {DOCKER_HOST: ''}}, label: 'tcp://127.0.0.1:2375'},
		{what: 'tcp without a port gets 2375', options: {host: 'tcp://localhost', env: {}}, label: 'tcp://localhost:2375'},
		{what: 'a trailing slash is fine', options: {host: 'tcp://localhost:1234/', env: {}}, label: 'tcp://localhost:1234'},
		{what: 'IPv6 in brackets', options: {host: 'tcp://[::1]:2375', env: {}}, label: 'tcp://[::1]:2375'},
	];
	for (const {what, options, label} of table) {
		test(what, () => {
			assert.equal(resolveEndpoint(isolated(options)).label, label);
		});
	}

	test('unix: socketPath set, every other transport key present and undefined', () => {
		const {dockerodeOptions} = resolveEndpoint(isolated({host: 'unix:///tmp/a.sock', env: {DOCKER_CLIENT_TIMEOUT: '5'}}));
		assert.deepEqual(dockerodeOptions, {
			socketPath: '/tmp/a.sock',
			host: undefined,
			port: undefined,
			protocol: undefined,
			pathPrefix: undefined,
			ca: undefined,
			cert: undefined,
			key: undefined,
			timeout: undefined,
		});
		for (const key of ['host', 'port', 'protocol', 'timeout']) assert.ok(key in dockerodeOptions, key);
	});

	test('tcp: host, port and http; socketPath present and undefined', () => {
		const {dockerodeOptions} = resolveEndpoint(isolated({host: 'tcp://[::1]:2375', env: {}}));
		assert.equal(dockerodeOptions['host'], '::1');
		assert.equal(dockerodeOptions['port'], 2375);
		assert.equal(dockerodeOptions['protocol'], 'http');
		assert.ok('socketPath' in dockerodeOptions);
		assert.equal(dockerodeOptions['socketPath'], undefined);
	});
});

describe('resolveEndpoint: bad values are one clear line', () => {
	const table: Array<[string, string]> = [
		['http://x', `invalid host "http://x": ${usage}`],
		['foo', `invalid host "foo": ${usage}`],
		['', `invalid host "": ${usage}`],
		['localhost:2375', `invalid host "localhost:2375": ${usage}`],
		['unix://', `invalid host "unix://": missing socket path; ${usage}`],
		['tcp://', `invalid host "tcp://": missing host name; ${usage}`],
		['tcp://:2375', `invalid host "tcp://:2375": missing host name; ${usage}`],
		['tcp://[]:2375', `invalid host "tcp://[]:2375": missing host name; ${usage}`],
		['tcp://h:0', `invalid host "tcp://h:0": port 0 is out of range (1-65535); ${usage}`],
		['tcp://h:65536', `invalid host "tcp://h:65536": port 65536 is out of range (1-65535); ${usage}`],
		['tcp://h:99999999999', `invalid host "tcp://h:99999999999": port 99999999999 is out of range (1-65535); ${usage}`],
		['tcp://h:abc', `invalid host "tcp://h:abc": port "abc" is not a number; ${usage}`],
		['tcp://h:', `invalid host "tcp://h:": port "" is not a number; ${usage}`],
		['tcp://h:2375/api', `invalid host "tcp://h:2375/api": expected tcp://HOST:PORT; ${usage}`],
		['tcp://me@h:2375', `invalid host "tcp://me@h:2375": expected tcp://HOST:PORT; ${usage}`],
		['npipe:////./pipe/docker_engine', `invalid host "npipe:////./pipe/docker_engine": named pipes are not supported; ${usage}`],
		['ssh://me:secret@h', `invalid host "ssh://me:secret@h": plain-text password is not supported; ${usage}`],
		['ssh://h?x=1', `invalid host "ssh://h?x=1": extra query after the host; ${usage}`],
		['ssh://h#x', `invalid host "ssh://h#x": extra fragment after the host; ${usage}`],
		['ssh://', `invalid host "ssh://": no host specified; ${usage}`],
		['ssh://h:99999', `invalid host "ssh://h:99999": expected ssh://USER@HOST[:PORT]; ${usage}`],
	];
	for (const [value, message] of table) {
		test(`--host ${JSON.stringify(value)}`, () => {
			rejects({host: value, env: {}}, message);
		});
	}

	test('a hostile value is shown inert, on one line', () => {
		const value = 'foo\u001b]0;x\u0007\nbar';
		rejects({host: value, env: {}}, `invalid host "${sanitize('foo\u001b]0;x\u0007 bar')}": ${usage}`);
		assert.throws(() => resolveEndpoint(isolated({host: value, env: {}})), (error: Error) => !/[\n\u001b\u0007]/.test(error.message));
	});

	test('a bad DOCKER_HOST is reported the same way', () => {
		rejects({env: {DOCKER_HOST: 'http://x'}}, `invalid host "http://x": ${usage}`);
	});

	test('a bad DOCKER_HOST does not matter when the flag is given', () => {
		assert.equal(resolveEndpoint(isolated({host: 'unix:///a.sock', env: {DOCKER_HOST: 'http://x'}})).label, 'unix:///a.sock');
	});
});

describe('resolveEndpoint: TLS from DOCKER_TLS_VERIFY and DOCKER_CERT_PATH', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'dtui-certs-'));
	let certs: Certificates;
	before(() => {
		certs = makeCertificates(dir);
	});
	after(() => {
		rmSync(dir, {recursive: true, force: true});
	});
	const file = (folder: string, name: string) => path.join(folder, `${name}.pem`);

	test('DOCKER_TLS_VERIFY + DOCKER_CERT_PATH: https, the three files read now, port 2376 by default', () => {
		const endpoint = resolveEndpoint(isolated({host: 'tcp://127.0.0.1', env: {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs.client}}));
		assert.equal(endpoint.label, 'tcp://127.0.0.1:2376');
		const options = endpoint.dockerodeOptions;
		assert.equal(options['protocol'], 'https');
		assert.equal(options['port'], 2376);
		assert.deepEqual(options['ca'], readPem(certs.client, 'ca'));
		assert.deepEqual(options['cert'], readPem(certs.client, 'cert'));
		assert.deepEqual(options['key'], readPem(certs.client, 'key'));
		const agent = endpoint.createAgent();
		assert.ok(agent instanceof https.Agent);
		assert.equal((agent as https.Agent).options.rejectUnauthorized, true);
		agent.destroy();
	});

	test('DOCKER_CERT_PATH alone also means TLS; an explicit port stays', () => {
		const endpoint = resolveEndpoint(isolated({env: {DOCKER_HOST: 'tcp://127.0.0.1:2375', DOCKER_CERT_PATH: certs.client}}));
		assert.equal(endpoint.dockerodeOptions['protocol'], 'https');
		assert.equal(endpoint.label, 'tcp://127.0.0.1:2375');
	});

	test('DOCKER_TLS_VERIFY without DOCKER_CERT_PATH reads $DOCKER_CONFIG, as the CLI does', () => {
		const config = mkdtempSync(path.join(tmpdir(), 'dtui-config-certs-'));
		try {
			for (const name of ['ca', 'cert', 'key']) copyFileSync(file(certs.client, name), file(config, name));
			const endpoint = resolveEndpoint(isolated({host: 'tcp://127.0.0.1', env: {DOCKER_TLS_VERIFY: '1', DOCKER_CONFIG: config}}));
			assert.deepEqual(endpoint.dockerodeOptions['ca'], readPem(certs.client, 'ca'));
			rejects({host: 'tcp://127.0.0.1', env: {DOCKER_TLS_VERIFY: '1'}}, `cannot read TLS certificate ${file(emptyConfig, 'ca')}: no such file`);
		} finally {
			rmSync(config, {recursive: true, force: true});
		}
	});

	test('ca.pem alone: TLS without a client certificate (the daemon decides whether it needs one)', () => {
		const endpoint = resolveEndpoint(isolated({host: 'tcp://127.0.0.1', env: {DOCKER_CERT_PATH: certs.caOnly}}));
		assert.equal(endpoint.dockerodeOptions['protocol'], 'https');
		assert.deepEqual(endpoint.dockerodeOptions['ca'], readPem(certs.client, 'ca'));
		assert.equal(endpoint.dockerodeOptions['cert'], undefined);
		assert.equal(endpoint.dockerodeOptions['key'], undefined);
	});

	test('an empty DOCKER_TLS_VERIFY is unset', () => {
		const endpoint = resolveEndpoint(isolated({host: 'tcp://127.0.0.1:2375', env: {DOCKER_TLS_VERIFY: '', DOCKER_CERT_PATH: ''}}));
		assert.equal(endpoint.dockerodeOptions['protocol'], 'http');
		assert.equal(endpoint.dockerodeOptions['ca'], undefined);
	});

	test('TLS variables do not touch a unix socket or an ssh host', () => {
		const env = {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexistent'};
		assert.equal(resolveEndpoint(isolated({host: 'unix:///a.sock', env})).dockerodeOptions['ca'], undefined);
		assert.equal(resolveEndpoint(isolated({host: 'ssh://me@h', env})).dockerodeOptions['ca'], undefined);
	});

	test('each certificate problem is one line naming the file', () => {
		const partial = mkdtempSync(path.join(tmpdir(), 'dtui-certs-partial-'));
		const odd = mkdtempSync(path.join(tmpdir(), 'dtui-certs-odd-'));
		try {
			copyFileSync(file(certs.client, 'ca'), file(partial, 'ca'));
			copyFileSync(file(certs.client, 'cert'), file(partial, 'cert'));
			mkdirSync(file(odd, 'ca'));
			const table: Array<[string, string]> = [
				['/x', 'cannot read TLS certificate /x/ca.pem: no such file'],
				[partial, `cannot read TLS certificate ${file(partial, 'key')}: no such file`],
				[odd, `cannot read TLS certificate ${file(odd, 'ca')}: is a directory`],
				[certs.garbage, `TLS certificate ${file(certs.garbage, 'ca')} is not a PEM certificate`],
				[certs.mismatchedKey, `TLS key ${file(certs.mismatchedKey, 'key')} does not belong to certificate ${file(certs.mismatchedKey, 'cert')}`],
			];
			for (const [directory, message] of table) {
				rejects({host: 'tcp://127.0.0.1:2376', env: {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: directory}}, message);
			}
		} finally {
			rmSync(partial, {recursive: true, force: true});
			rmSync(odd, {recursive: true, force: true});
		}
	});

	test('an expired client certificate is caught before connecting, with its date', () => {
		assert.throws(
			() => resolveEndpoint(isolated({host: 'tcp://127.0.0.1:2376', env: {DOCKER_CERT_PATH: certs.expiredClient}})),
			(error: unknown) => {
				assert.ok(error instanceof ConnectionConfigError);
				assert.match(error.message, new RegExp(`^TLS client certificate ${escape(file(certs.expiredClient, 'cert'))} expired on \\d{4}-\\d{2}-\\d{2}$`));
				return true;
			},
		);
	});
});

describe('resolveEndpoint: ssh', () => {
	const table: Array<[string, string]> = [
		['ssh://me@h', 'ssh://me@h'],
		['ssh://h', 'ssh://h'],
		['ssh://me@h:2222', 'ssh://me@h:2222'],
		['ssh://me@h:2222/', 'ssh://me@h:2222'],
		['ssh://me@[::1]:2222', 'ssh://me@[::1]:2222'],
		['ssh://me@h/run/user/1000/docker.sock', 'ssh://me@h/run/user/1000/docker.sock'],
	];
	for (const [value, label] of table) {
		test(`${value} → ${label}, plain HTTP through the ssh agent`, () => {
			const endpoint = resolveEndpoint(isolated({host: value, env: {}}));
			assert.equal(endpoint.label, label);
			assert.equal(endpoint.dockerodeOptions['protocol'], 'http');
			assert.equal(endpoint.dockerodeOptions['socketPath'], undefined);
			assert.ok('socketPath' in endpoint.dockerodeOptions);
			const agent = endpoint.createAgent();
			assert.ok(agent instanceof SshHttpAgent);
			agent.destroy();
		});
	}
});

function readPem(directory: string, name: string): Buffer {
	return readFileSync(path.join(directory, `${name}.pem`));
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
