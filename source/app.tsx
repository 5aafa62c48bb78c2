import React, {useMemo, useRef} from 'react';
import {Box, useApp, useInput, type Key} from 'ink';
import {backOf, initialState, reducer, type AppState} from './app-state.js';
import {routeKey, splitKeys} from './app-input.js';
import type {Engine} from './docker/engine.js';
import type {Monitor} from './docker/monitor.js';
import {activeBindings, type Command} from './keymap/keymap.js';
import {useConnection} from './hooks/use-connection.js';
import {useResourceList, type RefreshOptions} from './hooks/use-resource-list.js';
import {ScreenKeysContext, type ScreenKeys} from './hooks/use-screen-keys.js';
import {useStore} from './hooks/use-store.js';
import {useTerminalSize, type TerminalSize} from './hooks/use-terminal-size.js';
import {Header} from './components/header.js';
import {StatusBar} from './components/status-bar.js';
import {ConfirmDialog, confirmHeight} from './components/confirm-dialog.js';
import {HelpOverlay} from './components/help-overlay.js';
import {containers} from './views/containers.js';
import {renderScreen} from './screens.js';
import {runCommandLine} from './command-line.js';
import {sanitize} from './sanitize.js';

export type AppProps = {
	readonly engine: Engine;
	readonly monitor: Monitor;
	readonly readOnly?: boolean;
	/** Fixed size for tests; the real terminal's otherwise. */
	readonly size?: TerminalSize;
	/** Writes an OSC 52 sequence (or records it, in tests). */
	readonly copyToClipboard: (text: string) => void;
	readonly refresh?: RefreshOptions;
};

/** Lines of the frame around the screen: the header, then the status line and the hints. */
const chromeLines = 3;

export function App({engine, monitor, readOnly = false, size, copyToClipboard, refresh}: AppProps) {
	const {exit} = useApp();
	const {columns: width, rows: terminalRows} = useTerminalSize(size);
	const [state, dispatch, current] = useStore(reducer, initialState);
	const connection = useConnection(monitor);
	// The header counts containers whatever is on show; the containers view shares this list.
	const containerList = useResourceList(containers, engine, monitor, refresh);
	const bindings = useMemo(() => activeBindings({readOnly}), [readOnly]);
	const screenKeys = useRef<ScreenKeys | undefined>(undefined);

	// Never the terminal's last line: Ink clears the whole screen on every frame that reaches it.
	const usable = Math.max(chromeLines + 3, terminalRows - 1);
	const banner = connection.state === 'disconnected' ? 1 : 0;
	const dialog = state.overlay.kind === 'confirm' ? confirmHeight(state.overlay.request) : 0;
	const screenHeight = Math.max(3, usable - chromeLines - banner - dialog);

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
			default: screenKeys.current?.run(command);
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
					help: () => dispatch({type: 'open', overlay: {kind: 'help', scroll: 0}}),
					flash: (text, tone) => dispatch({type: 'flash', flash: {text, tone}}),
				});
				break;
			case 'none': break;
		}
	}

	useInput((input, key) => {
		for (const one of splitKeys(input, key)) handleKey(one.input, one.key);
	});

	const {overlay} = state;
	const prompt = promptOf(state);
	const hints = bindings.filter(binding => 'hint' in binding && binding.hint && (binding.scope === 'global' || screenKeys.current?.scopes.includes(binding.scope)));
	const counts = containerList.loaded ? {running: containerList.items.filter(item => item.state === 'running').length, total: containerList.items.length} : undefined;
	return (
		<Box flexDirection="column" width={width} height={usable}>
			<Header host={engine.host} status={connection} counts={counts} readOnly={readOnly} width={width} />
			<ScreenKeysContext.Provider value={screenKeys}>
				{overlay.kind === 'help' ? (
					<HelpOverlay bindings={bindings} scopes={[...(screenKeys.current?.scopes ?? []), 'global']} height={screenHeight + dialog} width={width} scroll={overlay.scroll} />
				) : (
					renderScreen({engine, monitor, state, dispatch, current, width, height: screenHeight, readOnly, copyToClipboard, refresh})
				)}
			</ScreenKeysContext.Provider>
			{overlay.kind === 'confirm' ? <ConfirmDialog request={overlay.request} width={Math.min(width, 72)} /> : null}
			<StatusBar flash={state.flash} prompt={prompt} hints={hints} width={width} />
		</Box>
	);
}

function promptOf(state: AppState): {label: string; text: string} | undefined {
	const {overlay, route} = state;
	if (overlay.kind === 'filter' && route.screen === 'list') return {label: '/', text: sanitize(state.lists[route.kind].filter)};
	if (overlay.kind === 'command') return {label: ':', text: sanitize(overlay.draft)};
	return undefined;
}

