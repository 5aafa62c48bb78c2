// The full-screen dashboard: owns the Ink instance and every way out of it.
import process from 'node:process';
import React from 'react';
import {render} from 'ink';
import {SwitchableApp, type Session} from '../app/switchable-app.js';
import {connect, connectMany, ConnectFailure, targetsOf, type HostConnection} from './connect.js';
import {crashLine} from './crash.js';
import {debug, debugLogPath} from './debug-log.js';
import {debugEngine} from './debug-engine.js';
import type {Engine} from '../engine/engine.js';
import {createMonitor, type Monitor} from '../engine/monitor.js';
import {replacePaintedFrame, takeHeadStart} from './head-start.js';
import {listStore} from '../hooks/shared-list-store.js';
import {containers} from '../views/containers.js';
import {enterFullScreen, osc52, restoreTerminal} from '../terminal/terminal.js';
import {createTerminalHost, mutableOutput} from '../terminal/terminal-host.js';
import {defaultContainerOptions} from '../hooks/container-options.js';
import {createFleetSession} from './fleet-session.js';
import {fleetOf} from '../fleet/fleet.js';

export type DashboardOptions = {
	readonly readOnly: boolean;
	/** What the engine was resolved from, for `:ctx` to mark the context in use. */
	readonly host?: string;
	readonly context?: string;
	/** --debug: requests, events and status changes go to the debug log (already started). */
	readonly debug?: boolean;
	/** Prints one line and exits with the code. */
	readonly fail: (message: string, code: number) => never;
	/** --shell: what `e` runs instead of looking for bash, then sh. */
	readonly shell?: readonly string[];
	/** --log-lines: the size of a log view's buffer. */
	readonly logLines?: number;
};

/** What the connection did, for the debug log: status changes and every event's gist (in a fleet, each host's). */
function logConnection(monitor: Monitor): void {
	const fleet = fleetOf(monitor);
	const hosts = fleet?.members.map(member => ({monitor: member.monitor, name: `connection ${member.label}`})) ?? [{monitor, name: 'connection'}];
	for (const {monitor: one, name} of hosts) {
		one.onStatus(() => {
			const status = one.status();
			debug(`${name}: ${status.state}${status.state === 'disconnected' ? ` (${status.reason})` : ''}`);
		});
		one.onReconnect(() => debug(`${name}: reconnected, refreshing everything`));
	}

	monitor.onEvent(event => {
		const host = fleet?.ownerOf(event.id)?.label;
		debug(`event: ${event.type} ${event.action} ${event.id.slice(0, 12)} ${event.name ?? '-'}${host === undefined ? '' : ` on ${host}`} time ${event.time}`);
	});
}

/**
 * For the end-to-end test of the crash path only: an error nobody catches, thrown
 * after the first frame, the way a bug in a view would.
 */
function simulateCrash(kind: string | undefined): void {
	if (kind === undefined || kind === '') return;
	setTimeout(() => {
		const error = new Error(`simulated crash (DTUI_SIMULATE_CRASH=${kind})`);
		if (kind === 'rejection') void Promise.reject(error);
		else throw error;
	}, 500);
}

/**
 * Ink's incremental mode rewrites only the lines that changed (a key that moves the
 * cursor: two rows, not the screen; an idle refresh: the cells whose text changed). Ink
 * 6.8 draws such frames one line low when they are shorter than the terminal (ours are);
 * scripts/bundle-patches.mjs fixes that in the bundle and says so on globalThis. Run
 * unbundled, or if the fix no longer applies, the mode stays off.
 */
function inkIncrementalFixed(): boolean {
	return (globalThis as {dtuiInkIncrementalFixed?: boolean}).dtuiInkIncrementalFixed === true;
}

