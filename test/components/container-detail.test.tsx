import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import {createFakeEngine, fakeContainer} from '../fakes/fake-engine.js';
import {fakeStatsSample} from '../fakes/fake-container-io.js';
import {eventually, keys, lineWith, renderApp, tick, type RenderedApp} from '../helpers/render-app.js';

const web = fakeContainer({id: 'a'.repeat(64), name: 'web', state: 'running', command: 'nginx -g daemon off;'});
const db = fakeContainer({id: 'b'.repeat(64), name: 'db', state: 'running'});
const mib = 1024 * 1024;

const apps: RenderedApp[] = [];
after(() => {
	for (const app of apps) app.unmount();
});


async function open(containers = [web, db], options: {refreshMs?: number; rows?: number} = {}) {
	const fake = createFakeEngine({containers, statsIntervalMs: 20});
	const app = await renderApp([], {fake, containerOptions: {refreshMs: options.refreshMs ?? 100}, rows: options.rows ?? 24});
	apps.push(app);
	return app;
}

const calls = (app: RenderedApp, method: string) => app.fake.calls.filter(call => call.method === method).length;

describe('a container\'s screen', () => {
	test('[ and ] go round the tabs; l and i open it on its logs or its inspect document', async () => {
		const app = await open();
		await app.press('j', 'i');
		await app.waitFor('Summary');
		await app.press(']');
		await app.waitFor('UID');
		await app.press(']');
		await app.waitFor(/2 lines|No log lines/);
		await app.press('[');
		await app.waitFor('UID');
		await app.press('q', 'l');
		await app.waitFor(/No log lines|lines · last 1000 lines/);
		await app.press(keys.escape);
		await app.waitFor(/› +web/);
	});

	test('stats: CPU, memory usage / limit / %, network and block I/O per second, PIDs, sparklines; the stream only while shown', async () => {
		const app = await open();
		app.fake.setStats(web.id, [
			fakeStatsSample({cpuPercent: 12.5, memoryUsage: 50 * mib, memoryLimit: 1024 * mib, memoryPercent: 50 / 1024 * 100, networkRx: 0, pids: 7}),
			fakeStatsSample({cpuPercent: 80, memoryUsage: 60 * mib, memoryLimit: 1024 * mib, memoryPercent: 60 / 1024 * 100, networkRx: 20_000, pids: 7}),
		]);
		await app.press('j', keys.enter, ']');
		let screen = await app.waitFor('80.00% of 200%');
		assert.match(lineWith(screen, 'MEMORY')!, /MEMORY +60MiB \/ 1GiB \(5\.86%\)/);
		assert.match(lineWith(screen, 'PIDS')!, /PIDS +7/);
		assert.match(lineWith(screen, 'NET I/O')!, /NET I\/O +[\d.]+k?M?B\/s in · 0B\/s out +total 20kB \/ 0B/);
		assert.match(lineWith(screen, 'CPU')!, /[▁▂▃▄▅▆▇█]{2}$/);
		assert.equal(app.fake.openStreams().stats, 1);
		await app.press(']');
		screen = await app.waitFor('Summary');
		await eventually(() => app.fake.openStreams().stats === 0, 'closing the stats stream');
	});

	test('inspect: a summary (command, env, mounts, ports, labels, restart, health with its last results) above the document', async () => {
		const app = await open();
		app.fake.setDocument(web.id, {
			Id: web.id,
			Name: '/web',
			Config: {Cmd: ['nginx', '-g', 'daemon off;'], Env: ['A=1'], Labels: {team: 'shop'}, Healthcheck: {Test: ['CMD', 'true']}},
			HostConfig: {RestartPolicy: {Name: 'always'}},
			State: {Health: {Status: 'unhealthy', FailingStreak: 2, Log: [{End: '2024-05-01T12:00:00.5Z', ExitCode: 1, Output: 'boom'}]}},
		});
		await app.press('j', 'i');
		const screen = await app.waitFor('Document');
		assert.match(screen, /Command +nginx -g 'daemon off;'/);
		assert.match(screen, /Env +A=1/);
		assert.match(screen, /Labels +team=shop/);
		assert.match(screen, /Restart +always/);
		assert.match(screen, /Health +unhealthy · failing streak 2\n +test: true\n +2024-05-01T12:00:00Z exit 1 · boom/);
		await app.press('G');
		await app.waitFor('Output: boom');
	});

	test('top: the processes, asked again every refresh while shown, and no more once another tab is', async () => {
		const app = await open();
		app.fake.setProcesses(web.id, {titles: ['PID', 'CMD'], processes: [['1', 'nginx: master'], ['7', 'nginx: worker']]});
		await app.press('j', keys.enter, '[');
		const screen = await app.waitFor('nginx: worker');
		assert.match(screen, /2 processes · refreshed .* \(every 0.1 s\)/);
		await eventually(() => calls(app, 'top') >= 3, 'three refreshes');
		await app.press('[');
		await app.waitFor('Summary');
		const after = calls(app, 'top');
		await tick(300);
		assert.equal(calls(app, 'top'), after);
	});

	test('top of a stopped container says why there is nothing', async () => {
		const stopped = fakeContainer({name: 'old', state: 'exited'});
		const app = await open([stopped]);
		await app.press(keys.enter, '[');
		await app.waitFor('Cannot list the processes: the container is not running');
	});
});

describe(':top', () => {
	test('running containers by CPU or memory, with figures only for the rows on screen; enter opens one', async () => {
		const many = Array.from({length: 30}, (_, index) => fakeContainer({name: `svc-${String(index).padStart(2, '0')}`, state: 'running'}));
		// Refreshing once a minute: the first round is all this test sees.
		const app = await open(many, {refreshMs: 60_000});
		for (const [index, container] of many.entries()) app.fake.setStats(container.id, [fakeStatsSample({cpuPercent: index, memoryUsage: (30 - index) * mib})]);
		await app.press(':', ...'top', keys.enter);
		await app.waitFor('Top · 30 running · by CPU');
		await eventually(() => calls(app, 'statsOnce') > 0 && /› svc-\d\d +\d/.test(app.screen()), 'the first figures');
		await tick(100);
		const asked = new Set(app.fake.calls.filter(call => call.method === 'statsOnce').map(call => call.args[0]));
		assert.ok(asked.size < many.length, `${asked.size} containers sampled: only those on screen (and a few more for the sort)`);
		await app.press('m');
		let screen = await app.waitFor('by memory');
		assert.match(screen.split('\n').find(line => line.startsWith('›'))!, /svc-00/);
		await app.press('c');
		screen = await app.waitFor('by CPU');
		await app.press(keys.enter);
		screen = await app.waitFor(/svc-\d\d +Logs +Stats +Inspect +Top/);
		await app.press('q');
		await app.waitFor('Top · 30 running');
		await app.press(keys.escape);
		await app.waitFor('Containers');
	});
});
