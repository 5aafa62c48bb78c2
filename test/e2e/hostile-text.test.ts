// Hostile text from a real daemon, drawn in a real terminal. Every travelling case of
// the corpus sits in a container's command (and label, and environment); dtui lists
// them all, and the terminal proves that none of it acted: tmux keeps the pane title,
// paste buffers (set-clipboard on catches OSC 52), alternate screen, cursor, autowrap,
// mouse, keypad and scroll-region state, and the frame has every row where it belongs,
// columns aligned, with the text shown as visible, honest characters.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {promisify} from 'node:util';
import {hostname, tmpdir} from 'node:os';
import {join} from 'node:path';
import {daemonSocket, realDaemonSkip, removeTestContainers, testDocker} from '../helpers/daemon.js';
import {createHostileContainers, createHostileLogger, travellingCases, type HostileContainer} from '../helpers/hostile-containers.js';
import {buildTestImage} from '../helpers/objects-daemon.js';
import {startTerminal, type Terminal} from '../helpers/tmux.js';
import {sanitize} from '../../source/text/sanitize.js';
import {displayWidth, truncate} from '../../source/text/cell-width.js';

const execFileAsync = promisify(execFile);
/** On a volume, a network and an image: a few cases each a terminal would act on. */
const objectLabels = {osc: '\u001B]0;pwned\u0007', clip: '\u001B]52;c;aGk=\u0007', clear: '\u001B[2J\u001B[H', rlo: 'invoice\u202Efdp.exe', csi8: '\u009B2J'};
const prefix = 'e2e-hostile-';
const loggerName = 'e2e-hostlog';
const cols = 200;
// Chrome (header, title, table header, status, hints) plus one row per case, and the
// line Ink never draws on.
const rows = travellingCases.length + 8;
const clipboard = ['set -g set-clipboard on'];

/** Terminal state hostile text would change, all in one tmux query. */
const stateFormat = ['pane_title', 'alternate_on', 'cursor_flag', 'wrap_flag', 'origin_flag', 'insert_flag', 'keypad_flag', 'keypad_cursor_flag', 'mouse_any_flag', 'mouse_standard_flag', 'mouse_button_flag', 'mouse_sgr_flag', 'scroll_region_upper', 'scroll_region_lower']
	.map(name => `#{${name}}`)
	.join('\t');

async function terminalState(terminal: Terminal): Promise<Record<string, string>> {
	const values = (await terminal.tmux('display-message', '-p', '-t', 'dtui', stateFormat)).replace(/\n$/, '').split('\t');
	return Object.fromEntries(stateFormat.split('\t').map((name, index) => [name.slice(2, -1), values[index] ?? '']));
}

/** What the dashboard's terminal must look like while it runs: only dtui's own choices. */
const expectedState = {
	pane_title: hostname(),
	alternate_on: '1',
	cursor_flag: '0',
	wrap_flag: '0',
	origin_flag: '0',
	insert_flag: '0',
	keypad_flag: '0',
	keypad_cursor_flag: '0',
	mouse_any_flag: '0',
	mouse_standard_flag: '0',
	mouse_button_flag: '0',
	mouse_sgr_flag: '0',
	scroll_region_upper: '0',
	scroll_region_lower: String(rows - 1),
};

/**
 * tmux keeps at most 21 bytes of UTF-8 in one cell (UTF8_SIZE): the tail of a long
 * emoji sequence (a family of four, a subdivision flag) is lost by the terminal, not
 * by dtui. The expected text is cut the same way before it is compared.
 */
function asTmuxKeepsIt(text: string): string {
	let kept = '';
	for (const {segment} of new Intl.Segmenter().segment(text)) {
		let cell = '';
		for (const character of segment) {
			if (Buffer.byteLength(cell + character) > 21) break;
			cell += character;
		}

		kept += cell;
	}

	return kept;
}

const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** A lone Escape, and a pause so the next key is not read with it as alt+key. */
async function escape(terminal: Terminal): Promise<void> {
	await terminal.sendKeys('Escape');
	await sleep(150);
}

