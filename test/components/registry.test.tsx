import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, beforeEach, describe, test} from 'node:test';
import {createFakeEngine, type FakeEngine} from '../fakes/fake-engine.js';
import {fakeImage} from '../fakes/fake-images.js';
import {fakeRemoteImage} from '../fakes/fake-registry.js';
import type {TransferEvent} from '../../source/engine/registry-io.js';
import {keys, lineWith, renderApp, type RenderedApp} from '../helpers/render-app.js';

// Pull, tag and push by keyboard over the fake engine and its in-memory registries.
// Credentials come from a $DOCKER_CONFIG of this test's own (this file runs in its own process).

const open = '127.0.0.1:5000';
const locked = '127.0.0.1:5001';
const login = {username: 'alice', password: 's3cret'};
const remote = fakeRemoteImage('app', [3_000_000, 1000]);
const configDirectory = mkdtempSync(path.join(tmpdir(), 'dtui-registry-ui-'));
process.env['DOCKER_CONFIG'] = configDirectory;

function writeLogin(password: string): void {
	const auth = Buffer.from(`${login.username}:${password}`).toString('base64');
	writeFileSync(path.join(configDirectory, 'config.json'), JSON.stringify({auths: {[locked]: {auth}}}));
}

/** Holds a transfer at its first "Downloading" or "Pushing" event until released. */
function createGate() {
	let holding = false;
	let release: (() => void) | undefined;
	return {
		hold() {
			holding = true;
		},
		release() {
			holding = false;
			release?.();
		},
		pace(event: TransferEvent): Promise<void> | undefined {
			if (!holding || event.type !== 'layer' || (event.phase !== 'downloading' && event.phase !== 'pushing')) return undefined;
			return new Promise(resolve => {
				release = resolve;
			});
		},
	};
}

let gate = createGate();
const opened: RenderedApp[] = [];

async function dashboard(options: {readOnly?: boolean} = {}): Promise<{app: RenderedApp; fake: FakeEngine}> {
	gate = createGate();
	const pacing = gate;
	const fake = createFakeEngine({
		images: [fakeImage({tags: ['busybox:local'], created: 1_700_000_000})],
		registries: {[open]: {images: {'dtui/app:1': remote}}, [locked]: {login}},
		pace: event => pacing.pace(event),
	});
	// Wide enough for the longest error line.
	const app = await renderApp([], {fake, rows: 30, columns: 180, ...options});
	opened.push(app);
	await app.press('2');
	await app.waitFor('busybox');
	return {app, fake};
}

function calls(fake: FakeEngine, method: string): unknown[][] {
	return fake.calls.filter(call => call.method === method).map(call => call.args);
}

async function type(app: RenderedApp, text: string): Promise<void> {
	await app.press(text, keys.enter);
}

beforeEach(() => {
	writeLogin(login.password);
});

after(() => {
	for (const app of opened) app.unmount();
	rmSync(configDirectory, {recursive: true, force: true});
});

