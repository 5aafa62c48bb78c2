// The fleet dashboard: one dtui on two daemons (`-H A -H B`), in a real terminal. Each
// row says its host, each action reaches the host that listed the row and no other, and
// one host stopped or hung (SIGSTOP) never blocks the other's rows. Two dockerds of this
// file's own (the shared one must never stop); each daemon's state is checked through
// its own API after every action, behind dtui's back.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createTestContainer, realDaemonSkip} from '../helpers/daemon.js';
import {startOwnDaemon, type OwnDaemon} from '../helpers/own-daemon.js';
import {startTerminal, type Terminal} from '../helpers/tmux.js';

const skip = realDaemonSkip();

// The HOST column shows a socket's path without `/docker.sock`.
const hostA = '/tmp/dtui-fl1';
const hostB = '/tmp/dtui-fl2';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A list row of `host` named `name` (`›` when `selected`), then whatever `rest` matches. */
function row(host: string, name: string, rest = '', selected?: boolean): RegExp {
	const cursor = selected === undefined ? '[› ]' : selected ? '›' : ' ';
	return new RegExp(`^${cursor} {2}${escape(host)} +${escape(name)} +${rest}`, 'm');
}

/** The list rows of `host` on the screen. */
function rowsOf(screen: string, host: string): string[] {
	return screen.split('\n').filter(line => new RegExp(`^[› ] {2}${escape(host)} `).test(line));
}

async function state(daemon: OwnDaemon, name: string): Promise<{status: string; startedAt: string}> {
	const info = await daemon.docker.getContainer(name).inspect();
	return {status: info.State.Status, startedAt: info.State.StartedAt};
}

async function volumeNames(daemon: OwnDaemon): Promise<string[]> {
	return ((await daemon.docker.listVolumes()).Volumes ?? []).map(volume => volume.Name).sort();
}

