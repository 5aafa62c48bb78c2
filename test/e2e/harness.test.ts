// Proves the tmux harness itself, without the app: if these fail, the e2e tests of
// the dashboard cannot be trusted either.
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {after, describe, test} from 'node:test';
import {startTerminal, type StartOptions, type Terminal} from '../helpers/tmux.js';
import {inCi} from '../helpers/ci.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const terminals: Terminal[] = [];

async function open(options: StartOptions): Promise<Terminal> {
	const terminal = await startTerminal(options);
	terminals.push(terminal);
	return terminal;
}

after(async () => {
	await Promise.all(terminals.map(terminal => terminal.kill()));
});

describe('tmux harness', () => {
	test('sees the alternate screen come and go, presses Enter, reads the exit status', async () => {
		const terminal = await open({command: ['sh', '-c', 'printf "\\033[?1049hhello"; read x; printf "\\033[?1049l"'], cols: 40, rows: 10});
		await terminal.waitForText('hello');
		assert.equal((await terminal.paneInfo()).alternateOn, true);

		await terminal.sendKeys('Enter');
		assert.equal(await terminal.waitForExit(5000), 0);
		assert.equal((await terminal.paneInfo()).alternateOn, false);
	});

	test('types text exactly (semicolons too), passes env, resizes, reports a non-zero status', async () => {
		// CI must not leak into the pane: Ink would not draw in a "CI" terminal.
		const script = 'printf "ready %s ci=%s\\n" "$GREETING" "${CI-unset}"; read line; printf "[%s]\\n" "$line"; read x; stty size; exit 3';
		const terminal = await open({command: ['sh', '-c', script], env: {GREETING: 'hi there'}, cols: 60, rows: 12});
		await terminal.waitForText('ready hi there ci=unset');

		await terminal.sendKeys('q; -x Enter;', 'Enter');
		await terminal.waitForText('[q; -x Enter;]');

		await terminal.resize(50, 8);
		await terminal.sendKeys('Enter');
		assert.equal(await terminal.waitForExit(5000), 3);
		assert.match(await terminal.screen(), /^8 50$/m);
	});

	test('a program that dies in the alternate screen is still seen there', async () => {
		const terminal = await open({command: ['sh', '-c', 'printf "\\033[?1049hcrashed"; exit 70']});
		assert.equal(await terminal.waitForExit(5000), 70);
		assert.equal((await terminal.paneInfo()).alternateOn, true);
		assert.equal(await terminal.screen(), 'crashed');
	});

	test('waitForText fails with the screen it last saw', async () => {
		const terminal = await open({command: ['sh', '-c', 'echo nothing to see; sleep 5']});
		await assert.rejects(terminal.waitForText(/never shown/, 200), /never shown[\s\S]*nothing to see/);
	});

	// Skipped only locally before the first build: CI builds first, so there it must run.
	const bundled = existsSync(`${root}dist/dtui.js`);
	const skip = bundled || inCi() ? false : 'dist/dtui.js is not built yet (npm run build)';

	test('node bin/dtui.js --version prints the version from package.json', {skip}, async () => {
		const {version} = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {version: string};
		const terminal = await open({command: [process.execPath, 'bin/dtui.js', '--version'], cwd: root});
		assert.equal(await terminal.waitForExit(10_000), 0);
		assert.equal(await terminal.screen(), version);
	});
});
