import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {apiAtLeast, compareApiVersions, negotiateApiVersion, newestApiVersion} from '../../source/engine/api-version.js';
import {resolveEndpoint} from '../../source/transport/connection.js';

describe('API versions', () => {
	test('compared as numbers', () => {
		assert.ok(compareApiVersions('1.9', '1.41') < 0);
		assert.ok(compareApiVersions('1.41', '1.41') === 0);
		assert.ok(compareApiVersions('2.0', '1.99') > 0);
	});

	const table: Array<[string, string, boolean]> = [
		['1.41', '1.41', true],
		['1.43', '1.41', true],
		['1.40', '1.41', false],
		['1.9', '1.41', false],
		['', '1.24', false],
		['4.3.1', '1.24', false],
		['garbage', '1.24', false],
	];
	for (const [daemon, needed, answer] of table) {
		test(`a daemon at "${daemon}" has ${needed}: ${answer}`, () => {
			assert.equal(apiAtLeast(daemon, needed), answer);
		});
	}
});

describe('negotiating a version as the docker CLI does', () => {
	test('the lower of dtui\'s newest and the daemon\'s, never outside either range', () => {
		assert.deepEqual(negotiateApiVersion({apiVersion: '1.55', minApiVersion: '1.44'}), {version: newestApiVersion});
		assert.deepEqual(negotiateApiVersion({apiVersion: '1.45', minApiVersion: '1.24'}), {version: '1.45'});
		assert.deepEqual(negotiateApiVersion({apiVersion: '1.40'}), {refusal: 'the daemon speaks Engine API up to 1.40; dtui speaks 1.41 to 1.52'});
		assert.deepEqual(negotiateApiVersion({apiVersion: '1.99', minApiVersion: '1.60'}), {refusal: 'the daemon speaks Engine API 1.60 to 1.99; dtui speaks 1.41 to 1.52'});
	});

	test('a pinned version is used as it is; an answer without a version gets dtui\'s newest', () => {
		assert.deepEqual(negotiateApiVersion({apiVersion: '1.52', minApiVersion: '1.44'}, '1.30'), {version: '1.30'});
		assert.deepEqual(negotiateApiVersion({apiVersion: ''}), {version: newestApiVersion});
	});

	test('DOCKER_API_VERSION: empty is unset, a "v" is allowed, anything else is one line', () => {
		const resolve = (value: string) => resolveEndpoint({host: 'unix:///x.sock', env: {DOCKER_API_VERSION: value}}).pinnedApiVersion;
		assert.equal(resolve(''), undefined);
		assert.equal(resolve('v1.47'), '1.47');
		assert.equal(resolve(' 1.44 '), '1.44');
		assert.throws(() => resolve('latest\u001B[2J'), {name: 'ConnectionConfigError', message: 'DOCKER_API_VERSION="latest^[[2J" is not an API version (like 1.52)'});
	});

	test('requests are gated on the version in use; none negotiated yet is the older request', () => {
		assert.equal(apiAtLeast('1.41', '1.44'), false);
		assert.equal(apiAtLeast('1.47', '1.44'), true);
		assert.equal(apiAtLeast(undefined, '1.42'), false);
	});
});
