import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {apiAtLeast, compareApiVersions} from '../../source/docker/api-version.js';

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
			assert.equal(apiAtLeast({apiVersion: daemon}, needed), answer);
		});
	}
});
