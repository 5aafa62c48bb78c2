// Terminals a production host really has: TERM=dumb, no terminal on stdin, one far too
// small, one resized over and over; and a bug. Each gets a clear line or a reduced
// layout, a documented exit code, the terminal back, and never a stack trace.
import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {daemonSocket, realDaemonSkip} from '../helpers/daemon.js';
import {startTerminal, type StartOptions, type Terminal} from '../helpers/tmux.js';

const dir = mkdtempSync(join(tmpdir(), 'dtui-odd-'));
const terminals: Terminal[] = [];

after(async () => {
	await Promise.all(terminals.map(async terminal => terminal.kill()));
	rmSync(dir, {recursive: true, force: true});
});

/**
 * `commandLine` (dtui and its arguments) under a shell that outlives it and reports
 * its status, stderr kept apart in a file. Variables tmux sets itself for the pane
 * (TERM) go in front of the command line.
 */
async function launch(name: string, commandLine: string, options: Partial<StartOptions> = {}): Promise<{terminal: Terminal; stderr: () => string}> {
	const stderrFile = join(dir, `${name}.stderr`);
	const script = `${commandLine} 2>${stderrFile}; echo "dtui exited with $?"; sleep 600`;
	const terminal = await startTerminal({cols: 100, rows: 24, ...options, command: ['sh', '-c', script], env: {DOCKER_HOST: `unix://${daemonSocket!}`, ...options.env}});
	terminals.push(terminal);
	return {terminal, stderr: () => readFileSync(stderrFile, 'utf8')};
}

async function exitedWith(terminal: Terminal, code: number): Promise<string> {
	return terminal.waitForText(`dtui exited with ${code}`, 10_000);
}

/** The dashboard's frame: header first, hints last, exactly rows - 1 lines (Ink never draws on the last). */
function assertWholeFrame(screen: string, rows: number) {
	const lines = screen.split('\n');
	assert.match(lines[0]!, /^dtui · unix:\/\//);
	assert.match(lines[1]!, /^Containers \(all\) · \d+ shown/);
	assert.match(lines.at(-1)!, /^\? help/);
	assert.equal(lines.length, rows - 1, screen);
}

describe('odd terminals and unexpected errors', {skip: realDaemonSkip()}, () => {
	test('TERM=dumb: the container list instead of a dashboard, and a line saying why', async () => {
		const {terminal, stderr} = await launch('dumb', 'TERM=dumb node bin/dtui.js');
		const screen = await exitedWith(terminal, 0);
		assert.match(screen, /^CONTAINER ID +IMAGE +COMMAND/m);
		assert.equal(stderr(), 'dtui: TERM=dumb cannot draw the dashboard; here is the container list instead\n');
		assert.equal((await terminal.paneInfo()).alternateOn, false);
	});

	test('no terminal on stdin: one line, exit 2', async () => {
		const {terminal, stderr} = await launch('no-stdin', 'node bin/dtui.js </dev/null');
		await exitedWith(terminal, 2);
		assert.equal(stderr(), 'dtui: the dashboard needs a terminal on stdin\n');
	});

	test('20×5: says it is too small and takes no key but q; grown, the whole dashboard comes back', async () => {
		const {terminal} = await launch('tiny', 'node bin/dtui.js', {cols: 20, rows: 5});
		const small = await terminal.waitForText('needs 30×8');
		assert.equal(small, 'dtui: terminal too …\n20×5, needs 30×8\nq quits');
		// s on a running row would ask "Stop …?": blind, it must do nothing.
		await terminal.typeText('sy');
		await terminal.resize(100, 24);
		const screen = await terminal.waitForText(/^\? help/m);
		assertWholeFrame(screen, 24);
		assert.ok(!screen.includes('Stop '), 'no dialog was opened while too small');
		await terminal.resize(20, 5);
		await terminal.waitForText('needs 30×8');
		await terminal.typeText('q');
		await exitedWith(terminal, 0);
		assert.equal((await terminal.paneInfo()).alternateOn, false);
	});

	test('a resize storm: the frame fits the final size, the process lives on', async () => {
		const {terminal, stderr} = await launch('storm', 'node bin/dtui.js');
		await terminal.waitForText(/^\? help/m);
		const sizes = Array.from({length: 60}, (_, index) => [12 + ((index * 37) % 180), 3 + ((index * 11) % 60)] as const);
		await Promise.all(sizes.map(async ([cols, rows]) => terminal.resize(cols, rows)));
		await terminal.resize(90, 20);
		// The last frame comes a moment after the last resize (each one is a redraw).
		const deadline = Date.now() + 5000;
		for (;;) {
			const screen = await terminal.screen();
			try {
				assertWholeFrame(screen, 20);
				assert.ok(screen.split('\n').every(line => line.length <= 90));
				break;
			} catch (error) {
				if (Date.now() > deadline) throw error;
				await new Promise(resolve => setTimeout(resolve, 100));
			}
		}

		await terminal.typeText('q');
		await exitedWith(terminal, 0);
		assert.equal(stderr(), '');
	});

	for (const kind of ['exception', 'rejection']) {
		test(`an unexpected ${kind}: the terminal back, one line naming the debug log, exit 70`, async () => {
			const state = join(dir, `state-${kind}`);
			const {terminal, stderr} = await launch(`crash-${kind}`, 'node bin/dtui.js', {env: {DTUI_SIMULATE_CRASH: kind, XDG_STATE_HOME: state}});
			await exitedWith(terminal, 70);
			const log = join(state, 'dtui', 'debug.log');
			assert.equal(stderr(), `dtui: unexpected error: simulated crash (DTUI_SIMULATE_CRASH=${kind}) (details in ${log})\n`);
			const report = readFileSync(log, 'utf8');
			assert.match(report, /unexpected error, dtui exits\n.* {2}Error: simulated crash/);
			assert.match(report, /\n\S+ +at /, 'the stack is in the file, not on the screen');
			const pane = await terminal.paneInfo();
			assert.deepEqual({alternate: pane.alternateOn, cursor: pane.cursorVisible}, {alternate: false, cursor: true});
		});
	}

	test('--debug: requests, the connection and the exit are logged, and the path is printed on exit', async () => {
		const state = join(dir, 'state-debug');
		const {terminal, stderr} = await launch('debug', 'node bin/dtui.js --debug', {env: {XDG_STATE_HOME: state}});
		await terminal.waitForText(/running \/ \d+ total/);
		await terminal.typeText('q');
		await exitedWith(terminal, 0);
		const log = join(state, 'dtui', 'debug.log');
		assert.equal(stderr(), `dtui: debug log written to ${log}\n`);
		const text = readFileSync(log, 'utf8');
		for (const expected of [/ dtui \d+\.\d+\.\d+ --debug · node v\d+/, / engine\.listContainers\(\) ok in \d+ ms\n/, / connection: connected\n/, / engine\.events\(\): stream open\n/, / exit 0\n$/]) {
			assert.match(text, expected);
		}
	});
});
