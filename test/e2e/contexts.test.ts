// `:ctx` against real contexts: the list shows the store, a broken context is refused
// with its one line and changes nothing, a working one takes over live (header, rows).
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createTestContainer, daemonSocket, realDaemonSkip, removeTestContainers, testDocker} from '../helpers/daemon.js';
import {writeConfig, writeContext} from '../helpers/docker-config.js';
import {startTerminal, type Terminal} from '../helpers/tmux.js';

const prefix = 'e2e-ctx-';

describe(':ctx switches the daemon live', {skip: realDaemonSkip()}, () => {
	let terminal: Terminal;
	let dir: string;
	let alternate: string;

	before(async () => {
		dir = mkdtempSync(join(tmpdir(), 'dtui-ctx-'));
		// The same daemon under another path: the header shows which endpoint is in use.
		alternate = join(dir, 'alt.sock');
		symlinkSync(daemonSocket!, alternate);
		writeContext(dir, 'main', {host: `unix://${daemonSocket!}`, description: 'the test daemon'});
		writeContext(dir, 'alt', {host: `unix://${alternate}`, description: 'the same, by a link'});
		writeContext(dir, 'dead', {host: `unix://${join(dir, 'missing.sock')}`});
		writeConfig(dir, {currentContext: 'main'});
		await removeTestContainers(testDocker(), prefix);
		await createTestContainer(testDocker(), {name: `${prefix}one`, start: true});
		terminal = await startTerminal({command: ['node', 'bin/dtui.js'], env: {DOCKER_CONFIG: dir}, cols: 140, rows: 30});
		await terminal.waitForText(`${prefix}one`);
	});

	after(async () => {
		await terminal?.kill();
		await removeTestContainers(testDocker(), prefix);
		rmSync(dir, {recursive: true, force: true});
	});

	test('the current context comes from config.json; :ctx lists the store', async () => {
		assert.match(await terminal.screen(), new RegExp(`^dtui · unix://${daemonSocket!.replaceAll('/', '\\/')} · `, 'm'));
		await terminal.typeText(':ctx\r');
		const screen = await terminal.waitForText('Contexts · 4');
		assert.match(screen, /› +main \* +the test daemon/);
		assert.match(screen, /alt +the same, by a link +unix:\/\//);
		assert.match(screen, /dead +unix:\/\//);
		assert.match(screen, /default +/);
	});

	test('a context that cannot connect is refused in one line; nothing changes', async () => {
		await terminal.typeText(':ctx dead\r');
		const screen = await terminal.waitForText(/context dead: cannot connect to the Docker daemon at unix:\/\/\S+missing\.sock: no such socket/);
		assert.match(screen, new RegExp(`^dtui · unix://${daemonSocket!.replaceAll('/', '\\/')} · `, 'm'));
	});

	test('enter on another context switches live: header and rows from the new endpoint', async () => {
		await terminal.sendKeys('Escape');
		await terminal.waitForText('Containers (all)');
		await terminal.typeText(':ctx\r');
		await terminal.waitForText(/^› +main \* /m);
		const rows = (await terminal.screen()).split('\n');
		const from = rows.findIndex(line => line.startsWith('›'));
		const to = rows.findIndex(line => /^ +alt +/.test(line));
		await terminal.typeText((to > from ? 'j' : 'k').repeat(Math.abs(to - from)));
		await terminal.waitForText(/^› +alt /m);
		await terminal.sendKeys('Enter');
		const screen = await terminal.waitForText(new RegExp(`^dtui · unix://${alternate.replaceAll('/', '\\/')} · \\d+ running`, 'm'), 8000);
		assert.match(screen, /Containers \(all\)/);
		await terminal.waitForText(`${prefix}one`);
		await terminal.typeText(':ctx\r');
		assert.match(await terminal.waitForText('Contexts · 4'), /› +alt \* /);
	});
});
