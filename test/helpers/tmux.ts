// A real terminal for end-to-end tests: the program runs in a tmux pane, keys go in
// with send-keys, the screen comes out with capture-pane. Every terminal gets its own
// tmux server (socket in a private temp dir, no user config), so a test can never see
// or touch the user's tmux sessions, and killing it is killing the server.
import {execFile, execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';

export type StartOptions = {
	command: string[];
	env?: Record<string, string>;
	cols?: number;
	rows?: number;
	cwd?: string;
	/** More tmux settings for this server, e.g. `set -g set-clipboard on` to catch OSC 52 in a paste buffer. */
	tmuxSettings?: string[];
};

export type PaneInfo = {
	title: string;
	/** Kept after the program exits: shows whether it left the alternate screen. */
	alternateOn: boolean;
	/** Only meaningful while the program runs: tmux reports false for every dead pane. */
	cursorVisible: boolean;
	cursorX: number;
	cursorY: number;
};

export type Terminal = {
	/** tmux key names ('Enter', 'Escape', 'C-c', 'Up', 'F5', 'M-x'…) are pressed; anything else is typed as text. */
	sendKeys(...keys: string[]): Promise<void>;
	/** Types text exactly, even text that looks like a key name. */
	typeText(text: string): Promise<void>;
	/** The visible screen, trailing blanks and blank lines removed. */
	screen(): Promise<string>;
	/** Polls every 50 ms; resolves with the screen, or throws with the last screen. */
	waitForText(text: string | RegExp, timeoutMs?: number): Promise<string>;
	/** The program's exit status (128 + N when signal N killed it, as in a shell). Throws on timeout (default 5 s). */
	waitForExit(timeoutMs?: number): Promise<number | undefined>;
	paneInfo(): Promise<PaneInfo>;
	resize(cols: number, rows: number): Promise<void>;
	/** Kills the tmux server (and so the program). Safe to call twice. */
	kill(): Promise<void>;
	/** Any other tmux command on this server (list-buffers, show-options…); resolves with its stdout. */
	tmux(...args: string[]): Promise<string>;
};

const pollMs = 50;
const target = 'dtui';

// remain-on-exit keeps a finished pane (and its exit status) around; without it the
// session, and with it the server, would vanish as soon as the program exits. An empty
// remain-on-exit-format keeps the screen as the program left it (tmux 3.3 otherwise
// scrolls it up to print "Pane is dead"); -q: older tmux lacks that option.
const config = ['set -g remain-on-exit on', 'set -gq remain-on-exit-format ""', 'set -g status off', 'set -g default-terminal tmux-256color', ''].join('\n');

// A program's last bytes (leaving the alternate screen, a final message) come right
// before it exits, and tmux can close the pty before the kernel has passed them on:
// measured here, ~5 % of programs that print and exit at once lost their output. So
// the pane runs the program under a shell that lingers 100 ms before passing on its
// status. It ignores the terminal's ^C/^\ (a handler, not SIG_IGN: the program still
// gets them) so that it outlives a program that handles them.
const linger = ['sh', '-c', 'trap : INT QUIT; "$@"; status=$?; sleep 0.1; exit $status', 'dtui-terminal'];

const keyName = /^(?:(?:[CMS]-)+\S+|Enter|Escape|Tab|BTab|Space|BSpace|Up|Down|Left|Right|Home|End|PageUp|PageDown|PgUp|PgDn|PPage|NPage|IC|DC|F(?:[1-9]|1[0-2]))$/;

// Servers still running when the test process ends (a test that forgot kill()).
const liveSockets = new Set<string>();
process.once('exit', () => {
	for (const socket of liveSockets) {
		try {
			execFileSync('tmux', ['-S', socket, 'kill-server'], {stdio: 'ignore'});
		} catch {}

		rmSync(dirname(socket), {recursive: true, force: true});
	}
});

let count = 0;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function run(socket: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile('tmux', ['-S', socket, ...args], {env}, (error, stdout, stderr) => {
			if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
				reject(new Error('tmux is not installed (apt-get install tmux)'));
			} else if (error) {
				reject(new Error(`tmux ${args[0] ?? ''} failed: ${stderr.trim() || error.message}`));
			} else {
				resolve(stdout);
			}
		});
	});
}

// tmux reads an argument ending in ";" as the end of a command, so each ";" is sent
// as its own escaped argument.
function literalArguments(text: string): string[] {
	return text.split(/(;)/).filter(part => part !== '').map(part => (part === ';' ? '\\;' : part));
}

