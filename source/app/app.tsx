import React, {useEffect, useMemo, useRef, useSyncExternalStore} from 'react';
import {Box, useApp, useInput, type Key} from 'ink';
import {backOf, initialState, reducer, type AppState} from '../state/app-state.js';
import {routeKey, splitKeys} from './app-input.js';
import type {Engine} from '../engine/engine.js';
import type {Monitor} from '../engine/monitor.js';
import {activeBindings, type Command} from '../keymap/keymap.js';
import {useConnection} from '../hooks/use-connection.js';
import {useResourceList, type RefreshOptions} from '../hooks/use-resource-list.js';
import {ScreenKeysContext, type ScreenKeys} from '../hooks/use-screen-keys.js';
import {useStore} from '../hooks/use-store.js';
import {useTerminalSize, type TerminalSize} from '../hooks/use-terminal-size.js';
import {Header} from './header.js';
import {StatusBar} from './status-bar.js';
import {ConfirmDialog, confirmHeight} from './confirm-dialog.js';
import {TooSmall, isTooSmall} from '../components/too-small.js';
import {HelpOverlay} from '../components/help-overlay.js';
import {containers} from '../views/containers.js';
import {renderScreen} from './screens.js';
import {runCommandLine} from './command-line.js';
import type {ContextSwitcher} from '../state/context-switcher.js';
import {recordEvents} from '../hooks/event-log.js';
import {navigationFor, systemRoute} from './navigation.js';
import {sanitize} from '../text/sanitize.js';
import {runRegistryCommandLine, runRegistryKey} from '../transfers/registry-commands.js';
import {useTransfers} from '../hooks/use-transfers.js';
import {TransferProgress, transferPanelHeight} from '../views/transfer-progress.js';
import {ContainerOptionsContext, defaultContainerOptions, type ContainerOptions} from '../hooks/container-options.js';
import {noTerminal, type TerminalHost} from '../terminal/terminal-host.js';
import {fleetOf, hostForScreen} from '../fleet/fleet.js';
import {useFleetHosts} from '../hooks/use-fleet-hosts.js';

export type AppProps = {
	readonly engine: Engine;
	readonly monitor: Monitor;
	readonly readOnly?: boolean;
	/** Fixed size for tests; the real terminal's otherwise. */
	readonly size?: TerminalSize;
	/** Writes an OSC 52 sequence (or records it, in tests). */
	readonly copyToClipboard: (text: string) => void;
	readonly refresh?: RefreshOptions;
	/** Lends the terminal to an exec or attach session (cli.tsx: the real one; tests: a fake). */
	readonly terminal?: TerminalHost;
	/** `--shell`, `--log-lines`, where logs are saved… */
	readonly containerOptions?: ContainerOptions;
	/** `:ctx`: the docker contexts and a live switch between them. */
	readonly contexts?: ContextSwitcher;
};

/** Lines of the frame around the screen: the header, then the status line and the hints. */
const chromeLines = 3;

