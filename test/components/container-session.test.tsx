import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import {createFakeEngine, fakeContainer} from '../fakes/fake-engine.js';
import type {ContainerSummary} from '../../source/engine/engine.js';
import {createFakeTerminal, type FakeTerminal} from '../helpers/fake-terminal.js';
import {eventually, keys, renderApp, tick, type RenderedApp} from '../helpers/render-app.js';

const web = fakeContainer({id: 'a'.repeat(64), name: 'web', state: 'running'});
const ctrlP = '\u0010';
const ctrlQ = '\u0011';

const apps: RenderedApp[] = [];
after(() => {
	for (const app of apps) app.unmount();
});


async function open(containers: ContainerSummary[] = [web], options: {readOnly?: boolean; shell?: string[]} = {}): Promise<{app: RenderedApp; terminal: FakeTerminal}> {
	const fake = createFakeEngine({containers});
	const terminal = createFakeTerminal();
	const app = await renderApp([], {fake, terminal, readOnly: options.readOnly, containerOptions: options.shell ? {shell: options.shell} : {}});
	apps.push(app);
	return {app, terminal};
}

describe('e: a shell in the container', () => {
	test('finds sh, lends it the terminal (the dashboard steps aside), and comes back as it was', async () => {
		const {app, terminal} = await open();
		await app.press('/', ...'we', keys.enter);
		await app.waitFor(/› +web/);
		await app.press('e');
		await eventually(() => app.fake.sessions.length === 1, 'a session');
		const [session] = app.fake.sessions;
		assert.deepEqual([session!.mode, session!.command], ['exec', ['sh']]);
		await eventually(() => terminal.handedOver(), 'the hand-over');
		assert.doesNotMatch(app.screen(), /web|Containers/, 'nothing of the dashboard is drawn');
		terminal.type('echo MARK-$((6*7))\r');
		await eventually(() => session!.input() === 'echo MARK-$((6*7))\r', 'the keys reaching the shell');
		session!.write('MARK-42\r\n');
		await eventually(() => terminal.output().includes('MARK-42'), 'the output reaching the terminal');
		assert.match(terminal.output(), /^dtui: sh in web \(exit to return\)/);
		terminal.resize({columns: 120, rows: 40});
		await eventually(() => session!.sizes.some(size => size.columns === 120 && size.rows === 40), 'the resize');
		session!.end(0);
		const screen = await app.waitFor('Shell in web ended (exit 0)');
		assert.match(screen, /Containers \(all\) · 1 shown · filter: we/);
		assert.match(screen, /› +web/);
		// The keys are the dashboard's again.
		await app.press('/', 'x', keys.enter);
		await app.waitFor('No containers match “wex”');
	});

	test('bash when the image has it; --shell names another', async () => {
		let {app} = await open();
		app.fake.setShells(web.id, ['sh', 'bash']);
		await app.press('e');
		await eventually(() => app.fake.sessions.length === 1, 'a session');
		assert.deepEqual(app.fake.sessions[0]!.command, ['bash']);
		app.fake.sessions[0]!.end(0);
		({app} = await open([web], {shell: ['zsh', '-l']}));
		await app.press('e');
		await eventually(() => app.fake.sessions.length === 1, 'a session');
		assert.deepEqual(app.fake.sessions[0]!.command, ['zsh', '-l']);
		assert.equal(app.fake.calls.filter(call => call.method === 'execRun').length, 0, 'no looking for a shell');
		app.fake.sessions[0]!.end(0);
	});

	test('a stopped or paused container, or one without a shell: a clear status line, the terminal never lent', async () => {
		const stopped = fakeContainer({name: 'old', state: 'exited'});
		const paused = fakeContainer({name: 'frozen', state: 'paused'});
		const bare = fakeContainer({name: 'distroless', state: 'running'});
		const {app, terminal} = await open([bare, stopped, paused]);
		app.fake.setShells(bare.id, []);
		await app.press('e');
		await app.waitFor('No shell in distroless: neither bash nor sh (--shell names another)');
		await app.press('j', 'e');
		await app.waitFor('frozen is paused: unpause it first (p), then e');
		await app.press('j', 'e');
		await app.waitFor('old is not running (exited): start it first (s)');
		await app.press('a');
		await app.waitFor('old is not running (exited): start it first (s)');
		assert.equal(terminal.lends(), 0);
		assert.deepEqual(app.fake.sessions, []);
	});

	test('from a container\'s screen, the shell returns to the same tab, its screen kept as it was', async () => {
		const {app, terminal} = await open();
		await app.press(keys.enter);
		await app.waitFor('0 lines');
		await app.press(']');
		await app.waitFor('MEMORY');
		const streams = app.fake.calls.length;
		await app.press('e');
		await eventually(() => terminal.handedOver(), 'the hand-over');
		app.fake.sessions[0]!.end(127);
		const screen = await app.waitFor('Shell in web ended (exit 127)');
		assert.match(screen, /web +Logs +Stats +Inspect +Top/);
		assert.match(screen, /MEMORY/);
		// Nothing was opened again: the screen underneath stayed mounted.
		assert.deepEqual(app.fake.calls.slice(streams).map(call => call.method).filter(method => method === 'logs' || method === 'stats'), []);
	});
});

describe('a: attach to the main process', () => {
	test('the terminal is the main process\'s; ctrl+p ctrl+q detaches and the container keeps running', async () => {
		const {app, terminal} = await open();
		await app.press('a');
		await eventually(() => terminal.handedOver(), 'the hand-over');
		const [session] = app.fake.sessions;
		assert.equal(session!.mode, 'attach');
		assert.match(terminal.output(), /attached to web \(ctrl\+p ctrl\+q detaches\)/);
		terminal.type(`ls\r${ctrlP}`);
		terminal.type(ctrlQ);
		await app.waitFor('Detached from web (it keeps running)');
		assert.equal(session!.input(), 'ls\r');
		assert.ok(session!.closed());
		assert.deepEqual(app.fake.calls.filter(call => call.method === 'containerAction'), []);
	});
});

describe('read-only', () => {
	test('e and a are gone: not in the hints, and inert', async () => {
		const {app, terminal} = await open([web], {readOnly: true});
		assert.doesNotMatch(app.screen(), /shell inside/);
		await app.press('e', 'a');
		await tick(50);
		assert.equal(terminal.lends(), 0);
		assert.deepEqual(app.fake.calls.filter(call => ['execRun', 'execSession', 'attach'].includes(call.method)), []);
	});
});
