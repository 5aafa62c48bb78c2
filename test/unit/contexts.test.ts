import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import https from 'node:https';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {ConnectionConfigError, resolveEndpoint, type ResolveOptions} from '../../source/transport/connection.js';
import {listContexts} from '../../source/transport/context-list.js';
import {contextId} from '../../source/transport/docker-config.js';
import {makeCertificates, type Certificates} from '../helpers/certificates.js';
import {writeConfig, writeContext, writeRawContext} from '../helpers/docker-config.js';

// The docker CLI's precedence, row by row, over a temporary DOCKER_CONFIG:
// --context (never with --host), --host, DOCKER_HOST (empty = unset), DOCKER_CONTEXT
// (empty = unset), config.json's currentContext, else the default socket.

const usage = 'use unix:///path/to/docker.sock, tcp://HOST:PORT or ssh://USER@HOST[:PORT]';
const root = mkdtempSync(path.join(tmpdir(), 'dtui-contexts-'));
/** config.json says currentContext "from-config"; the store holds every context below. */
const config = path.join(root, 'config');
/** No config.json, the same store. */
const bare = path.join(root, 'bare');
let certs: Certificates;

before(() => {
	certs = makeCertificates(path.join(root, 'certs-dir'));
	for (const directory of [config, bare]) {
		writeContext(directory, 'from-config', {host: 'unix:///from-config.sock', description: 'set by docker context use'});
		writeContext(directory, 'from-env', {host: 'unix:///from-env.sock'});
		writeContext(directory, 'from-flag', {host: 'unix:///from-flag.sock'});
		writeContext(directory, 'remote', {host: 'ssh://me@build-box:2222', description: 'the build box'});
		writeContext(directory, 'tls', {host: 'tcp://127.0.0.1', tls: {ca: path.join(certs.client, 'ca.pem'), cert: path.join(certs.client, 'cert.pem'), key: path.join(certs.client, 'key.pem')}});
		writeContext(directory, 'ca-only', {host: 'tcp://127.0.0.1:2376', tls: {ca: path.join(certs.client, 'ca.pem')}});
		writeContext(directory, 'skip-verify', {host: 'tcp://10.1.2.3:2376', skipTlsVerify: true});
		writeContext(directory, 'plain-tcp', {host: 'tcp://127.0.0.1:2375'});
		writeContext(directory, 'expired', {host: 'tcp://127.0.0.1:2376', tls: {ca: path.join(certs.client, 'ca.pem'), cert: path.join(certs.expiredClient, 'cert.pem'), key: path.join(certs.expiredClient, 'key.pem')}});
		writeContext(directory, 'bad-host', {host: 'http://x'});
	}

	writeConfig(config, {currentContext: 'from-config', auths: {}});
});

after(() => {
	rmSync(root, {recursive: true, force: true});
});

function options(flags: {host?: string; context?: string}, env: NodeJS.ProcessEnv, configDirectory = config): ResolveOptions {
	return {...flags, env: {DOCKER_CONFIG: configDirectory, ...env}, socketExists: () => true};
}

function rejects(resolveOptions: ResolveOptions, message: string): void {
	assert.throws(
		() => resolveEndpoint(resolveOptions),
		(error: unknown) => {
			assert.ok(error instanceof ConnectionConfigError, String(error));
			assert.equal(error.message, message);
			return true;
		},
	);
}

