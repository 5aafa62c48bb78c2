// The shared live list: a refetch that finds what is already shown publishes nothing (an
// idle dashboard's safety poll then costs no render and writes no frame); one that finds
// a change publishes it.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createFakeEngine, fakeContainer} from '../fakes/fake-engine.js';
import {createMonitor} from '../../source/engine/monitor.js';
import {listStore} from '../../source/hooks/shared-list-store.js';
import {containers} from '../../source/views/containers.js';

const tick = async (ms: number) => new Promise(resolve => {
	setTimeout(resolve, ms);
});

test('a refetch that changes nothing publishes nothing; a change is published', async () => {
	const web = fakeContainer({name: 'web', status: 'Up 3 minutes'});
	const fake = createFakeEngine({containers: [web, fakeContainer({name: 'db', state: 'exited'})]});
	const monitor = createMonitor(fake, {pingIntervalMs: 1000});
	const store = listStore(containers, fake, monitor, {pollMs: 60_000, coalesceMs: 1});
	let published = 0;
	const stop = store.subscribe(() => published++);
	try {
		await tick(30);
		assert.equal(published, 1, 'the first list');
		assert.deepEqual(store.snapshot().items.map(item => item.name), ['web', 'db']);

		store.refresh();
		await tick(30);
		store.refresh();
		await tick(30);
		assert.equal(published, 1, 'the same list again: nothing published');

		fake.set([{...web, status: 'Up 4 minutes'}, fakeContainer({name: 'db', state: 'exited'})]);
		store.refresh();
		await tick(30);
		assert.equal(published, 2);
		assert.equal(store.snapshot().items[0]?.status, 'Up 4 minutes');
	} finally {
		stop();
		monitor.stop();
	}
});

test('a change the daemon lists only after its last event is fetched once the events have gone quiet', async () => {
	const web = fakeContainer({name: 'web', state: 'running'});
	const fake = createFakeEngine({containers: [web]});
	const monitor = createMonitor(fake, {pingIntervalMs: 1000});
	const store = listStore(containers, fake, monitor, {pollMs: 60_000, coalesceMs: 1, settleMs: 80});
	const stop = store.subscribe(() => undefined);
	try {
		await tick(30);
		// The event arrives; the daemon's list still says running (as dockerd's does for a moment).
		fake.emit({type: 'container', action: 'die', id: web.id, name: 'web', time: 1, attributes: {}});
		await tick(30);
		assert.equal(store.snapshot().items[0]?.state, 'running');
		fake.set([{...web, state: 'exited', status: 'Exited (137) Less than a second ago'}]);
		await tick(120);
		assert.equal(store.snapshot().items[0]?.state, 'exited', 'fetched again once quiet, without another event');
	} finally {
		stop();
		monitor.stop();
	}
});
