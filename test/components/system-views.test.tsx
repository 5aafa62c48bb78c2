import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createFakeEngine, fakeContainer} from '../fakes/fake-engine.js';
import {fakeImage} from '../fakes/fake-images.js';
import {fakeVolume} from '../fakes/fake-objects.js';
import type {EngineEvent} from '../../source/engine/engine.js';
import {mapEvent} from '../../source/docker/map.js';
import {keys, lineWith, renderApp, tick, type RenderedApp} from '../helpers/render-app.js';

const opened: RenderedApp[] = [];
async function open(options: {rows?: number} = {}) {
	const image = fakeImage({id: `sha256:${'a'.repeat(64)}`, tags: ['app:1'], size: 3_000_000});
	const containers = [
		fakeContainer({id: '1'.repeat(64), name: 'web', state: 'running', imageId: image.id, volumes: ['data']}),
		fakeContainer({id: '2'.repeat(64), name: 'job', state: 'exited', imageId: image.id}),
	];
	const fake = createFakeEngine({containers, images: [image, fakeImage({tags: [], size: 1_000_000})], volumes: [fakeVolume({name: 'data', size: 500}), fakeVolume({name: 'old', size: 2000})]});
	const app = await renderApp(containers, {fake, columns: 120, rows: options.rows ?? 30});
	opened.push(app);
	return app;
}

after(() => {
	for (const app of opened) app.unmount();
});

function event(partial: Partial<EngineEvent> & Pick<EngineEvent, 'action'>): EngineEvent {
	return {type: 'container', id: '1'.repeat(64), name: 'web', time: Math.floor(Date.now() / 1000), attributes: {name: 'web', image: 'app:1', 'com.example.label': 'noise'}, ...partial};
}

describe('switching between resources', () => {
	test('1–4, tab and shift+tab and the command line reach every list; each keeps its own filter', async () => {
		const app = await open();
		await app.press('/', ...'web', keys.enter);
		await app.waitFor('filter: web');
		await app.press('\t');
		await app.waitFor('Images ·');
		await app.press('\t');
		await app.waitFor('Networks ·');
		await app.press('\t');
		await app.waitFor('Volumes ·');
		await app.press('\t');
		assert.ok((await app.waitFor('Containers (all)')).includes('filter: web'), 'the filter is still there');
		await app.press('\u001B[Z');
		await app.waitFor('Volumes ·');
		await app.press('3');
		await app.waitFor('Networks ·');
		for (const [command, title] of [['images', 'Images ·'], ['vol', 'Volumes ·'], ['net', 'Networks ·'], ['ps', 'Containers (all)']] as const) {
			await app.press(':', ...command, keys.enter);
			await app.waitFor(title);
		}
	});
});

