// The connection monitor over the fake engine: a daemon that goes away is said within a
// heartbeat, one that comes back is used again at once, and the event stream resumes
// from the last event seen (the daemon replays what happened since, nothing twice).
import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createFakeEngine} from '../fakes/fake-engine.js';
import {createMonitor, type Monitor} from '../../source/engine/monitor.js';
import type {EngineEvent} from '../../source/engine/engine.js';

const monitors: Monitor[] = [];
after(() => {
	for (const monitor of monitors) monitor.stop();
});

const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function until(check: () => boolean, what: string): Promise<void> {
	for (let waited = 0; !check(); waited += 5) {
		if (waited > 2000) throw new Error(`timed out waiting for ${what}`);
		await sleep(5);
	}
}

function event(id: string, time: number): EngineEvent {
	return {type: 'container', action: 'create', id, time, attributes: {}};
}

describe('the connection monitor', () => {
	test('disconnected, then back: reconnect listeners hear it, and events resume from the last one seen', async () => {
		const fake = createFakeEngine();
		const monitor = createMonitor(fake, {pingIntervalMs: 20, pingTimeoutMs: 20, backoffMs: [10]});
		monitors.push(monitor);
		const seen: string[] = [];
		let reconnections = 0;
		monitor.onEvent(received => seen.push(received.id));
		monitor.onReconnect(() => reconnections++);
		await until(() => monitor.status().state === 'connected' && fake.calls.some(call => call.method === 'events'), 'the first subscription');
		fake.emit(event('first', 1000));
		fake.emit(event('second', 1001));
		await until(() => seen.includes('second'), 'the first events');

		fake.disconnect();
		await until(() => monitor.status().state === 'disconnected', 'the disconnection');
		assert.match((monitor.status() as {reason: string}).reason, /connection refused/);
		// While it was away the daemon went on: the replay brings this one in.
		fake.emit(event('while-away', 1001));
		fake.emit(event('while-away', 1002));
		fake.reconnect();
		await until(() => reconnections === 1 && seen.includes('while-away'), 'the reconnection and the replay');
		assert.equal(monitor.status().state, 'connected');
		const subscriptions = fake.calls.filter(call => call.method === 'events').map(call => call.args);
		assert.deepEqual(subscriptions.at(-1), [1001], 'reopened with since = the time of the last event seen');
		// The replay of second 1001 brings "second" again: heard once, not twice.
		await until(() => seen.length === 4, 'both events from while it was away');
		assert.deepEqual(seen, ['first', 'second', 'while-away', 'while-away']);
	});

});
