import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {createFakeEngine, fakeContainer} from '../fakes/fake-engine.js';
import type {FakeLogLine} from '../fakes/fake-container-io.js';
import type {ContainerOptions} from '../../source/hooks/container-options.js';
import {eventually, keys, lineWith, renderApp, tick, type RenderedApp} from '../helpers/render-app.js';

const web = fakeContainer({id: 'a'.repeat(64), name: 'web', state: 'running'});
const db = fakeContainer({id: 'b'.repeat(64), name: 'db', state: 'running'});
const ctrlS = '\u0013';

const numbered = (count: number, text = (index: number) => `line ${index}`): FakeLogLine[] =>
	Array.from({length: count}, (_, index) => ({text: text(index + 1), time: new Date(Date.UTC(2024, 4, 1, 12, 0, 0, index)).toISOString()}));

const apps: RenderedApp[] = [];
after(() => {
	for (const app of apps) app.unmount();
});

/** The dashboard with db and web running (db first, by name); `web` has written `lines`. */
async function open(lines: FakeLogLine[], options: Partial<ContainerOptions> = {}, rows = 24) {
	const fake = createFakeEngine({containers: [web, db], statsIntervalMs: 20});
	fake.setLogs(web.id, lines);
	const app = await renderApp([], {fake, containerOptions: options, rows});
	apps.push(app);
	return app;
}

async function openWebLogs(lines: FakeLogLine[], options: Partial<ContainerOptions> = {}, rows = 24) {
	const app = await open(lines, options, rows);
	await app.press('j', keys.enter);
	await app.waitFor(/web +Logs +Stats +Inspect +Top/);
	return app;
}


const logCalls = (app: RenderedApp) => app.fake.calls.filter(call => call.method === 'logs').map(call => call.args);

describe('a container\'s logs', () => {
	test('enter opens them: the last 1000 lines, followed; stderr has a marker of its own; q and esc go back to the cursor', async () => {
		const app = await openWebLogs([{text: 'to stdout'}, {stream: 'stderr', text: 'to stderr'}]);
		const screen = await app.waitFor('to stderr');
		assert.match(lineWith(screen, 'to stdout')!, /^ {2}to stdout/);
		assert.match(lineWith(screen, 'to stderr')!, /^┃ to stderr/);
		assert.match(screen, /2 lines · last 1000 lines · following/);
		assert.deepEqual(logCalls(app)[0], [web.id, {follow: true, tail: 1000}]);
		await app.press('q');
		await app.waitFor(/› +web/);
		await app.press(keys.enter);
		await app.waitFor('to stderr');
		await app.press(keys.escape);
		await app.waitFor(/› +web/);
		// Leaving closed the stream.
		await eventually(() => app.fake.openStreams().logs === 0);
	});

	test('new lines appear while following; f pauses (they wait below); g / j / G scroll; f follows again', async () => {
		const app = await openWebLogs(numbered(100));
		await app.waitFor('line 100');
		await app.press('f');
		await app.waitFor('paused');
		app.fake.writeLogs(web.id, [{text: 'line 101'}]);
		await app.waitFor('101 lines');
		assert.ok(!app.screen().includes('line 101'));
		// The first row under the title.
		await app.press('g');
		await app.waitFor(/\(f follows\)\n {2}line 1\n/);
		await app.press('j');
		await app.waitFor(/\(f follows\)\n {2}line 2\n/);
		await app.press('G');
		await app.waitFor('line 101');
		await app.press('k', 'k');
		await app.waitForGone('line 101');
		await app.press('f');
		await app.waitFor('following');
		app.fake.writeLogs(web.id, [{text: 'line 102'}]);
		await app.waitFor('line 102');
	});

	test('0–6 ask the daemon for another part of the log: everything, or since 1 m … 24 h', async () => {
		const app = await openWebLogs(numbered(3));
		await app.press('2');
		await app.waitFor('since 5 m');
		await eventually(() => logCalls(app).length === 2);
		const [, since5m] = logCalls(app).at(-1)! as [string, {since: number; tail: string}];
		assert.equal(since5m.tail, 'all');
		assert.ok(Math.abs(since5m.since - (Date.now() / 1000 - 300)) < 5, String(since5m.since));
		await app.press('6');
		await app.waitFor('since 24 h');
		await app.press('0');
		await app.waitFor('everything');
		await eventually(() => logCalls(app).length === 4);
		assert.deepEqual(logCalls(app).at(-1), [web.id, {follow: true, tail: 'all'}]);
		assert.equal(app.fake.openStreams().logs, 1, 'the old stream is closed');
	});

	test('t shows timestamps; w wraps long lines', async () => {
		const long = `start ${'x'.repeat(150)} the end`;
		const app = await openWebLogs([{text: 'stamped', time: '2024-05-01T12:00:00.123456789Z'}, {text: long}]);
		await app.waitFor('stamped');
		await app.press('t');
		await app.waitFor('2024-05-01T12:00:00.123Z stamped');
		await app.press('t');
		await app.waitForGone('2024-05-01T12:00:00.123Z');
		assert.ok(!app.screen().includes('the end'));
		await app.press('w');
		await app.waitFor('the end');
	});

	test('/ searches (a regular expression): matches counted, n / N jump with the lines around; & shows only them', async () => {
		const lines = numbered(60, index => ([7, 23, 41].includes(index) ? `error ${index}` : `ok ${index}`));
		const app = await openWebLogs(lines);
		await app.waitFor('ok 60');
		await app.press('/', ...'error \\d+', keys.enter);
		await app.waitFor('“error \\d+” 3');
		await app.press('n');
		let screen = await app.waitFor('“error \\d+” 1/3');
		assert.ok(screen.includes('error 7') && screen.includes('ok 6') && screen.includes('ok 8'), 'the match, with lines around it');
		await app.press('n');
		await app.waitFor('2/3');
		await app.press('N', 'N');
		screen = await app.waitFor('3/3');
		assert.ok(screen.includes('error 41'));
		await app.press('&');
		screen = await app.waitFor('only matches');
		assert.deepEqual(screen.split('\n').filter(line => /^ {2}(ok|error) \d+$/.test(line)).map(line => line.trim()), ['error 7', 'error 23', 'error 41']);
		await app.press(keys.escape);
		await app.waitForGone('only matches');
		assert.ok(!app.screen().includes('“error'));
	});

	test('an invalid regular expression is said so, and its text searched as written', async () => {
		const app = await openWebLogs([{text: 'call f(x'}, {text: 'other'}]);
		await app.press('/', ...'f(x', keys.enter);
		const screen = await app.waitFor(/“f\(x” 1\nNot a valid regular expression/);
		assert.match(screen, /“f\(x” 1\n/);
		assert.ok(lineWith(screen, 'Not a valid')!.startsWith('Not a valid regular expression (Unterminated group): searching for the text as written'));
	});

	test('ctrl+s saves the whole log (asked again, not the buffer) to a file named after the container and the time', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'dtui-save-'));
		try {
			const app = await openWebLogs(numbered(300), {logLines: 50, saveDirectory: directory});
			await app.waitFor('50 lines');
			await app.press(ctrlS);
			const screen = await app.waitFor('Saved 300 lines to');
			const [file] = readdirSync(directory);
			assert.match(file!, /^web-\d{8}-\d{6}\.log$/);
			assert.ok(screen.includes(join(directory, file!)));
			const saved = readFileSync(join(directory, file!), 'utf8').split('\n');
			assert.deepEqual(saved, [...numbered(300).map(line => line.text), '']);
		} finally {
			rmSync(directory, {recursive: true, force: true});
		}
	});

	test('a flood is drawn in batches and kept to --log-lines', async () => {
		const app = await openWebLogs([], {logLines: 500, logFlushMs: 50});
		const before = app.frameCount();
		for (let batch = 0; batch < 100; batch++) {
			app.fake.writeLogs(web.id, numbered(100, index => `flood ${batch * 100 + index}`));
			await new Promise(resolve => setImmediate(resolve));
		}

		await app.waitFor('flood 10000');
		await app.waitFor('500 lines');
		await tick(100);
		// 10 000 lines in 100 writes: frames at the flush pace, fewer than one per write (let alone per line).
		assert.ok(app.frameCount() - before < 100, `${app.frameCount() - before} frames`);
	});
});