export async function startTerminal(options: StartOptions): Promise<Terminal> {
	const dir = mkdtempSync(join(tmpdir(), `dtui-tmux-${process.pid}-${++count}-`));
	const socket = join(dir, 'socket');
	const configFile = join(dir, 'tmux.conf');
	writeFileSync(configFile, config + (options.tmuxSettings ?? []).map(line => `${line}\n`).join(''));

	// The server, and so the program, inherits this environment. The pane is an
	// interactive terminal even when the tests run in CI: with CI set, Ink (is-in-ci)
	// draws nothing until the app exits; NODE_TEST_CONTEXT would make a Node program
	// believe it is a test runner's child; TMUX and TMUX_PANE would name the user's tmux.
	const env: NodeJS.ProcessEnv = {...process.env};
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'NODE_TEST_CONTEXT', 'TMUX', 'TMUX_PANE']) delete env[name];
	Object.assign(env, options.env);
	const envArguments = Object.entries(options.env ?? {}).flatMap(([name, value]) => ['-e', `${name}=${value}`]);
	const size = ['-x', String(options.cols ?? 100), '-y', String(options.rows ?? 30)];
	const cwd = options.cwd === undefined ? [] : ['-c', options.cwd];

	liveSockets.add(socket);
	const tmux = (...args: string[]) => run(socket, args);
	let killed = false;

	const terminal: Terminal = {
		tmux,
		async sendKeys(...keys) {
			for (const key of keys) {
				if (key === '') continue;
				await (keyName.test(key) ? tmux('send-keys', '-t', target, key) : terminal.typeText(key));
			}
		},
		async typeText(text) {
			if (text !== '') await tmux('send-keys', '-t', target, '-l', '--', ...literalArguments(text));
		},
		async screen() {
			const text = await tmux('capture-pane', '-p', '-t', target);
			return text.split('\n').map(line => line.trimEnd()).join('\n').trimEnd();
		},
		async waitForText(text, timeoutMs = 5000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const screen = await terminal.screen();
				if (typeof text === 'string' ? screen.includes(text) : new RegExp(text.source, text.flags.replace(/[gy]/g, '')).test(screen)) return screen;
				if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(text)} on the screen:\n${screen}`);
				await sleep(pollMs);
			}
		},
		async waitForExit(timeoutMs = 5000) {
			const deadline = Date.now() + timeoutMs;
			let deadSince: number | undefined;
			for (;;) {
				// pane_dead turns 1 when the pty closes; the status arrives once tmux reaps the child.
				const [dead, status, signal, serverPid] = (await tmux('display-message', '-p', '-t', target, '#{pane_dead}\t#{pane_dead_status}\t#{pane_dead_signal}\t#{pid}'))
					.trimEnd()
					.split('\t');
				if (dead === '1' && status) return Number(status);
				if (dead === '1' && signal) return undefined;
				if (dead === '1') {
					deadSince ??= Date.now();
					// tmux 3.3 sometimes misses the SIGCHLD of a child that exits while the server is
					// busy (seen with parallel servers: the pane stays a zombie, no status, forever).
					// Another SIGCHLD makes it reap, and record the status.
					if (Date.now() - deadSince >= 200) process.kill(Number(serverPid), 'SIGCHLD');
				}

				if (Date.now() >= deadline) {
					const state = dead === '1' ? 'the pane is dead but tmux reported no exit status' : 'the program is still running';
					throw new Error(`timed out after ${timeoutMs} ms waiting for the program to exit (${state}); the screen:\n${await terminal.screen()}`);
				}

				await sleep(pollMs);
			}
		},
		async paneInfo() {
			// The title goes last: it is the only field that may contain a tab.
			const line = await tmux('display-message', '-p', '-t', target, '#{alternate_on}\t#{cursor_flag}\t#{cursor_x}\t#{cursor_y}\t#{pane_title}');
			const [alternate, cursor, x, y, ...title] = line.replace(/\n$/, '').split('\t');
			return {title: title.join('\t'), alternateOn: alternate === '1', cursorVisible: cursor === '1', cursorX: Number(x), cursorY: Number(y)};
		},
		async resize(cols, rows) {
			await tmux('resize-window', '-t', target, '-x', String(cols), '-y', String(rows));
		},
		async kill() {
			if (killed) return;
			killed = true;
			try {
				await tmux('kill-server');
			} catch {
				// Already gone (e.g. killed from outside): nothing left to stop.
			}

			liveSockets.delete(socket);
			rmSync(dir, {recursive: true, force: true});
		},
	};

	try {
		await run(socket, ['-f', configFile, 'new-session', '-d', '-s', target, ...size, ...cwd, ...envArguments, '--', ...linger, ...options.command], env);
	} catch (error) {
		await terminal.kill();
		throw error;
	}

	return terminal;
}