export function App({engine, monitor, readOnly = false, size, copyToClipboard, refresh, terminal = noTerminal, containerOptions = defaultContainerOptions, contexts}: AppProps) {
	const {exit} = useApp();

	/** `:ctx` opens the contexts; `:ctx NAME` switches at once (dashboard.tsx remounts the app). */
	function switchContext(name: string | undefined) {
		if (!contexts) {
			dispatch({type: 'flash', flash: {tone: 'error', text: 'Contexts cannot be switched here'}});
			return;
		}

		if (name === undefined) {
			const here = current().route;
			dispatch({type: 'navigate', route: {screen: 'contexts', back: here.screen === 'contexts' ? here.back : here}});
			return;
		}

		dispatch({type: 'flash', flash: {tone: 'busy', text: `Switching to context ${sanitize(name)}…`}});
		contexts.switchTo(name).catch((error: unknown) => {
			dispatch({type: 'flash', flash: {tone: 'error', text: `context ${sanitize(name)}: ${error instanceof Error ? error.message : String(error)}`}});
		});
	}
	const {columns: width, rows: terminalRows} = useTerminalSize(size);
	const [state, dispatch, current] = useStore(reducer, initialState);
	const connection = useConnection(monitor);
	// The header counts containers whatever is on show; the containers view shares this list.
	const containerList = useResourceList(containers, engine, monitor, refresh);
	const bindings = useMemo(() => activeBindings({readOnly}), [readOnly]);
	const screenKeys = useRef<ScreenKeys | undefined>(undefined);
	// While a container has the terminal (exec, attach), the dashboard neither draws nor reads keys.
	const lent = useSyncExternalStore(terminal.subscribe, terminal.handedOver);
	// Pulls and pushes run outside any screen: the panel shows them whatever is on show.
	const transfers = useTransfers(engine);
	const registry = {engine, current, dispatch, readOnly, selection: () => screenKeys.current?.selection?.()};
	// `:events` shows what happened since dtui started, not only since it was opened.
	useEffect(() => recordEvents(engine, monitor), [engine, monitor]);
	// Keys that arrive together with one that changes the screen ("2i", tab then j) belong to
	// the new screen: they wait until it has rendered and registered its keys.
	const renderedRoute = useRef(state.route);
	renderedRoute.current = state.route;
	const waitingKeys = useRef<Array<{input: string; key: Key}>>([]);

	// Never the terminal's last line: Ink clears the whole screen on every frame that reaches it.
	const usable = Math.max(chromeLines + 3, terminalRows - 1);
	// A fleet's header always has its hosts' line; one daemon's, a banner while it is away.
	const fleet = fleetOf(engine);
	const hosts = useFleetHosts(fleet, containerList.loaded ? containerList.items : undefined);
	const banner = fleet || connection.state === 'disconnected' ? 1 : 0;
	const dialog = state.overlay.kind === 'confirm' ? confirmHeight(state.overlay.request) : 0;
	// The transfer panel takes room from the screen, never all of it.
	const panel = Math.min(transferPanelHeight(transfers, width), Math.max(0, usable - chromeLines - banner - dialog - 6));
	const screenHeight = Math.max(3, usable - chromeLines - banner - dialog - panel);

	function runGlobal(command: Command) {
		switch (command) {
			case 'app.help': dispatch({type: 'open', overlay: {kind: 'help', scroll: 0}}); break;
			case 'app.back': {
				// Screens other than the lists know where they came from; the lists are the top.
				const back = backOf(current().route);
				if (back) dispatch({type: 'navigate', route: back});
				else exit();
				break;
			}

			case 'app.quit': exit(); break;
			case 'app.commandLine': dispatch({type: 'open', overlay: {kind: 'command', draft: ''}}); break;
			case 'help.close': dispatch({type: 'close'}); break;
			case 'help.down': dispatch({type: 'helpScroll', delta: 1}); break;
			case 'help.up': dispatch({type: 'helpScroll', delta: -1}); break;
			default: {
				if (runRegistryKey(command, registry)) break;
				const route = navigationFor(command, current().route);
				if (route) dispatch({type: 'navigate', route});
				else screenKeys.current?.run(command);
			}
		}
	}

	function handleKey(input: string, key: Key) {
		const outcome = routeKey(current(), screenKeys.current?.scopes ?? [], bindings, input, key);
		switch (outcome.kind) {
			case 'quit': exit(); break;
			case 'dispatch': dispatch(outcome.action); break;
			case 'command': runGlobal(outcome.command); break;
			case 'submitCommandLine':
				dispatch({type: 'close'});
				runCommandLine(outcome.line, {
					quit: exit,
					showList: kind => dispatch({type: 'navigate', route: {screen: 'list', kind}}),
					showView: view => dispatch({type: 'navigate', route: systemRoute(view, current().route, hostForScreen(engine, screenKeys.current?.selection?.().selectedId)?.key)}),
					showTop: () => {
						const here = current().route;
						dispatch({type: 'navigate', route: {screen: 'top', back: here.screen === 'top' ? here.back : here}});
					},
					help: () => dispatch({type: 'open', overlay: {kind: 'help', scroll: 0}}),
					flash: (text, tone) => dispatch({type: 'flash', flash: {text, tone}}),
					registry: (name, args) => runRegistryCommandLine(name, args, registry),
					context: name => switchContext(name),
				});
				break;
			case 'none': break;
		}
	}

	// Too small to show anything: keys the user cannot see the effect of (a dialog's y)
	// are not taken, only the way out.
	const tooSmall = isTooSmall(width, terminalRows);
	useInput((input, key) => {
		if (tooSmall) {
			if (input === 'q' || (key.ctrl && input === 'c')) exit();
			return;
		}

		for (const one of splitKeys(input, key)) {
			if (waitingKeys.current.length > 0 || current().route !== renderedRoute.current) waitingKeys.current.push(one);
			else handleKey(one.input, one.key);
		}
	}, {isActive: !lent});

	// After each render the new screen has its keys: hand it what waited, until one changes the screen again.
	useEffect(() => {
		while (waitingKeys.current.length > 0 && current().route === renderedRoute.current) {
			const next = waitingKeys.current.shift()!;
			handleKey(next.input, next.key);
		}
	});

	const {overlay} = state;
	const prompt = promptOf(state);
	// Read when the status bar renders, after the screen below has registered its keys (a new screen's, not the last one's).
	const hints = () => bindings.filter(binding => 'hint' in binding && binding.hint && (binding.scope === 'global' || screenKeys.current?.scopes.includes(binding.scope)));
	const counts = containerList.loaded ? {running: containerList.items.filter(item => item.state === 'running').length, total: containerList.items.length} : undefined;
	// Hidden rather than unmounted while too small: open streams and screens keep their state.
	return (
		<>
		{tooSmall && !lent ? <TooSmall columns={width} rows={terminalRows} /> : null}
		<Box display={tooSmall || lent ? 'none' : 'flex'} flexDirection="column" width={width} height={usable}>
			<Header host={engine.host} status={connection} counts={counts} readOnly={readOnly} width={width} {...(hosts ? {hosts} : {})} />
			<ContainerOptionsContext.Provider value={containerOptions}>
			<ScreenKeysContext.Provider value={screenKeys}>
				{overlay.kind === 'help' ? (
					<HelpOverlay bindings={bindings} scopes={[...(screenKeys.current?.scopes ?? []), 'global']} height={screenHeight + dialog} width={width} scroll={overlay.scroll} />
				) : (
					renderScreen({engine, monitor, state, dispatch, current, width, height: screenHeight, readOnly, copyToClipboard, refresh, terminal, contexts})
				)}
			</ScreenKeysContext.Provider>
			</ContainerOptionsContext.Provider>
			{panel > 0 ? <TransferProgress transfers={transfers} width={width} height={panel} /> : null}
			{overlay.kind === 'confirm' ? <ConfirmDialog request={overlay.request} width={Math.min(width, 72)} /> : null}
			<StatusBar flash={state.flash} prompt={prompt} hints={hints} width={width} />
		</Box>
		</>
	);
}

function promptOf(state: AppState): {label: string; text: string} | undefined {
	const {overlay, route} = state;
	if (overlay.kind === 'filter' && route.screen === 'list') return {label: '/', text: sanitize(state.lists[route.kind].filter)};
	if (overlay.kind === 'command') return {label: ':', text: sanitize(overlay.draft)};
	if (overlay.kind === 'filter' && 'search' in route) return {label: '/', text: sanitize(route.search)};
	return undefined;
}