describe('a stopped container\'s logs', () => {
	test('show what it wrote, say it is not running, and follow again when it starts', async () => {
		const stopped = fakeContainer({id: 'c'.repeat(64), name: 'job', state: 'exited'});
		const fake = createFakeEngine({containers: [stopped]});
		fake.setLogs(stopped.id, [{text: 'last words'}]);
		const app = await renderApp([], {fake});
		apps.push(app);
		await app.press(keys.enter);
		await app.waitFor('ended: not running');
		assert.ok(app.screen().includes('last words'));
		await fake.containerAction(stopped.id, 'start');
		await app.waitFor('following');
		fake.writeLogs(stopped.id, [{text: 'born again'}]);
		const screen = await app.waitFor('born again');
		assert.equal(screen.split('\n').filter(line => line.includes('last words')).length, 1, 'nothing twice');
	});
});

describe('several containers\' logs', () => {
	test('marked containers + l: interleaved in time, each line led by its container\'s name', async () => {
		const app = await open([
			{text: 'web first', time: '2024-05-01T12:00:00.100Z'},
			{text: 'web third', time: '2024-05-01T12:00:00.300Z'},
		]);
		app.fake.setLogs(db.id, [
			{text: 'db second', time: '2024-05-01T12:00:00.200Z'},
			{stream: 'stderr', text: 'db fourth', time: '2024-05-01T12:00:00.400Z'},
		]);
		await app.press(keys.space, keys.space, 'l');
		const screen = await app.waitFor('db fourth');
		assert.match(screen, /Logs of 2 marked containers: db web/);
		const shown = screen.split('\n').filter(line => /(first|second|third|fourth)$/.test(line));
		assert.deepEqual(shown, ['  web web first', '  db  db second', '  web web third', '┃ db  db fourth']);
		await app.press('q');
		await app.waitFor('Containers');
	});
	test('a daemon that drops says the logs were interrupted; once it is back they follow on from the last line', async () => {
		const app = await openWebLogs([{text: 'before the drop'}], {}, 24);
		await app.waitFor('before the drop');
		app.fake.disconnect();
		await app.waitFor('interrupted: the daemon is unreachable; resumes when it answers');
		app.fake.reconnect();
		await app.waitForGone('interrupted');
		app.fake.writeLogs(web.id, [{text: 'after the return'}]);
		const screen = await app.waitFor('after the return');
		assert.equal(screen.split('\n').filter(line => line.includes('before the drop')).length, 1, 'nothing shown twice');
	});
});
