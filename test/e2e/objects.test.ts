// Images, networks, volumes, events, disk usage, info and compose projects: the real
// bin/dtui.js in a real terminal against a real dockerd, every destructive step
// confirmed on screen and verified through the API afterwards. Networks are internal,
// images are built FROM busybox:local through the API: nothing leaves the machine.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type Docker from 'dockerode';
import {daemonSocket, realDaemonSkip, testDocker} from '../helpers/daemon.js';
import {buildTestImage, createLinkedContainer, createTestNetwork, createTestVolume, removeImageIds, removeTestObjects, tagImage} from '../helpers/objects-daemon.js';
import {startTerminal, type Terminal} from '../helpers/tmux.js';

const prefix = 'e2e-obj-';
const skip = realDaemonSkip();
const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

async function exists(run: () => Promise<unknown>): Promise<boolean> {
	try {
		await run();
		return true;
	} catch (error) {
		if ((error as {statusCode?: number}).statusCode === 404) return false;
		throw error;
	}
}

/** What the daemon's own prune would take, computed independently of dtui. */
async function unusedDanglingImages(docker: Docker): Promise<string[]> {
	const used = new Set((await docker.listContainers({all: true})).map(container => container.ImageID));
	return (await docker.listImages()).filter(image => (image.RepoTags ?? []).every(tag => tag === '<none>:<none>') && !used.has(image.Id)).map(image => image.Id);
}

async function unusedNetworks(docker: Docker): Promise<string[]> {
	const all = await Promise.all((await docker.listNetworks()).map(async network => docker.getNetwork(network.Id).inspect()));
	return all.filter(network => !['bridge', 'host', 'none'].includes(network.Name) && Object.keys(network.Containers ?? {}).length === 0).map(network => network.Name);
}

async function unusedVolumes(docker: Docker): Promise<string[]> {
	const used = new Set((await docker.listContainers({all: true})).flatMap(container => container.Mounts.filter(mount => mount.Type === 'volume').map(mount => mount.Name)));
	return ((await docker.listVolumes()).Volumes ?? []).map(volume => volume.Name).filter(name => !used.has(name));
}

