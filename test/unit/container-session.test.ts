import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {describe, test} from 'node:test';
import {findShell, parseShell} from '../../source/terminal/container-shell.js';
import {createFakeEngine, fakeContainer} from '../fakes/fake-engine.js';
import {DetachKeys, pipeSession} from '../../source/terminal/session-pipe.js';
import type {SessionSize} from '../../source/engine/container-io.js';
import type {TerminalIo} from '../../source/terminal/terminal-host.js';

const ctrlP = '\u0010';
const ctrlQ = '\u0011';

function feed(keys: DetachKeys, ...chunks: string[]) {
	let forwarded = '';
	for (const chunk of chunks) {
		const step = keys.feed(Buffer.from(chunk));
		forwarded += step.forward.toString();
		if (step.detach) return {forwarded, detach: true};
	}

	return {forwarded, detach: false};
}

describe('detach keys (ctrl+p ctrl+q)', () => {
	test('detach, also when the two keys arrive in separate chunks', () => {
		assert.deepEqual(feed(new DetachKeys(), `ls${ctrlP}${ctrlQ}rest`), {forwarded: 'ls', detach: true});
		assert.deepEqual(feed(new DetachKeys(), `ls${ctrlP}`, `${ctrlQ}`), {forwarded: 'ls', detach: true});
	});

	test('a ctrl+p not followed by ctrl+q reaches the container (shell history)', () => {
		assert.deepEqual(feed(new DetachKeys(), `${ctrlP}`, 'x'), {forwarded: `${ctrlP}x`, detach: false});
		assert.deepEqual(feed(new DetachKeys(), `${ctrlP}${ctrlP}${ctrlQ}`), {forwarded: ctrlP, detach: true});
	});
});

function fakeTerminal() {
	const input = new PassThrough();
	let output = '';
	const resizeListeners = new Set<(size: SessionSize) => void>();
	const io: TerminalIo = {
		input,
		write: data => {
			output += data.toString();
		},
		size: () => ({columns: 80, rows: 24}),
		onResize(listener) {
			resizeListeners.add(listener);
			return () => resizeListeners.delete(listener);
		},
	};
	return {io, input, output: () => output, resize: (size: SessionSize) => resizeListeners.forEach(listener => listener(size))};
}

const tick = async () => new Promise(resolve => setTimeout(resolve, 5));

describe('pipeSession', () => {
	test('keys to the container, its output to the terminal, sizes to its TTY, done when it ends', async () => {
		const container = fakeContainer({name: 'web'});
		const engine = createFakeEngine({containers: [container]});
		const session = await engine.execSession(container.id, ['sh'], {columns: 80, rows: 24});
		const terminal = fakeTerminal();
		const done = pipeSession(session, terminal.io, {detachKeys: false});
		terminal.input.write('echo hi\r');
		terminal.resize({columns: 100, rows: 30});
		const [fake] = engine.sessions;
		fake!.write('hi\r\n');
		await tick();
		assert.equal(fake!.input(), 'echo hi\r');
		assert.equal(terminal.output(), 'hi\r\n');
		assert.deepEqual(fake!.sizes.at(-1), {columns: 100, rows: 30});
		fake!.end(3);
		assert.deepEqual(await done, {detached: false, exitCode: 3});
		// The terminal's keys are the dashboard's again.
		assert.equal(terminal.input.listenerCount('data'), 0);
	});

	test('attach: ctrl+p ctrl+q closes the connection and never reaches the container', async () => {
		const container = fakeContainer({name: 'web'});
		const engine = createFakeEngine({containers: [container]});
		const session = await engine.attach(container.id, {columns: 80, rows: 24});
		const terminal = fakeTerminal();
		const done = pipeSession(session, terminal.io, {detachKeys: true});
		terminal.input.write(`top${ctrlP}`);
		terminal.input.write(ctrlQ);
		assert.deepEqual(await done, {detached: true});
		assert.equal(engine.sessions[0]!.input(), 'top');
		assert.ok(engine.sessions[0]!.closed());
	});
});

describe('finding a shell', () => {
	test('bash when the image has it, else sh; none: undefined', async () => {
		const withBash = fakeContainer();
		const plain = fakeContainer();
		const distroless = fakeContainer();
		const engine = createFakeEngine({containers: [withBash, plain, distroless]});
		engine.setShells(withBash.id, ['sh', 'bash']);
		engine.setShells(distroless.id, []);
		assert.deepEqual(await findShell(engine, withBash.id), ['bash']);
		assert.deepEqual(await findShell(engine, plain.id), ['sh']);
		assert.equal(await findShell(engine, distroless.id), undefined);
		assert.deepEqual(parseShell('  bash  -l '), ['bash', '-l']);
		assert.equal(parseShell(' '), undefined);
	});
});