/** One daemon, or several (`:ctx a,b`): the engine and monitor the app runs on. */
async function connectSession(name: string, options: DashboardOptions): Promise<Session> {
	const wrap = (engine: Engine) => (options.debug ? debugEngine(engine) : engine);
	try {
		const targets = targetsOf([], [name]);
		if (targets.length > 1) {
			const hosts = await connectMany(targets, {readOnly: options.readOnly, env: process.env});
			if (hosts.every(host => host.error !== undefined)) {
				for (const host of hosts) host.engine.close();
				throw new ConnectFailure(hosts.map(host => `${host.label}: ${host.error}`).join('; '));
			}

			return {...createFleetSession(hosts, {wrap}), context: name};
		}

		const engine = wrap(await connect({context: name, readOnly: options.readOnly, env: process.env}));
		return {engine, monitor: createMonitor(engine), context: name};
	} catch (error) {
		throw error instanceof ConnectFailure ? new Error(error.message) : error;
	}
}

/** The first session: a connected engine, or (several --host / --context) the hosts of a fleet. */
function firstSession(connected: Engine | readonly HostConnection[], options: DashboardOptions): Session {
	if (Array.isArray(connected)) return {...createFleetSession(connected as readonly HostConnection[], options.debug ? {wrap: debugEngine} : {}), context: options.context};
	const engine = options.debug ? debugEngine(connected as Engine) : (connected as Engine);
	// What start.ts fetched to paint the first frame, if it did: Ink's first frame is then
	// that frame (rows, not "Loading…"; the engine, not "connecting…").
	const head = takeHeadStart(engine.host);
	const monitor = createMonitor(engine, head ? {connected: head.info} : {});
	if (head) listStore(containers, engine, monitor).prime(head.containers);
	return {engine, monitor, context: options.context};
}

export async function runDashboard(connected: Engine | readonly HostConnection[], options: DashboardOptions): Promise<never> {
	// The session in use: `:ctx NAME` replaces it (switchable-app.tsx); shutdown closes this one.
	let session = firstSession(connected, options);
	if (options.debug) logConnection(session.monitor);
	// Node's own warnings go to stderr, which is the terminal the dashboard draws on: to the debug log instead.
	process.removeAllListeners('warning');
	process.on('warning', warning => debug(`node warning: ${warning.name}: ${warning.message}`));
	enterFullScreen();
	replacePaintedFrame(process.stdout);
	// Ink writes through a stream that can fall silent while an exec or attach has the terminal.
	const output = mutableOutput(process.stdout);
	const terminal = createTerminalHost(output);
	const containerOptions = {...defaultContainerOptions, logLines: options.logLines ?? defaultContainerOptions.logLines, ...(options.shell ? {shell: options.shell} : {})};

	const instance = render(
		<SwitchableApp
			first={session}
			connectTo={async name => connectSession(name, options)}
			onSession={next => {
				session = next;
				if (options.debug) logConnection(next.monitor);
			}}
			host={options.host}
			env={process.env}
			readOnly={options.readOnly}
			copyToClipboard={text => process.stdout.write(osc52(text))}
			terminal={terminal}
			containerOptions={containerOptions}
		/>,
		// maxFps bounds how soon a frame may follow the one before: a key pressed just after
		// a followed log's frame waited up to 1000 / maxFps ms for its own. A log's frames
		// are gathered every 50 ms anyway, so 60 costs nothing more while one scrolls.
		{stdout: output.stream, exitOnCtrlC: false, patchConsole: false, maxFps: 60, incrementalRendering: inkIncrementalFixed()},
	);

	function shutdown(code: number): never {
		instance.unmount();
		session.monitor.stop();
		session.engine.close();
		restoreTerminal();
		debug(`exit ${code}`);
		const log = debugLogPath();
		if (log !== undefined) process.stderr.write(`dtui: debug log written to ${log}\n`);
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
		options.fail(crashLine(error), 70);
	};

	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);
	simulateCrash(process.env['DTUI_SIMULATE_CRASH']);
	await instance.waitUntilExit();
	return shutdown(0);
}