/** The screen once it has stopped changing (for a program that prints once). */
async function settledScreen(terminal: Terminal): Promise<string> {
	let previous = await terminal.screen();
	for (;;) {
		await sleep(150);
		const now = await terminal.screen();
		if (now === previous) return now;
		previous = now;
	}
}

/**
 * Ink redraws the whole frame on any change (the shared daemon's events, the AGE
 * column), and a capture can land in the middle of a redraw. Hostile text that did
 * damage would do it again in every frame, so the check passes on the first capture
 * that is whole, and fails with the last one seen.
 */
async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			await check();
			return;
		} catch (error) {
			if (Date.now() >= deadline) throw error;
			await sleep(100);
		}
	}
}

/** Where the short id starts, in cells: the same in every row when the columns line up. */
function idColumn(line: string, container: HostileContainer): number {
	const at = line.indexOf(container.id.slice(0, 12));
	assert.notEqual(at, -1, `the row of ${container.name} shows its id:\n${line}`);
	return displayWidth(line.slice(0, at));
}

const honestTexts = new Map<string, string>();

/** The command made visible and cut to `room` cells, as tmux keeps it; remembered (the 100 KB one costs). */
function honestText(container: HostileContainer, room: number): string {
	const key = `${container.id} ${room}`;
	let text = honestTexts.get(key);
	if (text === undefined) {
		text = asTmuxKeepsIt(truncate(sanitize(container.command), room));
		honestTexts.set(key, text);
	}

	return text;
}

