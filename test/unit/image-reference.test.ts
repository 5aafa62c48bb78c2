import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {familiarName, familiarString, isValidTag, parseImageReference, parsePushTarget, parseTagTarget, pullQuery, withDefaultTag, type ImageReference} from '../../source/engine/image-reference.js';

const digest = `sha256:${'a'.repeat(64)}`;

function parsed(text: string): ImageReference {
	const result = parseImageReference(text);
	assert.ok('reference' in result, `${text}: ${'error' in result ? result.error : ''}`);
	return result.reference;
}

function error(text: string): string {
	const result = parseImageReference(text);
	assert.ok('error' in result, `${text} parsed`);
	return result.error;
}

describe('parseImageReference: normalised like the docker CLI', () => {
	const cases: Array<[string, ImageReference]> = [
		['busybox', {domain: 'docker.io', path: 'library/busybox'}],
		['busybox:1.36', {domain: 'docker.io', path: 'library/busybox', tag: '1.36'}],
		['team/app:v1', {domain: 'docker.io', path: 'team/app', tag: 'v1'}],
		['docker.io/busybox', {domain: 'docker.io', path: 'library/busybox'}],
		['index.docker.io/library/busybox:1', {domain: 'docker.io', path: 'library/busybox', tag: '1'}],
		['127.0.0.1:5000/dtui/busybox:local', {domain: '127.0.0.1:5000', path: 'dtui/busybox', tag: 'local'}],
		['localhost/app', {domain: 'localhost', path: 'app'}],
		['localhost:5000/a/b/c', {domain: 'localhost:5000', path: 'a/b/c'}],
		['registry.example.com/app', {domain: 'registry.example.com', path: 'app'}],
		['[::1]:5000/app:1', {domain: '[::1]:5000', path: 'app', tag: '1'}],
		['Registry.Example.com/app', {domain: 'Registry.Example.com', path: 'app'}],
		['LOCALHOST:5000/app', {domain: 'LOCALHOST:5000', path: 'app'}],
		[`app@${digest}`, {domain: 'docker.io', path: 'library/app', digest}],
		[`host:5000/app:1@${digest}`, {domain: 'host:5000', path: 'app', tag: '1', digest}],
		['a__b-c---e/f.g_h:Tag_1.x-y', {domain: 'docker.io', path: 'a__b-c---e/f.g_h', tag: 'Tag_1.x-y'}],
		['  busybox  ', {domain: 'docker.io', path: 'library/busybox'}],
	];
	for (const [text, expected] of cases) {
		test(`${JSON.stringify(text)}`, () => {
			assert.deepEqual(parsed(text), expected);
		});
	}
});