describe('images, networks, volumes and the system views against a real daemon', {skip}, () => {
	const docker = testDocker();
	const built: string[] = [];
	let terminal: Terminal;
	let appId: string;
	let danglingId: string;

	before(async () => {
		await removeTestObjects(docker, prefix);
		appId = await buildTestImage(docker, `${prefix}app:1`, ['LABEL dtui.e2e=app']);
		built.push(appId);
		await tagImage(docker, `${prefix}app:1`, `${prefix}app:2`);
		await tagImage(docker, `${prefix}app:1`, `${prefix}app:3`);
		// Rebuilt under the same tag, the first build is left dangling.
		danglingId = await buildTestImage(docker, `${prefix}dangle:1`, ['LABEL dtui.e2e=old']);
		built.push(danglingId, await buildTestImage(docker, `${prefix}dangle:1`, ['LABEL dtui.e2e=new']));
		await createLinkedContainer(docker, {name: `${prefix}user`, image: `${prefix}app:1`});
		for (const name of ['net-used', 'net-idle']) await createTestNetwork(docker, prefix + name);
		for (const name of ['vol-used', 'vol-idle']) await createTestVolume(docker, prefix + name);
		await createLinkedContainer(docker, {name: `${prefix}runner`, network: `${prefix}net-used`, volume: `${prefix}vol-used`, start: true});
		const compose = (service: string) => ({'com.docker.compose.project': `${prefix}proj`, 'com.docker.compose.service': service});
		for (const service of ['web', 'db']) await docker.createContainer({name: `${prefix}proj-${service}-1`, Image: 'busybox:local', Cmd: ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1 & wait $!; done'], Labels: compose(service), HostConfig: {NetworkMode: 'none'}});
		terminal = await startTerminal({command: ['node', 'bin/dtui.js'], env: {DOCKER_HOST: `unix://${daemonSocket!}`}, cols: 140, rows: 40});
		await terminal.waitForText(/running \/ \d+ total/);
	});

	after(async () => {
		await terminal?.kill();
		await removeTestObjects(docker, prefix);
		await removeImageIds(docker, built);
	});

	async function filter(text: string) {
		await terminal.sendKeys('Escape', 'Escape');
		await terminal.typeText(`/${text}`);
		await terminal.sendKeys('Enter');
		await terminal.waitForText(`filter: ${text}`);
	}

	test('images: one row per tag with its users; removing one tag only untags it', async () => {
		await terminal.typeText('2');
		await filter(`${prefix}app`);
		const screen = await terminal.waitForText('3 shown');
		for (const tag of ['1', '2', '3']) assert.match(screen, new RegExp(`${prefix}app +${tag} +${short(appId)} +\\S+ +\\S+ +1 ${prefix}user`));
		await terminal.typeText('G');
		await terminal.typeText('D');
		await terminal.waitForText(`Untag ${prefix}app:3?`);
		await terminal.typeText('y');
		await terminal.waitForText(`${prefix}app:3 untagged`, 10_000);
		const tags = (await docker.getImage(appId).inspect()).RepoTags;
		assert.deepEqual([...tags].sort(), [`${prefix}app:1`, `${prefix}app:2`]);
		await terminal.waitForText('2 shown');
	});

	test('inspect shows the daemon\'s document, searchable; q comes back', async () => {
		await terminal.typeText('i');
		await terminal.waitForText(`Id: ${appId}`);
		await terminal.typeText('/dtui.e2e');
		await terminal.sendKeys('Enter');
		await terminal.waitForText(/“dtui\.e2e” 1\/\d+/);
		await terminal.typeText('q');
		await terminal.waitForText(`filter: ${prefix}app`);
	});

	test('image prune lists exactly the dangling unused images, toggles, and deletes only them', async () => {
		await terminal.sendKeys('Escape', 'Escape');
		const expected = await unusedDanglingImages(docker);
		assert.ok(expected.includes(danglingId));
		await terminal.typeText('P');
		let screen = await terminal.waitForText(/Prune \d+ images? \(dangling only\)\?/);
		assert.ok(screen.includes(`Prune ${expected.length} image${expected.length === 1 ? '' : 's'} (dangling only)?`), screen);
		for (const id of expected.slice(0, 9)) assert.ok(screen.includes(`<none> ${short(id)}`), id);
		assert.ok(!screen.includes(`  ${prefix}app:1`));
		await terminal.typeText('a');
		await terminal.waitForText('(all unused)?');
		// Never "all unused" on a shared daemon: back to dangling only before saying yes.
		await terminal.typeText('a');
		screen = await terminal.waitForText('(dangling only)?');
		await terminal.typeText('y');
		await terminal.waitForText(/Pruned images: .*reclaimed/, 20_000);
		assert.equal(await exists(async () => docker.getImage(danglingId).inspect()), false);
		assert.equal(await exists(async () => docker.getImage(appId).inspect()), true);
		assert.equal(await exists(async () => docker.getImage('busybox:local').inspect()), true);
	});

	test('history lists the layers of an image', async () => {
		await filter(`${prefix}app`);
		await terminal.typeText('h');
		const screen = await terminal.waitForText(/LABEL dtui\.e2e=app/);
		assert.match(screen, /History of e2e-obj-app:\d · \d+ layers/);
		await terminal.sendKeys('Escape');
		await terminal.waitForText(`filter: ${prefix}app`);
	});

	test('networks: an in-use one shows the daemon\'s refusal; prune previews exactly the unused ones and removes only them', async () => {
		await terminal.typeText('3');
		await filter(`${prefix}net-used`);
		assert.match(await terminal.waitForText(`${prefix}runner`), new RegExp(`${prefix}net-used +bridge +local +\\S+ +internal +${prefix}runner`));
		await terminal.typeText('D');
		await terminal.waitForText(`Remove ${prefix}net-used?`);
		await terminal.typeText('y');
		// 20.10 goes on `id …`, later engines `has active endpoints (…)`.
		await terminal.waitForText(`error while removing network: network ${prefix}net-used `, 10_000);
		await terminal.sendKeys('Escape', 'Escape');
		const expected = await unusedNetworks(docker);
		assert.ok(expected.includes(`${prefix}net-idle`) && !expected.includes(`${prefix}net-used`));
		await terminal.typeText('P');
		const screen = await terminal.waitForText(/Prune \d+ networks?\?/);
		assert.ok(screen.includes(`Prune ${expected.length} network${expected.length === 1 ? '' : 's'}?`), screen);
		for (const name of expected.slice(0, 9)) assert.ok(screen.includes(`  ${name}`), name);
		assert.ok(!screen.includes(`  ${prefix}net-used\n`) && !/│ {3}(host|none|bridge) /.test(screen));
		await terminal.typeText('y');
		await terminal.waitForText(/Pruned networks: .*removed/, 10_000);
		assert.equal(await exists(async () => docker.getNetwork(`${prefix}net-idle`).inspect()), false);
		assert.equal(await exists(async () => docker.getNetwork(`${prefix}net-used`).inspect()), true);
	});

	test('volumes: size and users shown; an in-use one is not removed; prune takes exactly the unused ones', async () => {
		await terminal.typeText('4');
		await filter(`${prefix}vol-used`);
		assert.match(await terminal.waitForText(`${prefix}runner`), new RegExp(`${prefix}vol-used +local +\\S+/${prefix}vol-used/_data +0B +${prefix}runner`));
		await terminal.typeText('D');
		await terminal.waitForText(`Remove ${prefix}vol-used?`);
		await terminal.typeText('y');
		await terminal.waitForText('volume is in use', 10_000);
		assert.equal(await exists(async () => docker.getVolume(`${prefix}vol-used`).inspect()), true);
		await terminal.sendKeys('Escape', 'Escape');
		const expected = await unusedVolumes(docker);
		await terminal.typeText('P');
		const screen = await terminal.waitForText(/Prune \d+ volumes?\?/);
		assert.ok(screen.includes(`Prune ${expected.length} volume${expected.length === 1 ? '' : 's'}?`), screen);
		for (const name of expected.slice(0, 9)) assert.ok(screen.includes(`  ${name}`), name);
		await terminal.typeText('y');
		await terminal.waitForText(/Pruned volumes: .*reclaimed/, 10_000);
		assert.equal(await exists(async () => docker.getVolume(`${prefix}vol-idle`).inspect()), false);
		assert.equal(await exists(async () => docker.getVolume(`${prefix}vol-used`).inspect()), true);
	});

	test('an event from outside appears in :events', async () => {
		await terminal.typeText(':events');
		await terminal.sendKeys('Enter');
		await terminal.waitForText(/Events · \d+ shown · following/);
		await createTestVolume(docker, `${prefix}vol-event`);
		await terminal.waitForText(new RegExp(`volume +create +${prefix}vol-event +driver=local`));
		await terminal.typeText('q');
		await terminal.waitForText('Volumes ·');
	});

	test(':df and :info describe the daemon', async () => {
		await terminal.typeText(':df');
		await terminal.sendKeys('Enter');
		const df = await terminal.waitForText('Build Cache', 15_000);
		assert.match(df, /Images +\d+ +\d+ +\S+ +\S+/);
		assert.match(df, /Local Volumes +\d+ +\d+/);
		await terminal.typeText(':info');
		await terminal.sendKeys('Enter');
		const info = await terminal.waitForText('Warnings');
		const version = (await docker.version()).Version;
		assert.ok(info.includes(`Docker Engine ${version}`), info);
		assert.match(info, /Storage +\S+ · root \//);
		await terminal.typeText('q');
		await terminal.waitForText('Volumes ·');
	});

	test('a compose project is one row: s starts all of it, s again stops it after asking', async () => {
		await terminal.typeText('1');
		await filter(`${prefix}proj`);
		await terminal.typeText('g');
		await terminal.waitForText(new RegExp(`› +▾ ${prefix}proj +2 services +0/2`));
		await terminal.typeText('s');
		await terminal.waitForText('2 containers started', 15_000);
		const state = async () => Promise.all(['web', 'db'].map(async service => (await docker.getContainer(`${prefix}proj-${service}-1`).inspect()).State.Running));
		assert.deepEqual(await state(), [true, true]);
		await terminal.waitForText(/2\/2 +compose project · 2 running/);
		await terminal.typeText('s');
		await terminal.waitForText(`Stop project ${prefix}proj (2 containers)?`);
		await terminal.typeText('y');
		await terminal.waitForText('2 containers stopped', 20_000);
		assert.deepEqual(await state(), [false, false]);
	});
});
