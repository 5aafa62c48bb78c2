import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {Deadline, failureOf} from '../../source/docker/request-deadline.js';

const label = 'unix:///run/docker.sock';
const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe('a request deadline tells cancelled from too slow', () => {
	test('its own timer: timed out, not cancelled, "not responding"', async () => {
		const deadline = new Deadline([undefined], 5);
		await sleep(20);
		assert.deepEqual([deadline.signal.aborted, deadline.timedOut, deadline.cancelled], [true, true, false]);
		assert.deepEqual({...failureOf(deadline, new Error('aborted'), label)}, {name: 'EngineError', kind: 'timeout', statusCode: undefined});
		assert.equal(failureOf(deadline, new Error('aborted'), label).message, `the Docker daemon at ${label} is not responding`);
		deadline.dispose();
	});

	test('the caller\'s own timeout (the heartbeat\'s 2 s ping) is a timeout too, not "request aborted"', async () => {
		const deadline = new Deadline([AbortSignal.any([new AbortController().signal, AbortSignal.timeout(5)])], 60_000);
		await sleep(20);
		assert.deepEqual([deadline.signal.aborted, deadline.timedOut, deadline.cancelled], [true, true, false]);
		assert.equal(failureOf(deadline, new Error('aborted'), label).kind, 'timeout');
		deadline.dispose();
	});

	test('the caller aborting is a cancellation: "request aborted", no error to show', () => {
		const caller = new AbortController();
		const deadline = new Deadline([caller.signal], 60_000);
		caller.abort();
		assert.deepEqual([deadline.signal.aborted, deadline.timedOut, deadline.cancelled], [true, false, true]);
		assert.deepEqual([failureOf(deadline, new Error('x'), label).kind, failureOf(deadline, new Error('x'), label).message], ['aborted', 'request aborted']);
		deadline.dispose();
	});

	test('anything else is what the connection said', () => {
		const deadline = new Deadline([undefined], 60_000);
		const failure = failureOf(deadline, Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'}), label);
		assert.deepEqual([failure.kind, failure.message], ['unreachable', `cannot connect to the Docker daemon at ${label}: connection refused`]);
		deadline.dispose();
	});
});
