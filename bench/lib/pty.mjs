// A pseudo-terminal for the program under test, through util-linux `script` (in every
// Debian: bsdutils is essential). Bytes pass through it raw: measured here, a key
// written to it and echoed back by a program takes 0.4–0.8 ms, so figures are the
// program's. tmux would work too, but it parses and redraws everything itself and
// keys go in by spawning a tmux client: that would be measured along with dtui.
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {StringDecoder} from 'node:string_decoder';

const quote = text => `'${String(text).replaceAll("'", "'\\''")}'`;

// Variables that change how a terminal program behaves: with CI set, Ink (is-in-ci)
// draws nothing until the app exits; the others name a test runner or a tmux.
const scrubbed = ['CI', 'CONTINUOUS_INTEGRATION', 'NODE_TEST_CONTEXT', 'TMUX', 'TMUX_PANE'];

/** The pids of a process's children (Linux). */
export function childrenOf(pid) {
	try {
		return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
	} catch {
		return [];
	}
}

/**
 * Starts `argv` in a terminal of `cols`×`rows`. `t0` is taken just before the spawn,
 * so times from it include starting `script` and a shell (~5 ms here), as for any
 * program started from a shell; `docker ps` is timed through the same wrapper.
 * @param {{argv: string[], cols?: number, rows?: number, env?: Record<string, string | undefined>, cwd?: string}} options
 */
export function startPty({argv, cols = 120, rows = 40, env = {}, cwd}) {
	const environment = {...process.env, TERM: 'xterm-256color', ...env};
	for (const name of scrubbed) delete environment[name];
	for (const [name, value] of Object.entries(environment)) if (value === undefined) delete environment[name];
	const command = `stty cols ${cols} rows ${rows}; exec ${argv.map(quote).join(' ')}`;
	const t0 = performance.now();
	const child = spawn('script', ['-qfec', command, '/dev/null'], {stdio: ['pipe', 'pipe', 'pipe'], env: environment, cwd});
	/** @type {Array<{t: number, size: number}>} */
	const chunks = [];
	// The tail of the output as text, and how many characters came before it.
	let text = '';
	let textStart = 0;
	let bytes = 0;
	// A chunk can end inside a character (› is three bytes).
	const decoder = new StringDecoder('utf8');
	let lastAt = t0;
	const waiters = new Set();
	const exited = new Promise(resolve => {
		child.on('exit', (code, signal) => resolve({code, signal, t: performance.now()}));
	});
	child.stdout.on('data', data => {
		const t = performance.now();
		chunks.push({t, size: data.length});
		bytes += data.length;
		lastAt = t;
		// Only the tail is kept for matching: a flooded log view writes megabytes.
		text += decoder.write(data);
		if (text.length > 262_144) {
			textStart += text.length - 131_072;
			text = text.slice(-131_072);
		}

		for (const waiter of waiters) waiter();
	});
	child.stderr.resume();

	const pty = {
		t0,
		child,
		exited,
		/** Every chunk read from the terminal, with its arrival time. */
		chunks,
		get bytes() {
			return bytes;
		},
		get lastOutputAt() {
			return lastAt;
		},
		/** The output's tail (at least 128 KiB), escapes removed. */
		plainTail() {
			return stripEscapes(text);
		},
		/** A position in the output, for textSince(). */
		mark() {
			return textStart + text.length;
		},
		/** Output after `mark` (as much as the tail still holds), escapes removed. */
		textSince(mark) {
			return stripEscapes(text.slice(Math.max(0, mark - textStart)));
		},
		write(data) {
			const t = performance.now();
			child.stdin.write(data);
			return t;
		},
		/** The program itself (the shell execs it), once it runs. */
		programPid() {
			return childrenOf(child.pid)[0];
		},
		/** Resolves with the time the output first satisfies `test` (checked on each chunk), or rejects after `timeoutMs`. */
		waitFor(test, timeoutMs = 10_000, label = String(test)) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (test(pty)) {
						finish();
						resolve(performance.now());
					}
				};
				const timer = setTimeout(() => {
					finish();
					reject(new Error(`timed out after ${timeoutMs} ms waiting for ${label}; last output: ${JSON.stringify(pty.plainTail().slice(-400))}`));
				}, timeoutMs);
				const finish = () => {
					clearTimeout(timer);
					waiters.delete(check);
				};
				waiters.add(check);
				check();
			});
		},
		/** Resolves once no output has come for `quietMs` (and some came after `since`): the frame is complete. */
		async settle(since, quietMs, timeoutMs = 5000) {
			const deadline = performance.now() + timeoutMs;
			for (;;) {
				const now = performance.now();
				if (lastAt > since && now - lastAt >= quietMs) return lastAt;
				if (now >= deadline) return undefined;
				await sleep(Math.max(1, Math.min(quietMs - (now - lastAt), 5)));
			}
		},
		/** `q`, then SIGTERM after a grace period, then SIGKILL. */
		async stop(graceMs = 3000) {
			if (child.exitCode !== null || child.signalCode !== null) return exited;
			child.stdin.write('q');
			const timer = setTimeout(() => {
				const pid = pty.programPid();
				if (pid) process.kill(pid, 'SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
			}, graceMs);
			const result = await exited;
			clearTimeout(timer);
			return result;
		},
	};
	return pty;
}

export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Text as a reader of the byte stream sees it: CSI/OSC/other escapes removed. */
export function stripEscapes(text) {
	return text
		.replace(/\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g, '')
		.replace(/\u001B\[[0-?]*[ -/]*[@-~]/g, '')
		.replace(/\u001B[@-Z\\-_]/g, '');
}
