import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {EngineError} from '../../source/engine/errors.js';
import {credentialKey, lookupCredentials, registryAuthHeader} from '../../source/transport/registry-auth.js';

const root = mkdtempSync(path.join(tmpdir(), 'dtui-auth-'));
let count = 0;

/** A fresh $DOCKER_CONFIG holding `config` (raw text or an object) and helpers on PATH. */
function fixture(config: unknown, helpers: Record<string, string> = {}): NodeJS.ProcessEnv {
	const directory = path.join(root, String(++count));
	const bin = path.join(directory, 'bin');
	mkdirSync(bin, {recursive: true});
	if (config !== undefined) writeFileSync(path.join(directory, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
	for (const [name, script] of Object.entries(helpers)) {
		const file = path.join(bin, `docker-credential-${name}`);
		writeFileSync(file, `#!/bin/sh\n${script}\n`);
		chmodSync(file, 0o755);
	}

	return {DOCKER_CONFIG: directory, PATH: `${bin}:/usr/bin:/bin`, HOME: directory};
}

const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');

/** A helper that answers for one server, and says "not found" like the real ones for others. */
function helperFor(server: string, username: string, secret: string): string {
	return [
		'server=$(cat)',
		`if [ "$1" = get ] && [ "$server" = '${server}' ]; then`,
		`  printf '%s' '{"ServerURL":"${server}","Username":"${username}","Secret":"${secret}"}'`,
		'else',
		'  echo "credentials not found in native keychain"; exit 1',
		'fi',
	].join('\n');
}

async function rejection(promise: Promise<unknown>): Promise<EngineError> {
	try {
		await promise;
	} catch (error) {
		assert.ok(error instanceof EngineError, String(error));
		return error;
	}

	throw new Error('resolved');
}

after(() => {
	rmSync(root, {recursive: true, force: true});
});

describe('lookupCredentials from config.json auths', () => {
	test('base64 user:password for the registry, the password may hold colons', async () => {
		const env = fixture({auths: {'127.0.0.1:5000': {auth: basic('alice', 's3:cr:et')}}});
		assert.deepEqual(await lookupCredentials('127.0.0.1:5000', {env}), {serverAddress: '127.0.0.1:5000', username: 'alice', password: 's3:cr:et'});
	});

	test('a key written as a URL matches its host; Docker Hub lives under its v1 index URL', async () => {
		const env = fixture({auths: {'http://127.0.0.1:5000/v2/': {auth: basic('bob', 'pw')}, 'https://index.docker.io/v1/': {auth: basic('hub', 'pw2')}}});
		assert.deepEqual(await lookupCredentials('127.0.0.1:5000', {env}), {serverAddress: '127.0.0.1:5000', username: 'bob', password: 'pw'});
		assert.deepEqual(await lookupCredentials('docker.io', {env}), {serverAddress: 'https://index.docker.io/v1/', username: 'hub', password: 'pw2'});
	});

	test('spelled-out fields and identity tokens are read too', async () => {
		const env = fixture({auths: {'r.example': {username: 'u', password: 'p'}, 't.example': {identitytoken: 'tok'}}});
		assert.deepEqual(await lookupCredentials('r.example', {env}), {serverAddress: 'r.example', username: 'u', password: 'p'});
		assert.deepEqual(await lookupCredentials('t.example', {env}), {serverAddress: 't.example', identityToken: 'tok'});
	});

	test('no file, no entry, or an empty entry: anonymous', async () => {
		assert.equal(await lookupCredentials('127.0.0.1:5000', {env: fixture(undefined)}), undefined);
		assert.equal(await lookupCredentials('127.0.0.1:5000', {env: fixture({auths: {'other:1': {auth: basic('a', 'b')}}})}), undefined);
		assert.equal(await lookupCredentials('127.0.0.1:5000', {env: fixture({auths: {'127.0.0.1:5000': {}}})}), undefined);
	});

	test('a malformed file or entry is one line naming the file, never its content', async () => {
		const broken = fixture('{"auths": {"h": {"auth": "c2VjcmV0"}'); // "secret" in a file cut short
		const first = await rejection(lookupCredentials('h', {env: broken}));
		assert.equal(first.message, `malformed docker config ${path.join(broken['DOCKER_CONFIG']!, 'config.json')}: not valid JSON`);
		const noColon = fixture({auths: {h: {auth: Buffer.from('hunter2').toString('base64')}}});
		const second = await rejection(lookupCredentials('h', {env: noColon}));
		assert.equal(second.message, `malformed docker config ${path.join(noColon['DOCKER_CONFIG']!, 'config.json')}: the auth for h is not base64 of user:password`);
		assert.doesNotMatch(second.message, /hunter2/);
	});
});

describe('lookupCredentials through credential helpers', () => {
	test('credsStore: the helper is asked with the server on stdin', async () => {
		const env = fixture({credsStore: 'dtuitest', auths: {'127.0.0.1:5000': {}}}, {dtuitest: helperFor('127.0.0.1:5000', 'carol', 'from-helper')});
		assert.deepEqual(await lookupCredentials('127.0.0.1:5000', {env}), {serverAddress: '127.0.0.1:5000', username: 'carol', password: 'from-helper'});
	});

	test('credHelpers for the registry win over credsStore and auths', async () => {
		const env = fixture(
			{credsStore: 'other', credHelpers: {'127.0.0.1:5000': 'dtuitest'}, auths: {'127.0.0.1:5000': {auth: basic('file', 'pw')}}},
			{dtuitest: helperFor('127.0.0.1:5000', 'dave', 'pw-helper'), other: 'echo "{\\"Username\\":\\"wrong\\",\\"Secret\\":\\"wrong\\"}"'},
		);
		assert.deepEqual(await lookupCredentials('127.0.0.1:5000', {env}), {serverAddress: '127.0.0.1:5000', username: 'dave', password: 'pw-helper'});
	});

	test('a helper that has nothing for the server means anonymous (the file is not used)', async () => {
		const env = fixture({credsStore: 'dtuitest', auths: {'127.0.0.1:5001': {auth: basic('file', 'pw')}}}, {dtuitest: helperFor('127.0.0.1:5000', 'x', 'y')});
		assert.equal(await lookupCredentials('127.0.0.1:5001', {env}), undefined);
	});

	test('<token> as the user name means an identity token', async () => {
		const env = fixture({credsStore: 'dtuitest'}, {dtuitest: helperFor('https://index.docker.io/v1/', '<token>', 'refresh-token')});
		assert.deepEqual(await lookupCredentials('docker.io', {env}), {serverAddress: 'https://index.docker.io/v1/', identityToken: 'refresh-token'});
	});

	test('a missing helper, a failing one, and a bad name are one line each', async () => {
		const env = fixture({credsStore: 'desktop'});
		assert.equal((await rejection(lookupCredentials('h', {env}))).message, `credential helper docker-credential-desktop is not installed (named in ${path.join(env['DOCKER_CONFIG']!, 'config.json')})`);
		const failing = fixture({credsStore: 'broken'}, {broken: 'echo "keyring is locked"; exit 3'});
		assert.equal((await rejection(lookupCredentials('h', {env: failing}))).message, 'credential helper docker-credential-broken failed for h: keyring is locked');
		const garbled = fixture({credsStore: 'garbled'}, {garbled: 'echo "not json"'});
		assert.equal((await rejection(lookupCredentials('h', {env: garbled}))).message, 'credential helper docker-credential-garbled gave an answer that is not JSON');
		const traversal = fixture({credsStore: '../../bin/sh'});
		assert.equal((await rejection(lookupCredentials('h', {env: traversal}))).message, `malformed docker config ${path.join(traversal['DOCKER_CONFIG']!, 'config.json')}: bad credential helper name "../../bin/sh"`);
	});

	test('an aborted lookup stops the helper and says aborted', async () => {
		const env = fixture({credsStore: 'slow'}, {slow: 'sleep 5'});
		const controller = new AbortController();
		const pending = lookupCredentials('h', {env, signal: controller.signal});
		setTimeout(() => controller.abort(), 50);
		const error = await rejection(pending);
		assert.equal(error.kind, 'aborted');
	});
});

describe('registryAuthHeader', () => {
	test('no credentials is {} (a push needs the header even then)', () => {
		assert.equal(registryAuthHeader(undefined), 'e30=');
	});

	test('URL-safe base64 with padding of the AuthConfig JSON', () => {
		const header = registryAuthHeader({serverAddress: '127.0.0.1:5000', username: 'alice', password: 'ü?>~~'});
		assert.match(header, /^[A-Za-z0-9_-]+=*$/);
		assert.equal(header.length % 4, 0);
		const json = Buffer.from(header.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
		assert.equal(json, '{"username":"alice","password":"ü?>~~","serveraddress":"127.0.0.1:5000"}');
		// The same bytes std base64 would give, with the two characters swapped.
		assert.equal(header, Buffer.from(json).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'));
		assert.ok(header.includes('_') || header.includes('-'), 'this password exercises the URL-safe alphabet');
	});

	test('an identity token is sent as identitytoken', () => {
		const header = registryAuthHeader({serverAddress: 'https://index.docker.io/v1/', identityToken: 'tok'});
		assert.equal(Buffer.from(header, 'base64url').toString('utf8'), '{"identitytoken":"tok","serveraddress":"https://index.docker.io/v1/"}');
	});

	test('credentialKey: Docker Hub by its index URL, anything else by host', () => {
		assert.equal(credentialKey('docker.io'), 'https://index.docker.io/v1/');
		assert.equal(credentialKey('127.0.0.1:5000'), '127.0.0.1:5000');
	});
});
