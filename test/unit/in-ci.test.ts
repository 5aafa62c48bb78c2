import assert from 'node:assert/strict';
import {test} from 'node:test';
import {inCi} from '../helpers/ci.js';

test('CI is any non-empty value but "false": CI=1 fails on a missing daemon as CI=true does', () => {
	for (const value of ['true', '1', 'yes', 'TRUE']) assert.equal(inCi({CI: value}), true, value);
	for (const value of ['', 'false']) assert.equal(inCi({CI: value}), false, value);
	assert.equal(inCi({}), false);
});