describe('the events view', () => {
	test('shows what happened since start, live, with time, type, action, actor and key attributes, sanitised', async () => {
		const app = await open();
		app.fake.emit(event({action: 'start'}));
		await tick(30);
		await app.press(':', ...'events', keys.enter);
		let screen = await app.waitFor('Events · 1 shown · following');
		assert.match(lineWith(screen, 'TIME')!, /TIME\s+TYPE\s+ACTION\s+ACTOR\s+ATTRIBUTES/);
		assert.match(lineWith(screen, ' start ')!, /\d\d:\d\d:\d\d container start\s+web \(111111111111\)\s+image=app:1$/);
		// As the daemon sends it: the engine's mapping makes the command inert.
		app.fake.emit(mapEvent({Type: 'container', Action: 'exec_start: sh -c \u001B[2Jrm', Actor: {ID: '1'.repeat(64), Attributes: {name: 'web', execID: 'e1'}}, time: Math.floor(Date.now() / 1000)})!);
		app.fake.emit(event({type: 'volume', action: 'destroy', id: 'old', name: 'old', attributes: {driver: 'local'}}));
		// Following: the newest row gets the cursor.
		screen = await app.waitFor(/^› .*volume\s+destroy\s+old\s+driver=local/m);
		assert.ok(screen.includes('3 shown'));
		assert.match(lineWith(screen, 'exec_start')!, /exec_start\s+web \(111111111111\)\s+sh -c \^\[\[2Jrm exec/);
	});

	test('f pauses (new events wait, counted) and follows again; / filters', async () => {
		const app = await open();
		await app.press(':', ...'events', keys.enter);
		await app.waitFor('Events · 0 shown');
		app.fake.emit(event({action: 'start'}));
		await app.waitFor('1 shown · following');
		await app.press('f');
		await app.waitFor('paused · 0 new (f follows)');
		app.fake.emit(event({action: 'die', attributes: {exitCode: '137'}}));
		await app.waitFor('paused · 1 new (f follows)');
		assert.ok(!app.screen().includes(' die '));
		await app.press('f');
		const screen = await app.waitFor(/^› .*die\s+web \(111111111111\)\s+exitCode=137/m);
		assert.ok(screen.includes('2 shown · following'));
		await app.press('/', ...'die', keys.enter);
		await app.waitFor('1 shown · following · filter: die');
	});

	test('q goes back to where :events was opened', async () => {
		const app = await open();
		await app.press('2', ':', ...'events', keys.enter);
		await app.waitFor('Events ·');
		await app.press('q');
		await app.waitFor('Images ·');
	});
});

describe('disk usage and daemon info', () => {
	test(':df shows images, containers, volumes and build cache as docker system df does', async () => {
		const app = await open();
		await app.press(':', ...'df', keys.enter);
		const screen = await app.waitFor('Build Cache');
		assert.match(lineWith(screen, 'TYPE')!, /TYPE\s+TOTAL\s+ACTIVE\s+SIZE\s+RECLAIMABLE/);
		// The used image's own 3MB stays: 1MB of 4MB could go.
		assert.match(lineWith(screen, 'Images')!, /Images\s+2\s+1\s+4MB\s+1MB \(25%\)/);
		assert.match(lineWith(screen, 'Containers ')!, /Containers\s+2\s+1\s+0B\s+0B/);
		assert.match(lineWith(screen, 'Local Volumes')!, /Local Volumes\s+2\s+1\s+2\.5kB\s+2kB \(80%\)/);
		assert.match(lineWith(screen, 'Build Cache')!, /Build Cache\s+0\s+0\s+0B\s+0B/);
		await app.press(keys.escape);
		await app.waitFor('Containers (all)');
	});

	test(':info shows versions, platform, drivers, resources, counts, swarm and warnings', async () => {
		const app = await open();
		await app.press(':', ...'info', keys.enter);
		const screen = await app.waitFor('Warnings');
		assert.match(screen, /Engine\s+Docker Engine 20\.10\.24/);
		assert.match(screen, /API version\s+1\.41 \(minimum 1\.12\) · dtui uses 1\.41/);
		assert.match(screen, /Kernel\s+6\.1\.0/);
		assert.match(screen, /Storage\s+overlay2/);
		assert.match(screen, /Cgroup\s+cgroupfs \(v1\)/);
		assert.match(screen, /CPUs\s+2/);
		assert.match(screen, /Memory\s+8\.59GB/);
		assert.match(screen, /Containers\s+2 \(1 running, 0 paused, 1 stopped\)/);
		assert.match(screen, /Swarm\s+inactive/);
		assert.match(screen, /WARNING: IPv4 forwarding is disabled/);
		await app.press('q');
		await app.waitFor('Containers (all)');
	});

	// Docker 29 (API 1.52, minimum 1.44) and an engine newer than dtui: the header says what the requests speak.
	const engines: Array<[string, string, string, string, string]> = [
		['29.1.0', '1.52', '1.44', 'Docker Engine 29.1.0 (API 1.52)', '1.52 (minimum 1.44) · dtui uses 1.52'],
		['31.0.0', '1.55', '1.44', 'Docker Engine 31.0.0 (API 1.52)', '1.55 (minimum 1.44) · dtui uses 1.52'],
	];
	for (const [version, apiVersion, minApiVersion, header, api] of engines) {
		test(`Docker ${version}: the header and :info show the API version negotiated and the daemon's range`, async () => {
			const fake = createFakeEngine({info: {version, apiVersion, minApiVersion}});
			const app = await renderApp([], {fake, columns: 120, rows: 30});
			opened.push(app);
			assert.ok((await app.waitFor(header)).split('\n')[0]!.endsWith(header));
			await app.press(':', ...'info', keys.enter);
			const screen = await app.waitFor('Warnings');
			assert.equal(lineWith(screen, 'API version'), `API version   ${api}`);
			await app.press('q');
		});
	}
});
