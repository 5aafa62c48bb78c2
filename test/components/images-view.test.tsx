import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createFakeEngine, fakeContainer} from '../fakes/fake-engine.js';
import {fakeImage} from '../fakes/fake-images.js';
import {keys, lineWith, renderApp, type RenderedApp} from '../helpers/render-app.js';

const now = Math.floor(Date.now() / 1000);
const hex = (c: string) => `sha256:${c.repeat(64)}`;

function seed() {
	const images = [
		fakeImage({id: hex('a'), tags: ['app:1', 'app:2', 'registry.example:5000/team/app:prod'], created: now - 3600, size: 5_000_000}),
		fakeImage({id: hex('b'), tags: ['db:7'], created: now - 7200, size: 80_000_000}),
		fakeImage({id: hex('c'), tags: [], created: now - 60, size: 1_200_000}),
		fakeImage({id: hex('d'), tags: ['tool:1'], created: now - 90_000, size: 2_000_000}),
		fakeImage({id: hex('e'), tags: [], created: now - 30, size: 700_000}),
	];
	const containers = [
		fakeContainer({id: '1'.repeat(64), name: 'web', image: 'app:1', imageId: hex('a'), state: 'running'}),
		fakeContainer({id: '2'.repeat(64), name: 'store', image: 'db:7', imageId: hex('b'), state: 'exited'}),
		fakeContainer({id: '3'.repeat(64), name: 'ghost', image: hex('e'), imageId: hex('e'), state: 'running'}),
	];
	return {images, containers};
}

const opened: RenderedApp[] = [];
async function open(columns = 120) {
	const {images, containers} = seed();
	const app = await renderApp(containers, {fake: createFakeEngine({containers, images}), columns, rows: 30});
	opened.push(app);
	await app.press('2');
	await app.waitFor('Images ·');
	await app.waitFor('REPOSITORY');
	return app;
}

after(() => {
	for (const app of opened) app.unmount();
});

const has = (screen: string, pattern: RegExp) => screen.split('\n').some(line => pattern.test(line));

const callsOf = (app: RenderedApp, method: string) => app.fake.calls.filter(call => call.method === method).map(call => call.args);

