// Inside a container, for real: bin/dtui.js in tmux against a real dockerd. Logs with
// both streams, search, save, a shell through the Engine API, attach, live stats.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {FrameDemuxer} from '../../source/docker/log-decoder.js';
import {createTestContainer, daemonSocket, realDaemonSkip, removeTestContainers, testDocker} from '../helpers/daemon.js';
import {startTerminal, type Terminal} from '../helpers/tmux.js';

const prefix = 'e2e-inside-';
const talker = `${prefix}talker`;
const busy = `${prefix}busy`;
const interactive = `${prefix}tty`;
const skip = realDaemonSkip();

/** What `docker logs` prints for a container: both streams, in the daemon's order. */
async function dockerLogs(name: string): Promise<string[]> {
	const raw = (await testDocker().getContainer(name).logs({stdout: true, stderr: true, follow: false})) as unknown as Buffer;
	const text = new FrameDemuxer().push(raw).map(frame => frame.payload.toString('utf8')).join('');
	return text.split('\n').slice(0, -1);
}

/** On the containers list: shows only `name` (an Escape first clears the last filter). */
async function filterList(terminal: Terminal, name: string): Promise<void> {
	await terminal.sendKeys('Escape');
	// An Escape followed at once by `/` would read as alt+/: wait for it to have cleared the filter.
	await terminal.waitForText(/^Containers \(all\) · \d+ shown$/m);
	await terminal.typeText('/');
	await terminal.typeText(name);
	await terminal.sendKeys('Enter');
	await terminal.waitForText(new RegExp(`› +${name} `));
}

async function openContainer(terminal: Terminal, name: string): Promise<void> {
	await filterList(terminal, name);
	await terminal.sendKeys('Enter');
	await terminal.waitForText(new RegExp(`${name} +Logs +Stats +Inspect +Top`));
}

