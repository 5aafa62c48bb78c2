import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createFakeEngine, fakeContainer} from '../fakes/fake-engine.js';
import {builtinNetworks, fakeNetwork, fakeVolume} from '../fakes/fake-objects.js';
import {keys, lineWith, renderApp, type RenderedApp} from '../helpers/render-app.js';

const net = (c: string) => c.repeat(64);

function seed() {
	const networks = [
		...builtinNetworks,
		fakeNetwork({id: net('1'), name: 'front', internal: true, subnets: ['172.30.0.0/16']}),
		fakeNetwork({id: net('2'), name: 'back', subnets: ['172.31.0.0/16']}),
		fakeNetwork({id: net('3'), name: 'spare', subnets: ['172.32.0.0/16']}),
	];
	const volumes = [fakeVolume({name: 'data', size: 4_200_000}), fakeVolume({name: 'cache', size: 1_000_000}), fakeVolume({name: 'logs'})];
	const containers = [
		fakeContainer({id: 'a'.repeat(64), name: 'web', state: 'running', networks: [{name: 'front', id: net('1')}], volumes: ['data']}),
		fakeContainer({id: 'b'.repeat(64), name: 'job', state: 'exited', networks: [{name: 'back', id: ''}], volumes: ['logs']}),
	];
	return {networks, volumes, containers};
}

const opened: RenderedApp[] = [];
async function open(key: '3' | '4') {
	const {networks, volumes, containers} = seed();
	const app = await renderApp(containers, {fake: createFakeEngine({containers, networks, volumes}), columns: 160, rows: 30});
	opened.push(app);
	await app.press(key);
	await app.waitFor(key === '3' ? 'SUBNET' : 'MOUNTPOINT');
	return app;
}

after(() => {
	for (const app of opened) app.unmount();
});

const callsOf = (app: RenderedApp, method: string) => app.fake.calls.filter(call => call.method === method).map(call => call.args);
const select = async (app: RenderedApp, name: string) => app.press('/', ...name, keys.enter);

describe('the networks view', () => {
	test('name, driver, scope, subnet, internal, and the containers on it (stopped ones said so)', async () => {
		const app = await open('3');
		const screen = app.screen();
		assert.match(lineWith(screen, 'NAME')!, /NAME\s+DRIVER\s+SCOPE\s+SUBNET\s+INTERNAL\s+CONTAINERS\s+ID/);
		assert.match(lineWith(screen, 'front')!, /front\s+bridge\s+local\s+172\.30\.0\.0\/16\s+internal\s+web\s+111111111111/);
		assert.match(lineWith(screen, 'back')!, /back\s+bridge\s+local\s+172\.31\.0\.0\/16\s+stopped: job/);
		assert.match(lineWith(screen, ' host ')!, /host\s+host\s+local/);
	});

	test('D on a built-in network is refused with the reason; nothing is sent', async () => {
		const app = await open('3');
		await select(app, 'host');
		await app.press('D');
		await app.waitFor('Remove: does not apply to host (built in: the daemon needs it and refuses to remove it)');
		assert.deepEqual(callsOf(app, 'remove'), []);
	});

	test('D on a network in use shows the daemon\'s message; on an idle one removes it', async () => {
		const app = await open('3');
		await select(app, 'front');
		await app.press('D', 'y');
		await app.waitFor(`front: error while removing network: network front id ${net('1')} has active endpoints`);
		await app.press(keys.escape);
		await select(app, 'spare');
		await app.press('D');
		await app.waitFor('Remove spare?');
		await app.press('y');
		await app.waitFor('spare removed');
		assert.deepEqual(callsOf(app, 'remove'), [['networks', net('1')], ['networks', net('3')]]);
		await app.waitFor('No networks match');
	});

	test('P previews exactly the unused networks (never built-in ones), then prunes', async () => {
		const app = await open('3');
		await app.press('P');
		const screen = await app.waitFor('Prune 2 networks?');
		assert.ok(screen.includes('  back') && screen.includes('  spare'));
		for (const kept of ['front', 'bridge', 'host', 'none']) assert.ok(!screen.includes(`│   ${kept}`), kept);
		assert.ok(screen.includes('1 network still configured in stopped containers'));
		await app.press('y');
		await app.waitFor('Pruned networks: back, spare removed');
		assert.deepEqual(callsOf(app, 'prune'), [['networks']]);
		await app.waitForGone('333333333333');
	});
});

describe('the volumes view', () => {
	test('name, driver, mountpoint, size from disk usage, and who uses it', async () => {
		const app = await open('4');
		const screen = app.screen();
		assert.match(lineWith(screen, 'NAME')!, /NAME\s+DRIVER\s+MOUNTPOINT\s+SIZE\s+USED BY/);
		assert.match(lineWith(screen, ' data ')!, /data\s+local\s+\/var\/lib\/docker\/volumes\/data\/_data\s+4\.2MB\s+web/);
		assert.match(lineWith(screen, 'logs ')!, /logs\s+local\s+\S+\s+0B\s+job/);
		assert.match(lineWith(screen, 'cache ')!, /cache\s+local\s+\S+\s+1MB\s*$/);
	});

	test('D on a volume in use: the daemon\'s message, nothing removed', async () => {
		const app = await open('4');
		// Every mountpoint ends in _data: the path picks one.
		await select(app, 'volumes/data/');
		await app.press('D', 'y');
		await app.waitFor(`data: remove data: volume is in use - [${'a'.repeat(64)}]`);
		assert.ok(lineWith(app.screen(), ' data ')?.includes('4.2MB'));
	});

	test('P previews the unused volumes and the space they free; y prunes and reports the reclaimed space', async () => {
		const app = await open('4');
		await app.press('P');
		const screen = await app.waitFor('Prune 1 volume?');
		assert.ok(screen.includes('  cache') && screen.includes('Frees 1MB'));
		assert.ok(!screen.includes('│   data') && !screen.includes('│   logs'));
		await app.press('y');
		await app.waitFor('Pruned volumes: cache removed, 1MB reclaimed');
		await app.waitForGone('/cache/_data');
	});

	test('i inspects a volume; esc goes back', async () => {
		const app = await open('4');
		await select(app, 'cache');
		await app.press('i');
		const screen = await app.waitFor('Mountpoint: /var/lib/docker/volumes/cache/_data');
		assert.ok(screen.includes('Volume cache · inspect'));
		await app.press(keys.escape);
		await app.waitFor('Volumes · 1 shown · filter: cache');
	});
});