describe('pull', () => {
	test('p asks for a reference; the pull shows a bar per layer and overall while the dashboard stays usable, then the image is listed', async () => {
		const {app, fake} = await dashboard();
		await app.press('p');
		assert.equal(lineWith(await app.waitFor(':pull'), ':pull')!.trim(), ':pull');
		gate.hold();
		await type(app, `${open}/dtui/app:1`);
		let screen = await app.waitFor('Downloading');
		assert.equal(lineWith(screen, 'Pulling')!.trim(), `Pulling ${open}/dtui/app:1 · 0/2 layers · esc cancels`);
		assert.match(lineWith(screen, 'overall')!, /^ {2}overall {24}\[====> {35}\] {2}12%$/);
		assert.match(lineWith(screen, 'Downloading')!, new RegExp(`^ {2}${remote.layers[0]!.id} {2}Downloading {6}\\[=========> {30}\\] 1\\.5MB/3MB$`));
		assert.match(lineWith(screen, `Pulling ${open}`)!, /Pulling/);
		assert.equal(lineWith(screen, 'Pulling 127')!.includes('esc cancels'), true);

		// Elsewhere and back while it waits: the transfer is not the screen's.
		await app.press('1');
		await app.waitFor('No containers');
		assert.ok(app.screen().includes('Downloading'), 'the panel stays on other screens');
		await app.press('2');
		await app.waitFor('busybox');

		gate.release();
		screen = await app.waitFor(`Pulled ${open}/dtui/app:1`);
		assert.equal(lineWith(screen, `Pulled ${open}`)!.trim(), `Pulled ${open}/dtui/app:1 · ${remote.digest} · esc closes`);
		assert.match(lineWith(screen, 'overall')!, /\[={40}\] 100%$/);
		assert.match(lineWith(screen, remote.layers[0]!.id)!, /Pull complete {4}\[={40}\] 3MB$/);
		screen = await app.waitFor(/127\.0\.0\.1:5000\/dtui\/app\s+1\s/);
		assert.equal(lineWith(screen, `Pulled ${open}/dtui/app:1 (`)!.trim(), `Pulled ${open}/dtui/app:1 (${remote.digest})`);
		assert.deepEqual(calls(fake, 'pullImage'), [[`${open}/dtui/app:1`]]);

		await app.press(keys.escape);
		await app.waitForGone('esc closes');
	});

	test('esc cancels a pull under way: nothing is added, the line says so', async () => {
		const {app, fake} = await dashboard();
		gate.hold();
		await app.press(':');
		await type(app, `pull ${open}/dtui/app:1`);
		await app.waitFor('Downloading');
		await app.press(keys.escape);
		const screen = await app.waitFor(`Pull of ${open}/dtui/app:1 cancelled`);
		assert.equal(lineWith(screen, 'cancelled ·')!.trim(), `Pull of ${open}/dtui/app:1 cancelled · 0/2 layers · esc closes`);
		assert.equal((await fake.listImages()).some(image => image.tags.includes(`${open}/dtui/app:1`)), false);
		await app.press(keys.escape);
		await app.waitForGone('esc closes');
	});

	test('a malformed reference is one line and nothing is sent; an unknown image is one line', async () => {
		const {app, fake} = await dashboard();
		await app.press(':');
		await type(app, 'pull Team/App');
		assert.ok((await app.waitFor('invalid reference')).includes('invalid reference "Team/App": repository name must be lowercase'));
		assert.deepEqual(calls(fake, 'pullImage'), []);
		await app.press(':');
		await type(app, `pull ${open}/dtui/none`);
		const screen = await app.waitFor('failed:');
		assert.equal(lineWith(screen, 'failed:')!.trim(), `Pull of ${open}/dtui/none:latest failed: ${open}/dtui/none:latest is not in the registry ${open} (manifest unknown)`);
	});
});