function assertFrame(screen: string, containers: readonly HostileContainer[]) {
	const lines = screen.split('\n');
	assert.match(lines[0]!, /^dtui · unix:\/\//, 'the header is still the first line');
	assert.equal(lines[1], `Containers (all) · ${containers.length} shown · filter: ${prefix}`);
	assert.match(lines[2]!, /^ {3}NAME +IMAGE +STATE +STATUS +PORTS +AGE ID +COMMAND$/);
	assert.equal(lines.length, rows - 1, 'nothing below the frame, nothing scrolled away');
	assert.match(lines.at(-1)!, /^\? help {2}q back/, 'the hints are still the last line');
	const tableRows = lines.slice(3, 3 + containers.length);
	const idAt = idColumn(tableRows[0]!, containers[0]!);
	for (const [index, container] of containers.entries()) {
		const line = tableRows[index]!;
		const what = `${container.hostile.name} (${container.name})`;
		assert.match(line, new RegExp(`^[› ] {2}${container.name} +busybox:local +created +Created +\\S+ `), what);
		assert.equal(idColumn(line, container), idAt, `${what}: columns aligned`);
		// The command is the last column: what is left of the row after the id and a space.
		const commandAt = line.indexOf(container.id.slice(0, 12)) + 13;
		const shown = line.slice(commandAt);
		const room = cols - (idAt + 13);
		const honest = honestText(container, room + 1);
		if (displayWidth(honest) <= room - 4) {
			assert.equal(shown, honest.trimEnd(), `${what}: shown whole, made visible`);
		} else {
			// Cut to the room, with an ellipsis; a terminal that draws an emoji wider than
			// measured clips the row's end (autowrap is off) rather than wrapping it.
			const cut = honestText(container, room).trimEnd();
			assert.ok(cut.startsWith(shown) && displayWidth(shown) >= room / 2, `${what}: a prefix of ${JSON.stringify(cut.slice(0, 80))}…, got ${JSON.stringify(shown.slice(0, 80))}`);
		}
	}
}

/** What the clipboard holds: nothing, until the test copies an id itself. */
let expectedBuffers = '';

async function assertUntouched(terminal: Terminal, containers: readonly HostileContainer[]) {
	await eventually(async () => {
		assertFrame(await terminal.screen(), containers);
		assert.deepEqual(await terminalState(terminal), expectedState);
		assert.equal(await terminal.tmux('list-buffers'), expectedBuffers, 'nothing reached the clipboard');
	});
}

/** Any other screen: the header still first, the hints still last, not a line more or less, the terminal as dtui set it. */
async function assertScreenUntouched(terminal: Terminal, shows: readonly string[]) {
	await eventually(async () => {
		const screen = await terminal.screen();
		const lines = screen.split('\n');
		assert.match(lines[0]!, /^dtui · unix:\/\//, 'the header is still the first line');
		assert.equal(lines.length, rows - 1, 'nothing below the frame, nothing scrolled away');
		assert.match(lines.at(-1)!, /^\? help/, 'the hints are still the last line');
		for (const text of shows) assert.ok(screen.includes(text), `shows ${text}, on:\n${screen}`);
		assert.deepEqual(await terminalState(terminal), expectedState);
		assert.equal(await terminal.tmux('list-buffers'), expectedBuffers, 'nothing reached the clipboard');
	});
}

describe('hostile text from the daemon is inert in a real terminal', {skip: realDaemonSkip()}, () => {
	let terminal: Terminal | undefined;
	let containers: HostileContainer[] = [];
	const dir = mkdtempSync(join(tmpdir(), 'dtui-hostile-'));
	const readLog = () => {
		try {
			return readFileSync(join(dir, 'state', 'dtui', 'debug.log'), 'utf8');
		} catch {
			return '';
		}
	};

	before(async () => {
		await removeTestContainers(testDocker(), prefix);
		await removeTestContainers(testDocker(), loggerName);
		// dtui first: the events view shows what happened while it ran (the creations, with their labels).
		terminal = await startTerminal({
			command: ['sh', '-c', 'node bin/dtui.js --debug 2>/dev/null; echo "dtui exited with $?"; sleep 600'],
			env: {DOCKER_HOST: `unix://${daemonSocket!}`, XDG_STATE_HOME: join(dir, 'state')},
			cols,
			rows,
			tmuxSettings: clipboard,
		});
		await terminal.waitForText(/running \/ \d+ total/, 10_000);
		// The debug log says when the daemon has taken the event subscription.
		for (let waited = 0; !readLog().includes(' engine.events(): stream open'); waited += 50) {
			if (waited > 10_000) throw new Error(`dtui never opened the event stream:\n${readLog()}`);
			await sleep(50);
		}

		containers = await createHostileContainers(testDocker(), prefix);
		await createHostileLogger(testDocker(), loggerName);
		await testDocker().createVolume({Name: `${prefix}vol`, Labels: objectLabels});
		await testDocker().createNetwork({Name: `${prefix}net`, Internal: true, Labels: objectLabels});
		await buildTestImage(testDocker(), `${prefix}image:1`, [`LABEL ${Object.entries(objectLabels).map(([key, value]) => `${key}="${value}"`).join(' ')}`]);
	});

	after(async () => {
		await terminal?.kill();
		await removeTestContainers(testDocker(), prefix);
		await removeTestContainers(testDocker(), loggerName);
		await Promise.allSettled([testDocker().getVolume(`${prefix}vol`).remove(), testDocker().getNetwork(`${prefix}net`).remove(), testDocker().getImage(`${prefix}image:1`).remove({force: true})]);
		rmSync(dir, {recursive: true, force: true});
	});

	test('the corpus is hostile: written raw, it sets the title and the clipboard (the detectors work)', async () => {
		const file = join(dir, 'corpus.txt');
		writeFileSync(file, travellingCases.map(entry => entry.text).join('\n'));
		const raw = await startTerminal({command: ['sh', '-c', `cat ${file}; sleep 600`], cols: 80, rows: 24, tmuxSettings: clipboard});
		try {
			await settledScreen(raw);
			// The last title-setting case wins (tmux takes APC strings as titles too).
			assert.notEqual((await terminalState(raw))['pane_title'], hostname());
			assert.match(await raw.tmux('list-buffers'), /^buffer\d+: 2 bytes: "hi"$/m);
		} finally {
			await raw.kill();
		}
	});

	test('the list shows every case on its own row, aligned, visible, and the terminal is untouched', async () => {
		assert.ok(terminal);
		await terminal.typeText('/');
		await terminal.typeText(prefix);
		await terminal.sendKeys('Enter');
		await terminal.waitForText(`${containers.length} shown · filter: ${prefix}`, 10_000);
		await assertUntouched(terminal, containers);
		const screen = await terminal.screen();
		// Spelled out for a few, so the comparison with sanitize() cannot pass by both being raw.
		for (const [name, shown] of [
			['OSC 0 title', 'echo ^[]0;pwned^G'],
			['OSC 52 clipboard write', 'echo ^[]52;c;aGk=^G'],
			['CSI clear screen and home', 'echo ^[[2J^[[H'],
			['8-bit CSI clear screen', 'echo <9B>2J'],
			// The daemon quotes an argument that holds spaces.
			['carriage return overwrite', "echo 'evil-command^Mnice-name   '"],
			['RLO file name spoof', 'echo invoice<U+202E>fdp.exe'],
			['zero-width space in a name', 'echo ng<U+200B>inx'],
			['CJK', 'echo \u5bb9\u5668\u540d\u524d'],
			['lone high surrogate', 'echo a\ufffdb'],
		] as const) {
			const container = containers.find(entry => entry.hostile.name === name)!;
			assert.ok(screen.split('\n').some(line => line.includes(container.name) && line.includes(shown)), `${name} shows as ${shown}`);
		}
	});

	test('moving through the list redraws it without leaving a trace', async () => {
		assert.ok(terminal);
		await terminal.typeText('G');
		await terminal.waitForText(new RegExp(`^› {2}${containers.at(-1)!.name} `, 'm'));
		await assertUntouched(terminal, containers);
		await terminal.typeText('g');
		for (let step = 0; step < 40; step++) await terminal.typeText('j');
		await terminal.waitForText(new RegExp(`^› {2}${containers[40]!.name} `, 'm'));
		await assertUntouched(terminal, containers);
	});

	test('dtui\'s own OSC 52 does reach the clipboard (the clipboard check can fail)', async () => {
		assert.ok(terminal);
		await terminal.typeText('c');
		await terminal.waitForText(`Copied the id of ${containers[40]!.name}`);
		expectedBuffers = `buffer0: 64 bytes: "${containers[40]!.id}"\n`;
		assert.equal(await terminal.tmux('list-buffers'), expectedBuffers);
	});

	for (const [name, shows] of [
		['OSC 0 title', ['^[]0;pwned^G']],
		['RLO file name spoof', ['invoice<U+202E>fdp.exe']],
		['every C1 control', ['<80><81><82>']],
		['100 KB line', ['log ^[[31mERROR^[[0m <U+202E>evil<U+202C>']],
	] as const) {
		test(`inspect: the command, labels and environment of "${name}" are shown inert`, async () => {
			assert.ok(terminal);
			const container = containers.find(entry => entry.hostile.name === name)!;
			await escape(terminal);
			await terminal.typeText(`/${container.name}`);
			await terminal.sendKeys('Enter');
			await terminal.waitForText(new RegExp(`^› {2}${container.name} `, 'm'));
			await terminal.typeText('i');
			await terminal.waitForText(/^ Document$/m);
			await assertScreenUntouched(terminal, shows);
			await escape(terminal);
			await terminal.waitForText(`1 shown · filter: ${container.name}`);
		});
	}

	test('logs: every case on stdout and stderr, the 100 KB line, invalid UTF-8 and a NUL, shown inert', async () => {
		assert.ok(terminal);
		await escape(terminal);
		await terminal.typeText(`/${loggerName}`);
		await terminal.sendKeys('Enter');
		await terminal.waitForText(new RegExp(`^› {2}${loggerName} `, 'm'));
		await terminal.typeText('l');
		await terminal.waitForText('hostile-logger-done', 10_000);
		await assertScreenUntouched(terminal, ['log ^[[31mERROR^[[0m <U+202E>evil<U+202C> \u4e2d\u6587', 'bad \ufffd\ufffd utf8', 'a^@b']);
		// Scrolled back to where the control sequences are.
		await terminal.typeText('g');
		await assertScreenUntouched(terminal, ['^[]0;pwned^G', '^[[2J^[[H', '<9B>2J']);
		await escape(terminal);
		await terminal.waitForText(`1 shown · filter: ${loggerName}`);
	});

	test('events: the creations, their hostile label attributes shown inert', async () => {
		assert.ok(terminal);
		await terminal.typeText(':events');
		await terminal.sendKeys('Enter');
		await terminal.waitForText(/^Events · \d+ shown/m);
		await terminal.typeText('/');
		await terminal.typeText('pwned');
		await terminal.sendKeys('Enter');
		await terminal.waitForText('filter: pwned');
		await assertScreenUntouched(terminal, ['hostile=^[]0;pwned^G', 'hostile=^[]2;pwned^[\\']);
		await escape(terminal);
		await terminal.typeText('1');
		await terminal.waitForText(/^Containers/m);
	});

	for (const [list, kind, name] of [['2', 'image', `${prefix}image`], ['3', 'network', `${prefix}net`], ['4', 'volume', `${prefix}vol`]] as const) {
		test(`inspect: the hostile labels of the ${kind} are shown inert`, async () => {
			assert.ok(terminal);
			await terminal.sendKeys(list);
			await terminal.waitForText(/^(Images|Networks|Volumes) /m);
			await terminal.typeText(`/${name}`);
			await terminal.sendKeys('Enter');
			await terminal.waitForText(new RegExp(`^› {2}${name}`, 'm'));
			await terminal.typeText('i');
			await terminal.waitForText(/ · inspect · \d+ lines$/m);
			await assertScreenUntouched(terminal, ['^[]0;pwned^G', '^[]52;c;aGk=^G', '^[[2J^[[H', 'invoice<U+202E>fdp.exe', '<9B>2J']);
			await escape(terminal);
			await terminal.waitForText(`1 shown · filter: ${name}`);
			await escape(terminal);
			await terminal.sendKeys('1');
			await terminal.waitForText(/^Containers/m);
		});
	}

	test('dtui ps in a terminal: one line per container, aligned, inert, the terminal untouched', async () => {
		const ps = await startTerminal({command: ['sh', '-c', `node bin/dtui.js ps -a --filter name=${prefix}; echo "dtui exited with $?"; sleep 600`], env: {DOCKER_HOST: `unix://${daemonSocket!}`}, cols, rows: containers.length + 6, tmuxSettings: clipboard});
		try {
			const screen = await ps.waitForText('dtui exited with 0', 10_000);
			const lines = screen.split('\n');
			assert.match(lines[0]!, /^CONTAINER ID +IMAGE +COMMAND +CREATED +STATUS +PORTS +NAMES$/);
			const table = lines.slice(1, -1);
			assert.deepEqual(table.map(line => /(\S+)$/.exec(line)?.[1]).sort(), containers.map(container => container.name).sort(), 'one line per container, nothing more');
			const namesAt = (line: string) => displayWidth(line.slice(0, line.lastIndexOf(prefix)));
			const misaligned = table.filter(line => namesAt(line) !== namesAt(table[0]!));
			assert.deepEqual(misaligned, [], 'the NAMES column starts at the same cell on every line');
			const state = await terminalState(ps);
			assert.deepEqual([state['pane_title'], state['alternate_on'], state['cursor_flag'], await ps.tmux('list-buffers')], [hostname(), '0', '1', '']);
		} finally {
			await ps.kill();
		}
	});

	test('dtui ps --format json: no control character on any line, one object per container', async () => {
		const {stdout} = await execFileAsync(process.execPath, ['bin/dtui.js', 'ps', '-a', '--format', 'json', '--filter', `name=${prefix}`], {env: {...process.env, DOCKER_HOST: `unix://${daemonSocket!}`}, maxBuffer: 64 << 20});
		assert.doesNotMatch(stdout, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
		const objects = stdout.trimEnd().split('\n').map(line => JSON.parse(line) as {Names: string; Labels: string});
		assert.deepEqual(objects.map(object => object.Names).sort(), containers.map(container => container.name).sort());
		assert.ok(objects.some(object => object.Labels.includes('hostile=^[]0;pwned^G')));
	});

	test('q gives back a terminal the corpus never touched', async () => {
		assert.ok(terminal);
		await terminal.typeText('q');
		await terminal.waitForText('dtui exited with 0');
		const state = await terminalState(terminal);
		assert.deepEqual(
			{title: state['pane_title'], alternate: state['alternate_on'], cursor: state['cursor_flag'], wrap: state['wrap_flag']},
			{title: hostname(), alternate: '0', cursor: '1', wrap: '1'},
		);
	});
});
