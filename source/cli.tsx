import process from 'node:process';
import React from 'react';
import meow from 'meow';
import {render} from 'ink';
import {App} from './app.js';
import {ConnectionConfigError, resolveEndpoint} from './docker/connection.js';
import {createDockerodeEngine} from './docker/dockerode-engine.js';
import {createMonitor} from './docker/monitor.js';
import {isEngineError} from './docker/errors.js';
import {readOnlyEngine} from './docker/read-only-engine.js';
import {enterFullScreen, osc52, restoreTerminal} from './terminal.js';

const cli = meow(
	`
	Usage
	  $ dtui [options]

	Options
	  -H, --host URL     Daemon to talk to: unix:///path/docker.sock or tcp://HOST:PORT
	                     (default: $DOCKER_HOST, else unix:///var/run/docker.sock)
	  --read-only        Look, never touch: every command that changes something is gone
	  -h, --help         Show this help
	  -v, --version      Show the version

	Keys
	  ? shows every key inside dtui. j/k move, / filters, space marks, s start/stop,
	  r restart, p pause, K kill, D remove, c copies the id, : opens the command line, q quits.

	Exit codes
	  0 normal exit; 1 bad host or settings, or the daemon cannot be reached or refused;
	  2 bad usage (unknown flag, no terminal); 70 unexpected error
`,
	{
		importMeta: import.meta,
		flags: {
			host: {type: 'string', shortFlag: 'H'},
			readOnly: {type: 'boolean', default: false},
			help: {type: 'boolean', shortFlag: 'h'},
			version: {type: 'boolean', shortFlag: 'v'},
		},
		autoHelp: true,
		autoVersion: true,
		allowUnknownFlags: false,
	},
);

function fail(message: string, code: number): never {
	process.stderr.write(`dtui: ${message}\n`);
	process.exit(code);
}

async function main() {
	let endpoint;
	try {
		endpoint = resolveEndpoint({host: cli.flags.host, env: process.env});
	} catch (error) {
		if (error instanceof ConnectionConfigError) fail(error.message, 1);
		throw error;
	}

	const base = createDockerodeEngine(endpoint);
	const engine = cli.flags.readOnly ? readOnlyEngine(base) : base;
	try {
		await engine.ping(AbortSignal.timeout(5000));
	} catch (error) {
		fail(isEngineError(error) ? error.message : String(error), 1);
	}

	if (!process.stdout.isTTY || !process.stdin.isTTY) fail('the dashboard needs a terminal (stdin and stdout must be a TTY)', 2);

	const monitor = createMonitor(engine);
	enterFullScreen();
	const instance = render(
		<App engine={engine} monitor={monitor} readOnly={cli.flags.readOnly} copyToClipboard={text => process.stdout.write(osc52(text))} />,
		// Ink 6.8's incrementalRendering moves the cursor one line short when the frame ends
		// with a newline (every frame shorter than the terminal), leaving a stale first line.
		{exitOnCtrlC: false, patchConsole: false, maxFps: 30},
	);

	function shutdown(code: number) {
		instance.unmount();
		monitor.stop();
		engine.close();
		restoreTerminal();
		process.exit(code);
	}

	process.on('SIGTERM', () => shutdown(143));
	process.on('SIGHUP', () => shutdown(129));
	process.on('SIGINT', () => shutdown(130));
	const crash = (error: unknown) => {
		try {
			instance.unmount();
		} catch {}

		restoreTerminal();
		fail(`unexpected error: ${error instanceof Error ? error.message : String(error)}`, 70);
	};

	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	await instance.waitUntilExit();
	shutdown(0);
}

await main();