describe('the images view', () => {
	test('one row per tag, dangling images marked <none>, with size, age and how many containers use each', async () => {
		const app = await open();
		const screen = app.screen();
		assert.match(lineWith(screen, 'REPOSITORY')!, /REPOSITORY\s+TAG\s+ID\s+SIZE\s+CREATED\s+CONTAINERS\s+USED BY/);
		assert.ok(has(screen, /app\s+1\s+aaaaaaaaaaaa\s+5MB\s+1h\s+1 web/));
		assert.ok(has(screen, /app\s+2\s+aaaaaaaaaaaa\s+5MB\s+1h\s+1 web/));
		assert.match(lineWith(screen, 'registry.example')!, /registry\.example:5000\/team\/app\s+prod\s+aaaaaaaaaaaa/);
		assert.match(lineWith(screen, 'cccccccccccc')!, /<none>\s+<none>\s+cccccccccccc\s+1\.2MB\s+1m\s+0/);
		assert.match(lineWith(screen, 'db ')!, /db\s+7\s+bbbbbbbbbbbb\s+80MB\s+2h\s+1 store/);
		assert.match(screen, /Images · 7 shown/);
	});

	test('D on one tag of several untags it; the other tags stay', async () => {
		const app = await open();
		await app.press('/', ...'app', keys.enter);
		await app.waitFor('filter: app');
		await app.press('j', 'D');
		await app.waitFor('Untag app:2?');
		await app.press('y');
		await app.waitFor('app:2 untagged');
		assert.deepEqual(callsOf(app, 'remove'), [['images', 'app:2', {force: false}]]);
		const screen = await app.waitFor('2 shown');
		assert.ok(lineWith(screen, 'app  ')?.includes('aaaaaaaaaaaa'));
		assert.ok(screen.includes('registry.example:5000/team/app'));
	});

	test('an image a stopped container uses: the daemon refuses, then force is offered and removes it', async () => {
		const app = await open(200);
		await app.press('/', ...'db:', keys.enter);
		await app.press('D');
		await app.waitFor('Remove db:7?');
		await app.press('y');
		let screen = await app.waitFor('Remove db:7 with force?');
		// The status line has the daemon's words in full; the dialog repeats them (cut to its width).
		assert.ok(screen.includes(`db:7: conflict: unable to remove repository reference "db:7" (must force) - container 222222222222 is using its referenced image bbbbbbbbbbbb`));
		assert.ok(lineWith(screen, '│   db:7: conflict: unable to remove repository reference'));
		assert.ok(screen.includes('f force: ON — removes it anyway'));
		await app.press('y');
		screen = await app.waitFor('db:7 removed');
		assert.deepEqual(callsOf(app, 'remove'), [['images', 'db:7', {force: false}], ['images', 'db:7', {force: true}]]);
		await app.waitFor('No images match');
	});

	test('an image a running container uses cannot be forced: the daemon\'s message, no second dialog', async () => {
		const app = await open(200);
		await app.press('/', ...'eeee', keys.enter);
		await app.press('D', 'y');
		const screen = await app.waitFor('cannot be forced');
		assert.ok(lineWith(screen, 'cannot be forced')!.includes('image is being used by running container 333333333333'));
		assert.ok(!screen.includes('with force?'));
		assert.equal(callsOf(app, 'remove').length, 1);
	});

	test('P lists exactly the dangling unused images and what they free; a switches to all unused; y prunes', async () => {
		const app = await open();
		await app.press('P');
		let screen = await app.waitFor('Prune 1 image (dangling only)?');
		assert.ok(screen.includes(`<none> cccccccccccc`));
		assert.ok(!screen.includes('<none> eeeeeeeeeeee'), 'used by a running container');
		assert.ok(screen.includes('Frees up to 1.2MB'));
		assert.ok(screen.includes('a: all unused instead'));
		await app.press('a');
		screen = await app.waitFor('Prune 2 images (all unused)?');
		assert.ok(screen.includes('  tool:1') && screen.includes('<none> cccccccccccc'));
		for (const used of ['app:1', 'db:7', 'eeeeeeeeeeee']) assert.ok(!lineWith(screen, '│')?.includes(used) && !screen.includes(`  ${used}\n`), used);
		assert.ok(screen.includes('Frees up to 3.2MB'));
		assert.equal(callsOf(app, 'prune').length, 0, 'nothing before the answer');
		await app.press('y');
		await app.waitFor('Pruned images: 1 tag removed, 2 images deleted (layers included), 3.2MB reclaimed');
		assert.deepEqual(callsOf(app, 'prune'), [['images', {all: true}]]);
		screen = await app.waitForGone('tool ');
		assert.ok(screen.includes('app ') && screen.includes('db '));
	});

	test('marked images go after one confirmation that lists them', async () => {
		const app = await open();
		await app.press('/', ...'app', keys.enter, keys.space, keys.space, keys.escape);
		await app.press('/', ...'tool', keys.enter, keys.space, keys.escape);
		await app.waitFor('3 marked');
		await app.press('D');
		const screen = await app.waitFor('Remove 3 images?');
		assert.ok(screen.includes('  app:1') && screen.includes('  app:2') && screen.includes('  tool:1'));
		await app.press('y');
		await app.waitFor('3 images done');
		assert.deepEqual(new Set(callsOf(app, 'remove').map(args => args[1])), new Set(['app:1', 'app:2', 'tool:1']));
	});

	test('i inspects and h shows the history; q comes back to the same row', async () => {
		const app = await open();
		await app.press('/', ...'tool', keys.enter);
		await app.press('i');
		let screen = await app.waitFor(`Id: ${hex('d')}`);
		assert.ok(screen.includes('Image tool:1 · inspect'));
		assert.ok(screen.includes(`Id: ${hex('d')}`));
		assert.ok(screen.includes('RepoTags:') && screen.includes('  - tool:1'));
		await app.press('/', ...'size', keys.enter);
		screen = await app.waitFor('“size” 1/1');
		assert.match(lineWith(screen, 'Size:')!, /^›Size: 2000000/);
		await app.press('q');
		await app.waitFor(/› +tool +1/);
		await app.press('h');
		screen = await app.waitFor('History of tool:1 · 2 layers');
		assert.match(lineWith(screen, 'CREATED BY')!, /IMAGE\s+CREATED\s+CREATED BY\s+SIZE/);
		assert.ok(screen.includes('CMD ["sh"]'));
		await app.press(keys.escape);
		await app.waitFor(/› +tool +1/);
	});
});