describe('a fleet of two daemons in one dashboard', {skip}, () => {
	let a: OwnDaemon | undefined;
	let b: OwnDaemon | undefined;
	let terminal: Terminal;
	const daemonA = () => a!;
	const daemonB = () => b!;

	/** Puts the cursor on `host`'s row `name` of the list shown (filtered to that host), and checks it is there. */
	async function select(host: string, name: string): Promise<void> {
		const filter = host.slice('/tmp/'.length);
		// No filter, no dialog left over (a failed test before this one may have left either).
		await terminal.sendKeys('Escape');
		await terminal.waitForText(/ · \d+ shown$/m, 1000).catch(async () => {
			await terminal.sendKeys('Escape', 'Escape');
			await terminal.waitForText(/ · \d+ shown$/m, 1000);
		});
		await terminal.typeText('/');
		await terminal.typeText(filter);
		await terminal.sendKeys('Enter');
		const screen = await terminal.waitForText(new RegExp(`· filter: ${filter}$`, 'm'));
		assert.match(screen, row(host, name));
		assert.deepEqual(screen.split('\n').filter(line => /^[› ] {2}\/tmp\//.test(line)), rowsOf(screen, host), `only ${host}'s rows`);
		const index = rowsOf(screen, host).findIndex(line => row(host, name).test(line));
		await terminal.typeText('g' + 'j'.repeat(index));
		await terminal.waitForText(row(host, name, '', true));
	}

	before(async () => {
		// Started side by side; whichever started is removed in `after` even when the other failed.
		const started = await Promise.allSettled([startOwnDaemon(hostA), startOwnDaemon(hostB)]);
		if (started[0].status === 'fulfilled') a = started[0].value;
		if (started[1].status === 'fulfilled') b = started[1].value;
		for (const result of started) if (result.status === 'rejected') throw result.reason;
		// The same names on both: only the HOST column (and dtui's routing) tells them apart.
		for (const daemon of [daemonA(), daemonB()]) {
			await createTestContainer(daemon.docker, {name: 'web', start: true});
			await createTestContainer(daemon.docker, {name: 'spare'});
			await daemon.docker.createVolume({Name: 'shared'});
		}

		terminal = await startTerminal({
			command: ['node', 'bin/dtui.js', '-H', `unix://${daemonA().socket}`, '-H', `unix://${daemonB().socket}`],
			cols: 160,
			rows: 24,
		});
	});

	after(async () => {
		await terminal?.kill();
		await Promise.all([a?.remove(), b?.remove()]);
	});

	test('every row under its HOST, each host with its own counts in the header, `/` finds a host', async () => {
		let screen = await terminal.waitForText('dtui · 2 hosts · 2 running / 4 total', 15_000);
		screen = await terminal.waitForText(`● ${hostA} 1/2 · ● ${hostB} 1/2`);
		assert.match(screen, /^Containers \(all\) · 4 shown$/m);
		assert.match(screen, /^ {3}HOST +NAME +IMAGE +STATE +STATUS /m);
		for (const host of [hostA, hostB]) {
			assert.match(screen, row(host, 'web', 'busybox:local +running +Up '));
			assert.match(screen, row(host, 'spare', 'busybox:local +created +Created '));
			assert.equal(rowsOf(screen, host).length, 2, `two rows of ${host}:\n${screen}`);
		}

		// The host label is matched, though no name, image, id or status contains it.
		await terminal.typeText('/');
		await terminal.typeText('dtui-fl2');
		await terminal.sendKeys('Enter');
		screen = await terminal.waitForText('Containers (all) · 2 shown · filter: dtui-fl2');
		assert.deepEqual(rowsOf(screen, hostA), []);
		assert.match(screen, row(hostB, 'web', 'busybox:local +running'));
		assert.match(screen, row(hostB, 'spare', 'busybox:local +created'));
		await terminal.sendKeys('Escape');
		await terminal.waitForText(/^Containers \(all\) · 4 shown$/m);
	});

	test('s on B’s web stops B’s, not A’s of the same name; the events say so under B', async () => {
		await select(hostB, 'web');
		const webA = await state(daemonA(), 'web');
		await terminal.typeText('s');
		await terminal.waitForText(`Stop web on ${hostB}?`);
		await terminal.typeText('y');
		await terminal.waitForText(new RegExp(`^web on ${escape(hostB)} stopped$`, 'm'), 15_000);
		assert.equal((await state(daemonB(), 'web')).status, 'exited');
		assert.deepEqual(await state(daemonA(), 'web'), webA, 'A’s web still runs, never restarted');
		const screen = await terminal.waitForText(`● ${hostA} 1/2 · ● ${hostB} 0/2`);
		assert.match(screen, row(hostB, 'web', 'busybox:local +exited +Exited \\(0\\)'));

		await terminal.typeText(':events');
		await terminal.sendKeys('Enter');
		const events = await terminal.waitForText(new RegExp(`^[› ] {2}${escape(hostB)} \\d\\d:\\d\\d:\\d\\d container +stop +web \\(`, 'm'));
		assert.doesNotMatch(events, new RegExp(`^[› ] {2}${escape(hostA)} \\S+ container +(kill|die|stop) +web `, 'm'));
		await terminal.typeText('q');
		await terminal.waitForText(/^Containers \(all\)/m);
	});

	test('r on A’s web restarts A’s; B’s stopped web of the same name stays stopped', async () => {
		await select(hostA, 'web');
		const before = await state(daemonA(), 'web');
		const webB = await state(daemonB(), 'web');
		await terminal.typeText('r');
		await terminal.waitForText(new RegExp(`^web on ${escape(hostA)} restarted$`, 'm'), 15_000);
		const restarted = await state(daemonA(), 'web');
		assert.equal(restarted.status, 'running');
		assert.notEqual(restarted.startedAt, before.startedAt, 'A’s web restarted');
		assert.deepEqual(await state(daemonB(), 'web'), webB, 'B’s web untouched');
	});

	test('D on B’s spare asks, then removes B’s only', async () => {
		await select(hostB, 'spare');
		await terminal.typeText('D');
		await terminal.waitForText(`Remove spare on ${hostB}?`);
		assert.equal((await state(daemonB(), 'spare')).status, 'created', 'nothing removed before the answer');
		await terminal.typeText('y');
		await terminal.waitForText(new RegExp(`^spare on ${escape(hostB)} removed$`, 'm'), 10_000);
		await assert.rejects(daemonB().docker.getContainer('spare').inspect(), (error: {statusCode?: number}) => error.statusCode === 404);
		assert.equal((await state(daemonA(), 'spare')).status, 'created', 'A’s spare is still there');
		await terminal.sendKeys('Escape');
		const screen = await terminal.waitForText(/^Containers \(all\) · 3 shown$/m);
		assert.match(screen, new RegExp(`^● ${escape(hostA)} 1/2 · ● ${escape(hostB)} 0/1$`, 'm'));
		assert.match(screen, row(hostA, 'spare', 'busybox:local +created'));
		assert.doesNotMatch(screen, row(hostB, 'spare'));
	});

	test('the same image and the same volume name on both hosts are two rows each; D removes B’s volume only', async () => {
		await terminal.typeText('2');
		let screen = await terminal.waitForText(/^Images · 2 shown$/m);
		for (const host of [hostA, hostB]) assert.match(screen, row(host, 'busybox', 'local '));

		await terminal.typeText('4');
		screen = await terminal.waitForText(/^Volumes · 2 shown$/m);
		for (const host of [hostA, hostB]) assert.match(screen, row(host, 'shared', 'local '));
		await select(hostB, 'shared');
		await terminal.typeText('D');
		await terminal.waitForText(`Remove shared on ${hostB}?`);
		await terminal.typeText('y');
		await terminal.waitForText(new RegExp(`^shared on ${escape(hostB)} removed$`, 'm'), 10_000);
		assert.deepEqual(await volumeNames(daemonB()), []);
		assert.deepEqual(await volumeNames(daemonA()), ['shared']);
		await terminal.sendKeys('Escape');
		screen = await terminal.waitForText(/^Volumes · 1 shown$/m);
		assert.match(screen, row(hostA, 'shared', 'local '));
		assert.deepEqual(rowsOf(screen, hostB), []);
		await terminal.typeText('1');
		await terminal.waitForText(/^Containers \(all\)/m);
	});

	test(':info and :df describe the host of the selected row', async () => {
		await select(hostB, 'web');
		await terminal.typeText(':info');
		await terminal.sendKeys('Enter');
		let screen = await terminal.waitForText(new RegExp(`^Storage +overlay2 · root ${escape(hostB)}/root$`, 'm'));
		assert.match(screen, new RegExp(`^Daemon at unix://${escape(hostB)}/docker\\.sock$`, 'm'));
		assert.ok(!screen.includes(`${hostA}/`), `nothing of A:\n${screen}`);
		await terminal.typeText('q');

		await select(hostA, 'web');
		await terminal.typeText(':df');
		await terminal.sendKeys('Enter');
		// A still has its volume (B's is gone): 1, whatever B has.
		screen = await terminal.waitForText(/^ {3}Local Volumes +1 /m);
		assert.match(screen, new RegExp(`^Disk usage \\(docker system df\\) of unix://${escape(hostA)}/docker\\.sock$`, 'm'));
		await terminal.typeText('q');
		await terminal.waitForText(/^Containers \(all\)/m);
		await terminal.sendKeys('Escape');
		await terminal.waitForText(/^Containers \(all\) · 3 shown$/m);
	});

	test('B stopped: the header says B is down, B’s rows go, A’s stay and keep updating', async () => {
		await daemonB().stop();
		let screen = await terminal.waitForText(`● ${hostA} 1/2 · ✖ ${hostB} down: cannot connect to the Docker daemon at unix://${hostB}/docker.sock`, 5000);
		assert.match(screen, /^dtui · 2 hosts · 1 running \/ 2 total$/m);
		assert.deepEqual(rowsOf(screen, hostB), []);
		assert.match(screen, row(hostA, 'web', 'busybox:local +running'));
		assert.match(screen, row(hostA, 'spare', 'busybox:local +created'));

		await createTestContainer(daemonA().docker, {name: 'late-a', start: true});
		screen = await terminal.waitForText(row(hostA, 'late-a', 'busybox:local +running'), 3000);
		assert.match(screen, new RegExp(`● ${escape(hostA)} 2/3 · ✖ ${escape(hostB)} down: `));
		assert.match(screen, /^dtui · 2 hosts · 2 running \/ 3 total$/m);
	});

	test('B started again: it reconnects by itself and its rows come back', async () => {
		await daemonB().start();
		const screen = await terminal.waitForText(`● ${hostA} 2/3 · ● ${hostB} 0/1`, 5000);
		assert.match(screen, row(hostB, 'web', 'busybox:local +exited'));
		assert.match(screen, row(hostA, 'late-a', 'busybox:local +running'));
		assert.match(screen, /^dtui · 2 hosts · 2 running \/ 4 total$/m);
	});

	test('B hung (SIGSTOP): A’s list and A’s actions go on; B comes back when resumed', async () => {
		daemonB().hang();
		try {
			// Before dtui has found B silent (only its heartbeat can), and after.
			await createTestContainer(daemonA().docker, {name: 'hang-a1', start: true});
			await terminal.waitForText(row(hostA, 'hang-a1', 'busybox:local +running'), 3000);
			let screen = await terminal.waitForText(`✖ ${hostB} down: the Docker daemon at unix://${hostB}/docker.sock is not responding`, 8000);
			assert.deepEqual(rowsOf(screen, hostB), []);
			assert.match(screen, new RegExp(`● ${escape(hostA)} 3/4 · ✖ `));

			await createTestContainer(daemonA().docker, {name: 'hang-a2'});
			await terminal.waitForText(row(hostA, 'hang-a2', 'busybox:local +created'), 3000);

			await select(hostA, 'late-a');
			// s, not K: after a kill the daemon lists the container as running until just after
			// its last container event (die), so a list fetched then stays stale until the 30 s poll.
			await terminal.typeText('s');
			await terminal.waitForText(`Stop late-a on ${hostA}?`);
			await terminal.typeText('y');
			await terminal.waitForText(new RegExp(`^late-a on ${escape(hostA)} stopped$`, 'm'), 5000);
			assert.equal((await state(daemonA(), 'late-a')).status, 'exited');
			await terminal.sendKeys('Escape');
			screen = await terminal.waitForText(row(hostA, 'late-a', 'busybox:local +exited'), 3000);
			assert.match(screen, new RegExp(`● ${escape(hostA)} 2/5 · ✖ ${escape(hostB)} down: `));
		} finally {
			daemonB().resume();
		}

		const screen = await terminal.waitForText(`● ${hostA} 2/5 · ● ${hostB} 0/1`, 5000);
		assert.match(screen, row(hostB, 'web', 'busybox:local +exited'));
		assert.match(screen, /^dtui · 2 hosts · 2 running \/ 6 total$/m);
	});
});