describe('tag and push', () => {
	test('T prompts with the selected tag; the new reference is checked before it is sent, then listed', async () => {
		const {app, fake} = await dashboard();
		await app.press('T');
		assert.equal(lineWith(await app.waitFor(':tag'), ':tag')!.trim(), ':tag busybox:local');
		await type(app, 'Bad/Name');
		assert.ok((await app.waitFor('invalid reference')).includes('invalid reference "Bad/Name": repository name must be lowercase'));
		assert.deepEqual(calls(fake, 'tagImage'), []);

		await app.press('T');
		await app.waitFor(':tag busybox:local');
		await type(app, `${open}/dtui/busybox:2`);
		const screen = await app.waitFor(/127\.0\.0\.1:5000\/dtui\/busybox\s+2\s/);
		assert.ok(screen.includes(`Tagged busybox:local as ${open}/dtui/busybox:2`));
		assert.deepEqual(calls(fake, 'tagImage'), [['busybox:local', `${open}/dtui/busybox:2`]]);
	});

	test('U asks first; yes pushes with per-layer progress and ends with the digest', async () => {
		const {app, fake} = await dashboard();
		await fake.tagImage('busybox:local', `${open}/dtui/busybox:3`);
		await app.press('/');
		await type(app, 'dtui/busybox');
		await app.press('U');
		let screen = await app.waitFor('Push ');
		assert.equal(lineWith(screen, 'Push ')!.replace(/[│╭╮╰╯─]/g, '').trim(), `Push ${open}/dtui/busybox:3 to ${open}?`);
		await app.press('n');
		await app.waitFor('Cancelled: nothing done');
		assert.deepEqual(calls(fake, 'pushImage'), []);

		gate.hold();
		await app.press('U');
		await app.waitFor('Push ');
		await app.press('y');
		screen = await app.waitFor(/Pushing {10}\[/);
		assert.equal(screen.split('\n').filter(line => /^ {2}[0-9a-f]{12} {2}Pushing {10}\[=+> +\] \d/.test(line)).length, 1);
		assert.equal(lineWith(screen, `Pushing ${open}`)!.trim(), `Pushing ${open}/dtui/busybox:3 · 0/2 layers · esc cancels`);
		gate.release();
		screen = await app.waitFor(`Pushed ${open}/dtui/busybox:3 ·`);
		const digest = fake.remoteImages(open).get('dtui/busybox:3')?.digest;
		assert.match(digest ?? '', /^sha256:[0-9a-f]{64}$/);
		assert.equal(lineWith(screen, `Pushed ${open}/dtui/busybox:3 ·`)!.trim(), `Pushed ${open}/dtui/busybox:3 · ${digest} · esc closes`);
		assert.equal(screen.split('\n').filter(line => / Pushed {11}\[={40}\] 1\.98MB$|Pushed {11}\[={40}\] 3\.22kB$/.test(line)).length, 2);
	});

	test('a registry with a login: the one in DOCKER_CONFIG is used; a wrong one is one clear line', async () => {
		const {app, fake} = await dashboard();
		await fake.tagImage('busybox:local', `${locked}/dtui/busybox:1`);
		writeLogin('wrong');
		await app.press(':');
		await type(app, `push ${locked}/dtui/busybox:1`);
		await app.press('y');
		let screen = await app.waitFor('failed:');
		assert.equal(lineWith(screen, 'failed:')!.trim(), `Push of ${locked}/dtui/busybox:1 failed: ${locked} refused the credentials for ${locked}/dtui/busybox:1 (unauthorized: authentication required)`);
		assert.doesNotMatch(screen, /wrong|s3cret/);

		writeLogin(login.password);
		await app.press(':');
		await type(app, `push ${locked}/dtui/busybox:1`);
		await app.press('y');
		screen = await app.waitFor(`Pushed ${locked}/dtui/busybox:1 ·`);
		assert.deepEqual(calls(fake, 'pushImage').at(-1), [`${locked}/dtui/busybox:1`, {serverAddress: locked, username: 'alice'}]);
		assert.doesNotMatch(screen, /s3cret/);
	});

	test('an image without a tag cannot be pushed: one line, nothing asked', async () => {
		const {app, fake} = await dashboard();
		const dangling = fakeImage({tags: [], created: 1_800_000_000});
		fake.setImages([...(await fake.listImages()), dangling]);
		fake.emit({type: 'image', action: 'tag', id: dangling.id, time: 1_800_000_000, attributes: {}});
		await app.waitFor('<none>');
		await app.press('g', 'U');
		assert.ok((await app.waitFor('cannot be pushed')).includes('An image without a tag cannot be pushed: tag it first (T)'));
	});
});

describe('read-only', () => {
	test('no pull, tag or push keys, and the command line refuses them', async () => {
		const {app, fake} = await dashboard({readOnly: true});
		await app.press('p', 'T', 'U');
		assert.doesNotMatch(app.screen(), /:pull|:tag|Push /);
		await app.press(':');
		await type(app, 'pull busybox');
		assert.ok((await app.waitFor('read-only mode')).includes('read-only mode: :pull is not available'));
		assert.deepEqual([...calls(fake, 'pullImage'), ...calls(fake, 'tagImage'), ...calls(fake, 'pushImage')], []);
	});
});
