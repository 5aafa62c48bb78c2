import assert from 'node:assert/strict';
import {test} from 'node:test';
import {inCi} from '../helpers/ci.js';

test('CI is any non-empty value but "false": CI=1 fails on a missing daemon as CI=true does', () => {
	for (const value of ['true', '1', 'yes', 'TRUE']) assert.equal(inCi(value), true, value);
	for (const value of [undefined, '', 'false']) assert.equal(inCi(value), false, String(value));
});
