import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {closeDebugLog, debug, debugLogPath, startDebugLog, stateDirectory, writeCrashReport} from '../../source/start/debug-log.js';

const dir = mkdtempSync(join(tmpdir(), 'dtui-debug-log-'));
after(() => {
	closeDebugLog();
	rmSync(dir, {recursive: true, force: true});
});

describe('the debug log', () => {
	test('lives in $XDG_STATE_HOME/dtui, else ~/.local/state/dtui (a relative XDG_STATE_HOME is ignored, as the spec says)', () => {
		assert.equal(stateDirectory({XDG_STATE_HOME: '/var/state', HOME: '/home/u'}), '/var/state/dtui');
		assert.equal(stateDirectory({XDG_STATE_HOME: 'relative', HOME: '/home/u'}), '/home/u/.local/state/dtui');
		assert.equal(stateDirectory({HOME: '/home/u'}), '/home/u/.local/state/dtui');
	});

	test('off: debug() writes nothing and there is no path', () => {
		debug('nobody hears this');
		assert.equal(debugLogPath(), undefined);
	});

	test('on: timestamped lines, made inert (daemon text in a log must be safe to cat), private to the user', () => {
		const path = startDebugLog({XDG_STATE_HOME: join(dir, 'state')});
		assert.equal(path, join(dir, 'state', 'dtui', 'debug.log'));
		assert.equal(debugLogPath(), path);
		debug('event: container create \u001B]0;pwned\u0007');
		const text = readFileSync(path, 'utf8');
		assert.match(text, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z event: container create \^\[\]0;pwned\^G\n$/);
		assert.equal(statSync(path).mode & 0o777, 0o600);
		closeDebugLog();
	});

	test('a crash writes its stack even without --debug, and says where', () => {
		const error = new Error('boom \u001B[2J');
		const path = writeCrashReport(error, {XDG_STATE_HOME: join(dir, 'crash')});
		assert.equal(path, join(dir, 'crash', 'dtui', 'debug.log'));
		const lines = readFileSync(path, 'utf8').split('\n');
		assert.match(lines[0]!, /Z unexpected error, dtui exits$/);
		assert.match(lines[1]!, /Z {3}Error: boom \^\[\[2J$/);
		assert.match(lines[2]!, /Z {7}at /);
		closeDebugLog();
	});

	test('no writable state directory: a private directory in the temporary one', () => {
		// A file where the directory would go: nothing can be created below it.
		const blocked = join(dir, 'a-file');
		writeFileSync(blocked, '');
		const path = writeCrashReport(new Error('x'), {XDG_STATE_HOME: blocked, HOME: blocked});
		assert.ok(path?.startsWith(join(tmpdir(), 'dtui-')), path);
		if (path === undefined) return;
		assert.equal(statSync(join(path, '..')).mode & 0o777, 0o700);
		rmSync(join(path, '..'), {recursive: true, force: true});
		closeDebugLog();
	});
});