describe('inside a container, against a real daemon, in a real terminal', {skip}, () => {
	let terminal: Terminal;
	let directory: string;

	before(async () => {
		const docker = testDocker();
		await removeTestContainers(docker, prefix);
		// A pause between pairs: two pipes written at once reach the log in either order.
		const lines = 'i=1; while [ $i -le 40 ]; do echo "out $i"; sleep 0.02; echo "err $i" >&2; sleep 0.02; i=$((i+1)); done';
		await createTestContainer(docker, {name: talker, start: true, cmd: ['sh', '-c', `${lines}; trap "exit 0" TERM; while :; do sleep 1 & wait $!; done`]});
		await createTestContainer(docker, {name: busy, start: true, cmd: ['sh', '-c', 'while :; do :; done']});
		const tty = await docker.createContainer({name: interactive, Image: 'busybox:local', Cmd: ['sh'], Tty: true, OpenStdin: true, HostConfig: {NetworkMode: 'none'}});
		await tty.start();
		directory = mkdtempSync(join(tmpdir(), 'dtui-e2e-save-'));
		terminal = await startTerminal({command: ['node', join(process.cwd(), 'bin/dtui.js')], env: {DOCKER_HOST: `unix://${daemonSocket!}`}, cols: 120, rows: 30, cwd: directory});
		await terminal.waitForText(talker);
	});

	after(async () => {
		await terminal?.kill();
		await removeTestContainers(testDocker(), prefix);
		if (directory) rmSync(directory, {recursive: true, force: true});
	});

	test('logs of a container writing to both streams show them apart', async () => {
		await openContainer(terminal, talker);
		const screen = await terminal.waitForText('err 40', 10_000);
		const row = (text: string) => screen.split('\n').find(line => line.endsWith(text)) ?? '';
		assert.equal(row(' err 40'), '┃ err 40');
		assert.equal(row(' out 40'), '  out 40');
		assert.match(screen, /80 lines · last 1000 lines · following/);
	});

	test('search finds the lines and highlights every match in place', async () => {
		await terminal.typeText('/');
		await terminal.typeText('err 3[0-9]');
		await terminal.sendKeys('Enter');
		await terminal.waitForText('“err 3[0-9]” 10');
		await terminal.typeText('n');
		const screen = await terminal.waitForText('“err 3[0-9]” 1/10');
		assert.ok(screen.includes('err 30') && screen.includes('out 29'), 'the match, with the lines around it');
		const coloured = await terminal.tmux('capture-pane', '-p', '-e', '-t', 'dtui');
		// A background colour (yellow for matches, magenta for the current one) right before each match.
		const highlighted = coloured.match(/\u001B\[[\d;]*4[35][\d;]*m(?:\u001B\[[\d;]*m)*err 3\d/g) ?? [];
		assert.ok(highlighted.length >= 5, `highlighted: ${JSON.stringify(highlighted)}`);
		assert.doesNotMatch(coloured, /\u001B\[[\d;]*4[35][\d;]*m(?:\u001B\[[\d;]*m)*out /);
		await terminal.sendKeys('Escape');
		await terminal.waitForText(/lines · last 1000 lines · paused/);
	});

	test('ctrl+s saves every line `docker logs` has, and says where', async () => {
		await terminal.sendKeys('C-s');
		const screen = await terminal.waitForText(/Saved 80 lines to \S+/);
		const [file] = readdirSync(directory);
		assert.match(file!, new RegExp(`^${talker}-\\d{8}-\\d{6}\\.log$`));
		assert.ok(screen.includes(join(directory, file!)));
		const saved = readFileSync(join(directory, file!), 'utf8').split('\n').slice(0, -1);
		assert.deepEqual(saved, await dockerLogs(talker));
	});

	test('e opens a shell through the Engine API; what is typed runs; exit brings the dashboard back as it was', async () => {
		await terminal.typeText('e');
		await terminal.waitForText(`dtui: sh in ${talker} (exit to return)`);
		await terminal.waitForText('/ #');
		await terminal.typeText('echo MARK-$((6*7))');
		await terminal.sendKeys('Enter');
		await terminal.waitForText(/^MARK-42$/m);
		await terminal.typeText('exit');
		await terminal.sendKeys('Enter');
		const screen = await terminal.waitForText(`Shell in ${talker} ended (exit 0)`);
		assert.match(screen, new RegExp(`${talker} +Logs +Stats +Inspect +Top`));
		// As it was left: scrolled to the search's first match, not following.
		assert.match(screen, /80 lines · last 1000 lines · paused \(f follows\)\n(.*\n)*┃ err 30\n/);
		assert.equal((await terminal.paneInfo()).alternateOn, true);
		// The keys are the dashboard's again.
		await terminal.typeText(']');
		await terminal.waitForText(/CPU +\d/);
	});

	test('stats of a busy container: the figures change, the sparkline grows', async () => {
		await terminal.typeText('q');
		await terminal.waitForText(/^Containers \(all\)/m);
		await openContainer(terminal, busy);
		await terminal.typeText(']');
		const cpuLine = async () => (await terminal.waitForText(/CPU +\d+\.\d\d% of \d+%/)).split('\n').find(line => line.startsWith('CPU'))!;
		const first = await cpuLine();
		await new Promise(resolve => setTimeout(resolve, 2500));
		const second = await cpuLine();
		assert.ok(Number(/(\d+\.\d\d)%/.exec(second)![1]) > 5, second);
		const bars = (line: string) => (/[▁▂▃▄▅▆▇█]+$/.exec(line)?.[0] ?? '').length;
		assert.ok(bars(second) > bars(first), `${first}\n${second}`);
		assert.match(await terminal.screen(), /MEMORY +[\d.]+\w?i?B \/ [\d.]+\w?i?B \(\d+\.\d\d%\)/);
	});

	test('a attaches to the main process; ctrl+p ctrl+q detaches and it keeps running', async () => {
		await terminal.typeText('q');
		await filterList(terminal, interactive);
		await terminal.typeText('a');
		await terminal.waitForText(`dtui: attached to ${interactive}`);
		await terminal.typeText('echo ATTACHED-$((40+2))');
		await terminal.sendKeys('Enter');
		await terminal.waitForText(/^ATTACHED-42$/m);
		await terminal.sendKeys('C-p', 'C-q');
		await terminal.waitForText(`Detached from ${interactive} (it keeps running)`);
		assert.equal((await testDocker().getContainer(interactive).inspect()).State.Running, true);
	});

	test('q quits', async () => {
		await terminal.typeText('q');
		assert.equal(await terminal.waitForExit(), 0);
	});
});
