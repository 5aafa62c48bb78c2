import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {ConnectionConfigError, resolveEndpoint, type ResolveOptions} from '../../source/docker/connection.js';
import {sanitize} from '../../source/sanitize.js';

const usage = 'use unix:///path/to/docker.sock or tcp://HOST:PORT';

function rejects(options: ResolveOptions, message: string): void {
	assert.throws(
		() => resolveEndpoint(options),
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
			assert.equal(resolveEndpoint(options).label, label);
		});
	}

	test('unix: socketPath set, every other transport key present and undefined', () => {
		const {dockerodeOptions} = resolveEndpoint({host: 'unix:///tmp/a.sock', env: {DOCKER_CLIENT_TIMEOUT: '5'}});
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
		const {dockerodeOptions} = resolveEndpoint({host: 'tcp://[::1]:2375', env: {}});
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
		['ssh://me@h', `invalid host "ssh://me@h": ssh is not supported yet; ${usage}`],
	];
	for (const [value, message] of table) {
		test(`--host ${JSON.stringify(value)}`, () => {
			rejects({host: value, env: {}}, message);
		});
	}

	test('a hostile value is shown inert, on one line', () => {
		const value = 'foo\u001b]0;x\u0007\nbar';
		rejects({host: value, env: {}}, `invalid host "${sanitize('foo\u001b]0;x\u0007 bar')}": ${usage}`);
		assert.throws(() => resolveEndpoint({host: value, env: {}}), (error: Error) => !/[\n\u001b\u0007]/.test(error.message));
	});

	test('a bad DOCKER_HOST is reported the same way', () => {
		rejects({env: {DOCKER_HOST: 'http://x'}}, `invalid host "http://x": ${usage}`);
	});

	test('a bad DOCKER_HOST does not matter when the flag is given', () => {
		assert.equal(resolveEndpoint({host: 'unix:///a.sock', env: {DOCKER_HOST: 'http://x'}}).label, 'unix:///a.sock');
	});
});

describe('resolveEndpoint: TLS', () => {
	const certs = mkdtempSync(path.join(tmpdir(), 'dtui-certs-'));
	const partial = mkdtempSync(path.join(tmpdir(), 'dtui-certs-partial-'));
	after(() => {
		rmSync(certs, {recursive: true, force: true});
		rmSync(partial, {recursive: true, force: true});
	});
	for (const name of ['ca', 'cert', 'key']) writeFileSync(path.join(certs, `${name}.pem`), `-- ${name} --\n`);
	writeFileSync(path.join(partial, 'ca.pem'), 'ca');
	writeFileSync(path.join(partial, 'cert.pem'), 'cert');

	test('DOCKER_TLS_VERIFY + DOCKER_CERT_PATH: https, the three files read now, port 2376 by default', () => {
		const endpoint = resolveEndpoint({host: 'tcp://127.0.0.1', env: {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs}});
		assert.equal(endpoint.label, 'tcp://127.0.0.1:2376');
		const options = endpoint.dockerodeOptions;
		assert.equal(options['protocol'], 'https');
		assert.equal(options['port'], 2376);
		assert.deepEqual(options['ca'], Buffer.from('-- ca --\n'));
		assert.deepEqual(options['cert'], Buffer.from('-- cert --\n'));
		assert.deepEqual(options['key'], Buffer.from('-- key --\n'));
	});

	test('DOCKER_CERT_PATH alone also means TLS; an explicit port stays', () => {
		const endpoint = resolveEndpoint({env: {DOCKER_HOST: 'tcp://127.0.0.1:2375', DOCKER_CERT_PATH: certs}});
		assert.equal(endpoint.dockerodeOptions['protocol'], 'https');
		assert.equal(endpoint.label, 'tcp://127.0.0.1:2375');
	});

	test('an empty DOCKER_TLS_VERIFY is unset', () => {
		const endpoint = resolveEndpoint({host: 'tcp://127.0.0.1:2375', env: {DOCKER_TLS_VERIFY: '', DOCKER_CERT_PATH: ''}});
		assert.equal(endpoint.dockerodeOptions['protocol'], 'http');
		assert.equal(endpoint.dockerodeOptions['ca'], undefined);
	});

	test('TLS variables do not touch a unix socket', () => {
		const endpoint = resolveEndpoint({host: 'unix:///a.sock', env: {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexistent'}});
		assert.equal(endpoint.dockerodeOptions['ca'], undefined);
	});

	test('a missing certificate is one line naming the file', () => {
		rejects(
			{host: 'tcp://127.0.0.1:2376', env: {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: partial}},
			`cannot read TLS certificate ${path.join(partial, 'key.pem')}: no such file`,
		);
		rejects(
			{host: 'tcp://127.0.0.1:2376', env: {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/x'}},
			'cannot read TLS certificate /x/ca.pem: no such file',
		);
	});

	test('a certificate path that is a directory says so', () => {
		const odd = mkdtempSync(path.join(tmpdir(), 'dtui-certs-odd-'));
		try {
			mkdirSync(path.join(odd, 'ca.pem'));
			rejects(
				{host: 'tcp://127.0.0.1:2376', env: {DOCKER_CERT_PATH: odd}},
				`cannot read TLS certificate ${path.join(odd, 'ca.pem')}: is a directory`,
			);
		} finally {
			rmSync(odd, {recursive: true, force: true});
		}
	});
});
