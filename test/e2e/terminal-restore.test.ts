// Every way out gives the terminal back: alternate screen left, cursor shown, process gone.
import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {daemonSocket, realDaemonSkip} from '../helpers/daemon.js';
import {startTerminal, type Terminal} from '../helpers/tmux.js';
import {alive} from '../helpers/own-daemon.js';

const dir = mkdtempSync(join(tmpdir(), 'dtui-restore-'));
after(() => {
	rmSync(dir, {recursive: true, force: true});
});


/** dtui under a shell that outlives it, with its pid written down, once its first frame shows. */
async function launch(name: string): Promise<{terminal: Terminal; pid: number}> {
	const pidFile = join(dir, `${name}.pid`);
	const inner = `echo $$ > ${pidFile}; exec node bin/dtui.js`;
	const terminal = await startTerminal({command: ['sh', '-c', `sh -c '${inner}'; echo "dtui exited with $?"; sleep 600`], env: {DOCKER_HOST: `unix://${daemonSocket!}`}, cols: 100, rows: 24});
	await terminal.waitForText(/running \/ \d+ total/);
	const info = await terminal.paneInfo();
	assert.equal(info.alternateOn, true, 'the dashboard runs on the alternate screen');
	return {terminal, pid: Number(readFileSync(pidFile, 'utf8'))};
}

async function assertRestored(terminal: Terminal, pid: number, code: number) {
	await terminal.waitForText(`dtui exited with ${code}`);
	const info = await terminal.paneInfo();
	assert.equal(info.alternateOn, false, 'alternate screen left');
	assert.equal(info.cursorVisible, true, 'cursor shown');
	assert.equal(alive(pid), false, 'process gone');
}

describe('the terminal is restored on every exit path', {skip: realDaemonSkip()}, () => {
	for (const [how, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
		test(how, async () => {
			const {terminal, pid} = await launch(how);
			try {
				process.kill(pid, how);
				await assertRestored(terminal, pid, code);
			} finally {
				await terminal.kill();
			}
		});
	}

	for (const [how, key] of [['ctrl+c', 'C-c'], [':q', ':q\r'], ['q', 'q']] as const) {
		test(how, async () => {
			const {terminal, pid} = await launch(how.replace(/\W/g, '_'));
			try {
				await (key === 'C-c' ? terminal.sendKeys('C-c') : terminal.typeText(key));
				await assertRestored(terminal, pid, 0);
			} finally {
				await terminal.kill();
			}
		});
	}
});