describe('parseImageReference: malformed references say what is wrong', () => {
	const cases: Array<[string, string]> = [
		['', 'invalid reference "": repository name must have at least one component'],
		['   ', 'invalid reference "": repository name must have at least one component'],
		['BusyBox', 'invalid reference "BusyBox": repository name must be lowercase'],
		['team/App:1', 'invalid reference "team/App:1": repository name must be lowercase'],
		['Team/app', 'invalid reference "Team/app": repository name must be lowercase'],
		['busybox:', 'invalid reference "busybox:": invalid reference format'],
		['busybox:-x', 'invalid reference "busybox:-x": invalid reference format'],
		[`busybox:${'t'.repeat(129)}`, `invalid reference ${JSON.stringify(`busybox:${'t'.repeat(129)}`)}: invalid reference format`],
		['bu sy', 'invalid reference "bu sy": invalid reference format'],
		['a//b', 'invalid reference "a//b": invalid reference format'],
		['-app', 'invalid reference "-app": invalid reference format'],
		['app_', 'invalid reference "app_": invalid reference format'],
		['a___b', 'invalid reference "a___b": invalid reference format'],
		['host:port/app', 'invalid reference "host:port/app": invalid reference format'],
		['-host.com/app', 'invalid reference "-host.com/app": invalid reference format'],
		['app@sha256:abc', 'invalid reference "app@sha256:abc": invalid reference format'],
		[`app@md5:${'a'.repeat(32)}`, `invalid reference "app@md5:${'a'.repeat(32)}": unsupported digest algorithm`],
		[`app@sha256:${'A'.repeat(64)}`, `invalid reference "app@sha256:${'A'.repeat(64)}": invalid checksum digest format`],
		[`app@sha256:${'a'.repeat(63)}`, `invalid reference "app@sha256:${'a'.repeat(63)}": invalid checksum digest length`],
		['a'.repeat(64), `invalid reference "${'a'.repeat(64)}": cannot specify 64-byte hexadecimal strings (that is an image id)`],
		[`x/${'a'.repeat(250)}`, `invalid reference "x/${'a'.repeat(250)}": repository name must not be more than 255 characters`],
		['app\u001B[2j', 'invalid reference "app\\u001b[2j": invalid reference format'],
		['a_b.c/app', 'invalid reference "a_b.c/app": invalid reference format'],
	];
	for (const [text, expected] of cases) {
		test(`${JSON.stringify(text).slice(0, 40)}`, () => {
			assert.equal(error(text), expected);
		});
	}
});

describe('familiar names and what the daemon is sent', () => {
	test('docker.io/library is left out, other registries kept', () => {
		assert.equal(familiarName(parsed('docker.io/library/busybox')), 'busybox');
		assert.equal(familiarName(parsed('team/app')), 'team/app');
		assert.equal(familiarName(parsed('docker.io/library/a/b')), 'library/a/b');
		assert.equal(familiarName(parsed('127.0.0.1:5000/app')), '127.0.0.1:5000/app');
		assert.equal(familiarString(parsed(`127.0.0.1:5000/app:1@${digest}`)), `127.0.0.1:5000/app:1@${digest}`);
	});

	test('no tag means latest; a digest wins over a tag in the pull query', () => {
		assert.deepEqual(withDefaultTag(parsed('busybox')), {domain: 'docker.io', path: 'library/busybox', tag: 'latest'});
		assert.deepEqual(withDefaultTag(parsed(`busybox@${digest}`)), {domain: 'docker.io', path: 'library/busybox', digest});
		assert.deepEqual(pullQuery(parsed('busybox')), {fromImage: 'busybox', tag: 'latest'});
		assert.deepEqual(pullQuery(parsed(`127.0.0.1:5000/app:1@${digest}`)), {fromImage: '127.0.0.1:5000/app', tag: digest});
	});

	test('tag targets: latest by default, never a digest', () => {
		assert.deepEqual(parseTagTarget('127.0.0.1:5000/app'), {reference: {domain: '127.0.0.1:5000', path: 'app', tag: 'latest'}});
		assert.deepEqual(parseTagTarget(`app@${digest}`), {error: `invalid reference "app@${digest}": a tag cannot have a digest (@sha256:…)`});
		assert.deepEqual(parseTagTarget('App'), {error: 'invalid reference "App": repository name must be lowercase'});
	});

	test('push targets: latest by default, never a digest', () => {
		assert.deepEqual(parsePushTarget('127.0.0.1:5000/app:2'), {reference: {domain: '127.0.0.1:5000', path: 'app', tag: '2'}});
		assert.deepEqual(parsePushTarget(`app:1@${digest}`), {error: `invalid reference "app:1@${digest}": cannot push a digest reference`});
	});

	test('isValidTag follows the grammar: a word character first, 128 at most', () => {
		assert.equal(isValidTag('v1.2-rc_3'), true);
		assert.equal(isValidTag('t'.repeat(128)), true);
		assert.equal(isValidTag('t'.repeat(129)), false);
		assert.equal(isValidTag('.hidden'), false);
		assert.equal(isValidTag(''), false);
	});
});
