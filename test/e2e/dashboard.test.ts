// The real bin/dtui.js in a real terminal (tmux) against a real dockerd: keys in,
// screen text out, and the daemon's own state checked through the API after each action.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createTestContainer, daemonSocket, realDaemonSkip, removeTestContainers, testDocker} from '../helpers/daemon.js';
import {startTerminal, type Terminal} from '../helpers/tmux.js';

const prefix = 'e2e-dash-';
const skip = realDaemonSkip();

async function running(name: string): Promise<boolean> {
	const info = await testDocker().getContainer(prefix + name).inspect();
	return info.State.Running;
}

async function startedAt(name: string): Promise<string> {
	return (await testDocker().getContainer(prefix + name).inspect()).State.StartedAt;
}

function rowOf(screen: string, name: string): string {
	return screen.split('\n').find(line => line.includes(prefix + name + ' ')) ?? '';
}

describe('dtui against a real daemon, in a real terminal', {skip}, () => {
	let terminal: Terminal;

	before(async () => {
		const docker = testDocker();
		await removeTestContainers(docker, prefix);
		await createTestContainer(docker, {name: `${prefix}alpha`, start: true});
		await createTestContainer(docker, {name: `${prefix}beta`, start: true});
		await createTestContainer(docker, {name: `${prefix}gamma`});
		// The shell outlives dtui so the terminal's state after the exit can be read (a dead pane reports no cursor).
		terminal = await startTerminal({command: ['sh', '-c', 'node bin/dtui.js; echo "dtui exited with $?"; sleep 600'], env: {DOCKER_HOST: `unix://${daemonSocket!}`}, cols: 120, rows: 30});
		await terminal.waitForText(`${prefix}gamma`);
	});

	after(async () => {
		await terminal?.kill();
		await removeTestContainers(testDocker(), prefix);
	});

	test('lists the containers, running first, with the daemon in the header', async () => {
		await terminal.typeText('/');
		await terminal.typeText(prefix);
		await terminal.sendKeys('Enter');
		const screen = await terminal.waitForText(`filter: ${prefix}`);
		assert.match(screen, new RegExp(`dtui · unix://${daemonSocket!.replaceAll('/', '\\/')} · \\d+ running / \\d+ total · Docker Engine`));
		assert.match(screen, /Containers \(all\) · 3 shown · filter: e2e-dash-/);
		const lines = screen.split('\n');
		const order = ['alpha', 'beta', 'gamma'].map(name => lines.findIndex(line => line.includes(prefix + name)));
		assert.deepEqual([...order].sort((a, b) => a - b), order, 'alpha, beta (running) then gamma');
		assert.match(rowOf(screen, 'alpha'), /^› +e2e-dash-alpha +busybox:local +running +Up /);
		assert.match(rowOf(screen, 'gamma'), /e2e-dash-gamma +busybox:local +created +Created/);
	});

	test('s on a running container asks first; y stops it', async () => {
		await terminal.typeText('s');
		await terminal.waitForText('Stop e2e-dash-alpha?');
		assert.equal(await running('alpha'), true, 'nothing happens before the answer');
		await terminal.typeText('y');
		await terminal.waitForText('e2e-dash-alpha stopped', 20_000);
		assert.equal(await running('alpha'), false);
		assert.match(rowOf(await terminal.waitForText(/e2e-dash-alpha +busybox:local +exited/), 'alpha'), /^›/);
	});

	test('s on the stopped container starts it at once, the cursor still on it', async () => {
		await terminal.typeText('s');
		await terminal.waitForText('e2e-dash-alpha started', 10_000);
		assert.equal(await running('alpha'), true);
		assert.match(rowOf(await terminal.waitForText(/e2e-dash-alpha +busybox:local +running/), 'alpha'), /^›/);
	});

	test('r restarts it', async () => {
		const before = await startedAt('alpha');
		await terminal.typeText('r');
		await terminal.waitForText('e2e-dash-alpha restarted', 20_000);
		assert.notEqual(await startedAt('alpha'), before);
		assert.equal(await running('alpha'), true);
	});

	test('two marked rows are stopped together after one confirmation', async () => {
		// Running only: alpha and beta, whichever order a restart left them in.
		await terminal.typeText('A');
		await terminal.waitForText(/Containers \(running\) · 2 shown/);
		await terminal.typeText('g');
		await terminal.sendKeys('Space', 'Space');
		await terminal.waitForText('2 marked');
		await terminal.typeText('s');
		const screen = await terminal.waitForText('Stop 2 containers?');
		assert.ok(screen.includes('e2e-dash-alpha') && screen.includes('e2e-dash-beta'));
		await terminal.typeText('y');
		await terminal.waitForText('2 containers stopped', 20_000);
		assert.deepEqual([await running('alpha'), await running('beta')], [false, false]);
		await terminal.waitForText('No running containers match “e2e-dash-” (esc clears, A shows all)');
		await terminal.typeText('A');
		await terminal.waitForText(/Containers \(all\) · 3 shown/);
	});

	test('D asks, then removes the container from the daemon', async () => {
		await terminal.sendKeys('Escape');
		await terminal.typeText('/');
		await terminal.typeText(`${prefix}gamma`);
		await terminal.sendKeys('Enter');
		await terminal.waitForText('1 shown');
		await terminal.typeText('D');
		await terminal.waitForText('Remove e2e-dash-gamma?');
		await terminal.typeText('y');
		await terminal.waitForText('e2e-dash-gamma removed', 10_000);
		await assert.rejects(testDocker().getContainer(`${prefix}gamma`).inspect(), (error: {statusCode?: number}) => error.statusCode === 404);
		await terminal.waitForText(`No containers match “${prefix}gamma”`);
	});

	test('a container created and started from outside appears by itself', async () => {
		await terminal.sendKeys('Escape');
		await terminal.waitForText(/Containers \(all\) · \d+ shown$/m);
		await createTestContainer(testDocker(), {name: `${prefix}delta`, start: true});
		const screen = await terminal.waitForText(/e2e-dash-delta +busybox:local +running/, 3000);
		assert.match(screen, /Containers \(all\)/);
	});

	test('q quits and gives the terminal back', async () => {
		await terminal.typeText('q');
		await terminal.waitForText('dtui exited with 0');
		const pane = await terminal.paneInfo();
		assert.equal(pane.alternateOn, false);
		assert.equal(pane.cursorVisible, true);
	});
});
