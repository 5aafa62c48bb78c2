// What dtui saw and did, in a file, for a bug report. Off unless --debug; a crash
// always writes its report (and the one line on stderr says where). Writes are
// synchronous so the last lines before a crash or a signal are not lost. Every line
// is sanitised: the log holds daemon text, and `cat debug.log` must be as safe as dtui.
import {closeSync, mkdirSync, mkdtempSync, openSync, writeSync} from 'node:fs';
import {homedir, tmpdir} from 'node:os';
import {join} from 'node:path';
import {sanitize} from '../text/sanitize.js';

/** Longest line written: a 100 KB log line in an error message is no help to anyone. */
const maxLineLength = 2000;

let file: {readonly path: string; readonly fd: number} | undefined;
let enabled = false;

/** $XDG_STATE_HOME/dtui (the XDG default: ~/.local/state/dtui). */
export function stateDirectory(env: NodeJS.ProcessEnv): string {
	const state = env['XDG_STATE_HOME'];
	// The spec says a relative path is invalid and must be ignored.
	return join(state?.startsWith('/') ? state : join(env['HOME'] || homedir(), '.local', 'state'), 'dtui');
}

function open(env: NodeJS.ProcessEnv): {path: string; fd: number} {
	try {
		const directory = stateDirectory(env);
		mkdirSync(directory, {recursive: true, mode: 0o700});
		const path = join(directory, 'debug.log');
		return {path, fd: openSync(path, 'w', 0o600)};
	} catch {
		// No writable home (a locked-down account): a fresh private directory in /tmp,
		// never a fixed name there that someone else could have prepared.
		const path = join(mkdtempSync(join(tmpdir(), 'dtui-')), 'debug.log');
		return {path, fd: openSync(path, 'wx', 0o600)};
	}
}

function line(text: string): string {
	const safe = sanitize(text.length > maxLineLength ? `${text.slice(0, maxLineLength)}…` : text);
	return `${new Date().toISOString()} ${safe}\n`;
}

function append(text: string): void {
	if (!file) return;
	try {
		writeSync(file.fd, text);
	} catch {
		// A full disk must not take the dashboard down with it.
	}
}

/** --debug: starts the log (truncating the last one) and returns where it is. */
export function startDebugLog(env: NodeJS.ProcessEnv = process.env): string {
	file ??= open(env);
	enabled = true;
	return file.path;
}

export function debugLogPath(): string | undefined {
	return enabled ? file?.path : undefined;
}

/** One event; free when --debug is off. */
export function debug(message: string): void {
	if (enabled) append(line(message));
}

function describe(error: unknown): string {
	if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
	return String(error);
}

/**
 * Writes what crashed (with its stack) to the debug log, starting one if --debug was
 * not given, and returns its path; undefined when no file could be written at all.
 */
export function writeCrashReport(error: unknown, env: NodeJS.ProcessEnv = process.env): string | undefined {
	try {
		file ??= open(env);
	} catch {
		return undefined;
	}

	append(`${line('unexpected error, dtui exits')}${describe(error).split('\n').map(part => line(`  ${part}`)).join('')}`);
	return file.path;
}

/** For tests: forget the open file. */
export function closeDebugLog(): void {
	if (file) closeSync(file.fd);
	file = undefined;
	enabled = false;
}
