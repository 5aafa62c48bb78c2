// Pull, tag and push by keyboard: the real bin/dtui.js in a real terminal (tmux), a real
// dockerd, and real distribution registries on 127.0.0.1 (one open, one behind
// htpasswd, its login in a DOCKER_CONFIG of this test's own). What the screen says is
// checked against the registries' API and the daemon's.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {daemonSocket, realDaemonSkip, testDocker, testImage} from '../helpers/daemon.js';
import {registrySkip, startRegistry, type TestRegistry} from '../helpers/registry.js';
import {startTerminal, type Terminal} from '../helpers/tmux.js';

const skip = realDaemonSkip() || registrySkip();
const login = {username: 'e2e', password: `pw-${process.pid}`};

async function manifestDigest(registry: TestRegistry, repository: string, tag: string, withLogin = false): Promise<string | undefined> {
	const answer = await registry.api(`/v2/${repository}/manifests/${tag}`, {method: 'HEAD', accept: 'application/vnd.docker.distribution.manifest.v2+json', ...(withLogin ? {login} : {})});
	const digest = answer.headers['docker-content-digest'];
	return answer.status === 200 && typeof digest === 'string' ? digest : undefined;
}

async function localTags(): Promise<string[]> {
	return (await testDocker().listImages()).flatMap(image => image.RepoTags ?? []);
}

function lineWith(screen: string, text: string): string {
	return screen.split('\n').find(line => line.includes(text)) ?? '';
}

describe('registries by keyboard, in a real terminal', {skip}, () => {
	let open: TestRegistry;
	let locked: TestRegistry;
	let terminal: Terminal;
	let configDirectory: string;
	let app: string;

	function writeConfig(password: string): void {
		const auth = Buffer.from(`${login.username}:${password}`).toString('base64');
		writeFileSync(path.join(configDirectory, 'config.json'), JSON.stringify({auths: {[locked.address]: {auth}}}));
	}

	before(async () => {
		open = await startRegistry();
		locked = await startRegistry({login});
		configDirectory = mkdtempSync(path.join(tmpdir(), 'dtui-e2e-config-'));
		writeConfig(login.password);
		app = `${open.address}/e2e/app:1`;
		// An image with a layer of its own (20 MB), so a pull has something to download and extract.
		const docker = testDocker();
		const container = await docker.createContainer({Image: testImage, Cmd: ['sh', '-c', 'head -c 20000000 /dev/urandom > /blob'], HostConfig: {NetworkMode: 'none'}});
		await container.start();
		await container.wait();
		await container.commit({repo: `${open.address}/e2e/app`, tag: '1'});
		await container.remove({force: true});
		terminal = await startTerminal({command: ['node', 'bin/dtui.js'], env: {DOCKER_HOST: `unix://${daemonSocket!}`, DOCKER_CONFIG: configDirectory}, cols: 180, rows: 40});
		await terminal.waitForText('Containers');
		await terminal.typeText('2');
		await terminal.waitForText('busybox');
	});

	after(async () => {
		await terminal?.kill();
		const docker = testDocker();
		for (const tag of await localTags()) {
			if (tag.startsWith(`${open?.address}/`) || tag.startsWith(`${locked?.address}/`)) await docker.getImage(tag).remove({force: true});
		}

		await open?.stop();
		await locked?.stop();
		if (configDirectory) rmSync(configDirectory, {recursive: true, force: true});
	});

	test('U on a tag asks, y pushes it with a bar per layer, and the digest the screen shows is the registry\'s', async () => {
		await terminal.typeText('/e2e/app');
		await terminal.sendKeys('Enter');
		await terminal.waitForText('filter: e2e/app');
		await terminal.typeText('U');
		await terminal.waitForText(`Push ${app} to ${open.address}?`);
		assert.equal(await manifestDigest(open, 'e2e/app', '1'), undefined, 'nothing is pushed before the answer');
		await terminal.typeText('y');
		const screen = await terminal.waitForText(/Pushed \S+ · sha256:[0-9a-f]{64} · esc closes/, 30_000);
		const shown = /Pushed \S+ · (sha256:[0-9a-f]{64})/.exec(screen)![1];
		assert.equal(await manifestDigest(open, 'e2e/app', '1'), shown);
		assert.match(lineWith(screen, 'overall'), /\[=+\] 100%$/);
		const layers = screen.split('\n').filter(line => /^ {2}[0-9a-f]{12} {2}/.test(line));
		assert.equal(layers.length, 3, screen);
		assert.ok(layers.every(line => /Pushed {11}\[=+\] \S+$/.test(line)), layers.join('\n'));
		await terminal.sendKeys('Escape');
		await terminal.sendKeys('Escape');
		await terminal.waitForText('Images · ');
	});

	test('after the local tag is gone, p pulls it back: the bars appear and end, and the image is listed again', async () => {
		await testDocker().getImage(app).remove();
		await terminal.waitForText(/Images · \d+ shown$/m);
		assert.equal((await localTags()).includes(app), false);
		await terminal.typeText('p');
		await terminal.waitForText(':pull');
		await terminal.typeText(app);
		await terminal.sendKeys('Enter');
		await terminal.waitForText(`Pulling ${app}`, 10_000);
		const screen = await terminal.waitForText(`Pulled ${app} ·`, 60_000);
		assert.match(lineWith(screen, 'overall'), /\[=+\] 100%$/);
		const layers = screen.split('\n').filter(line => /^ {2}[0-9a-f]{12} {2}/.test(line));
		assert.deepEqual(layers.map(line => line.slice(16, 32).trim()).sort(), ['Already exists', 'Already exists', 'Pull complete']);
		assert.match(lineWith(screen, 'Pull complete'), /\[=+\] 20MB$/);
		await terminal.waitForText(new RegExp(`${open.address.replaceAll('.', '\\.')}/e2e/app +1 `));
		assert.equal((await localTags()).includes(app), true);
		await terminal.sendKeys('Escape');
	});

	test('T tags busybox into the registry with a login; the push uses DOCKER_CONFIG, and a wrong password is one clear line', async () => {
		const target = `${locked.address}/e2e/busybox:1`;
		await terminal.typeText('/busybox');
		await terminal.sendKeys('Enter');
		await terminal.waitForText('filter: busybox');
		await terminal.typeText('T');
		await terminal.waitForText(`:tag ${testImage}`);
		await terminal.typeText(target);
		await terminal.sendKeys('Enter');
		await terminal.waitForText(`Tagged ${testImage} as ${target}`);
		assert.equal((await localTags()).includes(target), true);

		writeConfig('not-the-password');
		await terminal.typeText(`:push ${target}`);
		await terminal.sendKeys('Enter');
		await terminal.waitForText(`Push ${target} to ${locked.address}?`);
		await terminal.typeText('y');
		let screen = await terminal.waitForText('failed:', 30_000);
		assert.equal(lineWith(screen, 'failed:').trim(), `Push of ${target} failed: ${locked.address} refused the credentials for ${target} (unauthorized: authentication required)`);
		assert.doesNotMatch(screen, /not-the-password|pw-\d+/);

		writeConfig(login.password);
		await terminal.typeText(`:push ${target}`);
		await terminal.sendKeys('Enter');
		await terminal.waitForText(`Push ${target} to ${locked.address}?`);
		await terminal.typeText('y');
		screen = await terminal.waitForText(`Pushed ${target} ·`, 30_000);
		const shown = /Pushed \S+ · (sha256:[0-9a-f]{64})/.exec(screen)![1];
		assert.equal(await manifestDigest(locked, 'e2e/busybox', '1', true), shown);
	});
});