describe('which endpoint: the CLI precedence', () => {
	type Row = {what: string; flags?: {host?: string; context?: string}; env?: NodeJS.ProcessEnv; bare?: boolean; label: string; context: string};
	const table: Row[] = [
		{what: 'nothing at all → the default socket', bare: true, label: 'unix:///var/run/docker.sock', context: 'default'},
		{what: "config.json's currentContext", label: 'unix:///from-config.sock', context: 'from-config'},
		{what: 'DOCKER_CONTEXT beats currentContext', env: {DOCKER_CONTEXT: 'from-env'}, label: 'unix:///from-env.sock', context: 'from-env'},
		{what: 'an empty DOCKER_CONTEXT is unset', env: {DOCKER_CONTEXT: ''}, label: 'unix:///from-config.sock', context: 'from-config'},
		{what: 'DOCKER_CONTEXT=default beats currentContext', env: {DOCKER_CONTEXT: 'default'}, label: 'unix:///var/run/docker.sock', context: 'default'},
		{what: 'DOCKER_HOST beats DOCKER_CONTEXT and currentContext', env: {DOCKER_HOST: 'unix:///env.sock', DOCKER_CONTEXT: 'from-env'}, label: 'unix:///env.sock', context: 'default'},
		{what: 'an empty DOCKER_HOST is unset', env: {DOCKER_HOST: '', DOCKER_CONTEXT: 'from-env'}, label: 'unix:///from-env.sock', context: 'from-env'},
		{what: '--host beats DOCKER_HOST, DOCKER_CONTEXT and currentContext', flags: {host: 'unix:///flag.sock'}, env: {DOCKER_HOST: 'unix:///env.sock', DOCKER_CONTEXT: 'from-env'}, label: 'unix:///flag.sock', context: 'default'},
		{what: '--context beats DOCKER_HOST and DOCKER_CONTEXT', flags: {context: 'from-flag'}, env: {DOCKER_HOST: 'unix:///env.sock', DOCKER_CONTEXT: 'from-env'}, label: 'unix:///from-flag.sock', context: 'from-flag'},
		{what: '--context default is DOCKER_HOST when set', flags: {context: 'default'}, env: {DOCKER_HOST: 'unix:///env.sock'}, label: 'unix:///env.sock', context: 'default'},
		{what: '--context default is the default socket otherwise', flags: {context: 'default'}, label: 'unix:///var/run/docker.sock', context: 'default'},
		{what: 'an empty --context is unset', flags: {context: ''}, label: 'unix:///from-config.sock', context: 'from-config'},
		{what: 'an ssh context', flags: {context: 'remote'}, label: 'ssh://me@build-box:2222', context: 'remote'},
		{what: 'a context without TLS files is plain tcp', flags: {context: 'plain-tcp'}, env: {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexistent'}, label: 'tcp://127.0.0.1:2375', context: 'plain-tcp'},
		{what: 'a TLS context gets the TLS port by default', flags: {context: 'tls'}, label: 'tcp://127.0.0.1:2376', context: 'tls'},
	];
	for (const row of table) {
		test(row.what, () => {
			const endpoint = resolveEndpoint(options(row.flags ?? {}, row.env ?? {}, row.bare ? bare : config));
			assert.equal(endpoint.label, row.label);
			assert.equal(endpoint.context, row.context);
		});
	}
});

describe('contexts: TLS from the store', () => {
	const tlsFile = (name: string, file: string) => readFileSync(path.join(config, 'contexts', 'tls', contextId(name), 'docker', file));

	test('ca, cert and key come from contexts/tls/<sha256>/docker; the server is verified', () => {
		const endpoint = resolveEndpoint(options({context: 'tls'}, {}));
		assert.equal(endpoint.dockerodeOptions['protocol'], 'https');
		assert.deepEqual(endpoint.dockerodeOptions['ca'], tlsFile('tls', 'ca.pem'));
		assert.deepEqual(endpoint.dockerodeOptions['cert'], tlsFile('tls', 'cert.pem'));
		assert.deepEqual(endpoint.dockerodeOptions['key'], tlsFile('tls', 'key.pem'));
		const agent = endpoint.createAgent() as https.Agent;
		assert.equal(agent.options.rejectUnauthorized, true);
		agent.destroy();
	});

	test('a CA alone: TLS without a client certificate', () => {
		const endpoint = resolveEndpoint(options({context: 'ca-only'}, {}));
		assert.equal(endpoint.dockerodeOptions['protocol'], 'https');
		assert.deepEqual(endpoint.dockerodeOptions['ca'], tlsFile('ca-only', 'ca.pem'));
		assert.equal(endpoint.dockerodeOptions['cert'], undefined);
	});

	test('SkipTLSVerify: TLS that accepts any server certificate', () => {
		const endpoint = resolveEndpoint(options({context: 'skip-verify'}, {}));
		assert.equal(endpoint.label, 'tcp://10.1.2.3:2376');
		assert.equal(endpoint.dockerodeOptions['protocol'], 'https');
		assert.equal(endpoint.dockerodeOptions['ca'], undefined);
		const agent = endpoint.createAgent() as https.Agent;
		assert.ok(agent instanceof https.Agent);
		assert.equal(agent.options.rejectUnauthorized, false);
		agent.destroy();
	});

	test('the environment\'s TLS settings do not reach a context', () => {
		const endpoint = resolveEndpoint(options({context: 'tls'}, {DOCKER_CERT_PATH: certs.foreignCa}));
		assert.deepEqual(endpoint.dockerodeOptions['ca'], tlsFile('tls', 'ca.pem'));
	});
});

describe('contexts: mistakes are one line', () => {
	const missing = (name: string, directory = config) =>
		`context "${name}": context not found: open ${path.join(directory, 'contexts', 'meta', contextId(name), 'meta.json')}: no such file or directory`;

	test('--context with --host', () => {
		rejects(options({context: 'tls', host: 'unix:///a.sock'}, {}), 'conflicting options: cannot specify both --host and --context');
	});

	test('an unknown context, however it was named: the CLI\'s words', () => {
		rejects(options({context: 'nope'}, {}), missing('nope'));
		rejects(options({}, {DOCKER_CONTEXT: 'nope'}), missing('nope'));
		const dangling = path.join(root, 'dangling');
		writeConfig(dangling, {currentContext: 'gone'});
		rejects(options({}, {}, dangling), missing('gone', dangling));
	});

	test('a malformed config.json names the file', () => {
		const broken = path.join(root, 'broken-config');
		const file = writeConfig(broken, '{bad');
		let reason = '';
		try {
			JSON.parse('{bad');
		} catch (error) {
			reason = (error as Error).message;
		}

		rejects(options({}, {}, broken), `malformed docker config ${file}: ${reason}`);
		writeConfig(broken, '[1]');
		rejects(options({}, {}, broken), `malformed docker config ${file}: not a JSON object`);
		writeConfig(broken, '{"currentContext": 7}');
		rejects(options({}, {}, broken), `malformed docker config ${file}: currentContext is not a string`);
	});

	test('a malformed config.json does not matter when it is not needed', () => {
		const broken = path.join(root, 'broken-unneeded');
		writeConfig(broken, '{bad');
		assert.equal(resolveEndpoint(options({host: 'unix:///a.sock'}, {}, broken)).label, 'unix:///a.sock');
		assert.equal(resolveEndpoint(options({}, {DOCKER_HOST: 'unix:///b.sock'}, broken)).label, 'unix:///b.sock');
		assert.equal(resolveEndpoint(options({}, {DOCKER_CONTEXT: 'default'}, broken)).label, 'unix:///var/run/docker.sock');
	});

	test('a malformed meta.json names the file', () => {
		const store = path.join(root, 'broken-meta');
		const file = writeRawContext(store, 'broken', '{"Name": "broken", "Endpoints": ');
		let reason = '';
		try {
			JSON.parse('{"Name": "broken", "Endpoints": ');
		} catch (error) {
			reason = (error as Error).message;
		}

		rejects(options({context: 'broken'}, {}, store), `malformed context metadata ${file}: ${reason}`);
		writeRawContext(store, 'broken', '{"Name": "broken", "Endpoints": {}}');
		rejects(options({context: 'broken'}, {}, store), `malformed context metadata ${file}: no Endpoints.docker.Host`);
	});

	test('a bad host or certificate in a context says which context', () => {
		rejects(options({context: 'bad-host'}, {}), `context "bad-host": invalid host "http://x": ${usage}`);
		const certificate = path.join(config, 'contexts', 'tls', contextId('expired'), 'docker', 'cert.pem');
		assert.throws(
			() => resolveEndpoint(options({context: 'expired'}, {})),
			(error: Error) => error.message.startsWith(`context "expired": TLS client certificate ${certificate} expired on `),
		);
	});
});

describe('the default socket is absent: Podman', () => {
	function resolveWith(present: string[], env: NodeJS.ProcessEnv = {}, flags: {host?: string; context?: string} = {}): string {
		return resolveEndpoint({...flags, env: {DOCKER_CONFIG: bare, ...env}, socketExists: file => present.includes(file)}).label;
	}

	const table: Array<{what: string; present: string[]; env?: NodeJS.ProcessEnv; label: string}> = [
		{what: 'Docker\'s socket wins when it is there', present: ['/var/run/docker.sock', '/run/podman/podman.sock'], label: 'unix:///var/run/docker.sock'},
		{what: '$XDG_RUNTIME_DIR/podman/podman.sock first', present: ['/run/user/1000/podman/podman.sock', '/run/podman/podman.sock'], env: {XDG_RUNTIME_DIR: '/run/user/1000'}, label: 'unix:///run/user/1000/podman/podman.sock'},
		{what: 'then /run/podman/podman.sock', present: ['/run/podman/podman.sock'], env: {XDG_RUNTIME_DIR: '/run/user/1000'}, label: 'unix:///run/podman/podman.sock'},
		{what: 'no XDG_RUNTIME_DIR: /run/podman/podman.sock', present: ['/run/podman/podman.sock'], label: 'unix:///run/podman/podman.sock'},
		{what: 'nothing there: Docker\'s socket, so the error names it', present: [], label: 'unix:///var/run/docker.sock'},
	];
	for (const row of table) {
		test(row.what, () => {
			assert.equal(resolveWith(row.present, row.env), row.label);
		});
	}

	test('never when something was asked for', () => {
		const podman = ['/run/podman/podman.sock'];
		assert.equal(resolveWith(podman, {DOCKER_HOST: 'unix:///var/run/docker.sock'}), 'unix:///var/run/docker.sock');
		assert.equal(resolveWith(podman, {}, {host: 'unix:///var/run/docker.sock'}), 'unix:///var/run/docker.sock');
		assert.equal(resolveWith(podman, {DOCKER_CONFIG: config}), 'unix:///from-config.sock');
	});
});

describe('listContexts', () => {
	test('default first, then the store by name; the current one marked', () => {
		const listed = listContexts(options({}, {}));
		assert.deepEqual(
			listed.map(context => [context.name, context.current, context.endpoint, context.description]),
			[
				['default', false, 'unix:///var/run/docker.sock', 'Current DOCKER_HOST based configuration'],
				['bad-host', false, 'http://x', ''],
				['ca-only', false, 'tcp://127.0.0.1:2376', ''],
				['expired', false, 'tcp://127.0.0.1:2376', ''],
				['from-config', true, 'unix:///from-config.sock', 'set by docker context use'],
				['from-env', false, 'unix:///from-env.sock', ''],
				['from-flag', false, 'unix:///from-flag.sock', ''],
				['plain-tcp', false, 'tcp://127.0.0.1:2375', ''],
				['remote', false, 'ssh://me@build-box:2222', 'the build box'],
				['skip-verify', false, 'tcp://10.1.2.3:2376', ''],
				['tls', false, 'tcp://127.0.0.1', ''],
			],
		);
	});

	test('DOCKER_HOST makes default current, with its endpoint', () => {
		const listed = listContexts(options({}, {DOCKER_HOST: 'tcp://127.0.0.1:2375'}));
		assert.deepEqual(listed[0], {name: 'default', description: 'Current DOCKER_HOST based configuration', endpoint: 'tcp://127.0.0.1:2375', current: true});
		assert.equal(listed.filter(context => context.current).length, 1);
	});

	test('--context marks that one', () => {
		const listed = listContexts(options({context: 'remote'}, {}));
		assert.deepEqual(listed.filter(context => context.current).map(context => context.name), ['remote']);
	});

	test('a broken meta.json is listed with its reason; a broken config.json is on default', () => {
		const store = path.join(root, 'list-broken');
		writeContext(store, 'good', {host: 'unix:///good.sock'});
		const file = writeRawContext(store, 'bad', '[]');
		writeConfig(store, '{bad');
		const listed = listContexts(options({}, {}, store));
		assert.equal(listed.length, 3);
		assert.deepEqual(listed[1], {name: contextId('bad'), description: '', endpoint: '', current: false, error: `malformed context metadata ${file}: not a JSON object`});
		assert.equal(listed[2]?.name, 'good');
		assert.equal(listed[0]?.current, false);
		assert.match(listed[0]?.error ?? '', /^malformed docker config /);
	});
});
