import {useEffect} from 'react';
import type {AppAction, Route} from '../state/app-state.js';
import type {ContainerSession} from '../engine/container-io.js';
import type {Engine} from '../engine/engine.js';
import type {Monitor} from '../engine/monitor.js';
import {findShell} from '../terminal/container-shell.js';
import {useContainerOptions} from '../hooks/container-options.js';
import {listStore} from '../hooks/shared-list-store.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {pipeSession} from '../terminal/session-pipe.js';
import type {TerminalHost} from '../terminal/terminal-host.js';
import {containers} from './containers.js';

type Props = {
	readonly route: Extract<Route, {screen: 'session'}>;
	readonly engine: Engine;
	readonly monitor: Monitor;
	readonly dispatch: (action: AppAction) => void;
	readonly terminal: TerminalHost;
};

/** Why a session cannot start, from the state the list last saw; undefined when it may. */
function refusal(mode: 'exec' | 'attach', name: string, state: string | undefined): string | undefined {
	if (state === undefined) return `${name} no longer exists`;
	if (state === 'paused' && mode === 'exec') return `${name} is paused: unpause it first (p), then e`;
	if (state !== 'running' && state !== 'paused' && state !== 'restarting') return `${name} is not running (${state}): start it first (s)`;
	return undefined;
}

/**
 * `e` / `a`: finds a shell (exec), opens the session, lends it the terminal, and comes
 * back to where it was opened (kept mounted underneath, see screens.tsx) with a line
 * saying how it ended. Draws nothing itself; its keys do nothing (only `q` leaves while
 * a shell is looked for); while the session runs every key goes to the container.
 */
export function SessionScreen({route, engine, monitor, dispatch, terminal}: Props) {
	const options = useContainerOptions();
	useScreenKeys({scopes: [], run: () => {}});

	useEffect(() => {
		const {mode, container, back} = route;
		// `q` before the session starts leaves this screen: nothing may start after that.
		let left = false;
		const finish = (text: string, tone: 'info' | 'error') => {
			if (left) return;
			dispatch({type: 'navigate', route: back});
			dispatch({type: 'flash', flash: {text, tone}});
		};

		async function run(): Promise<void> {
			const known = listStore(containers, engine, monitor).snapshot().items.find(item => item.id === container.id);
			const refused = refusal(mode, container.name, known?.state);
			if (refused) {
				finish(refused, 'error');
				return;
			}

			dispatch({type: 'flash', flash: {tone: 'busy', text: mode === 'exec' ? `Opening a shell in ${container.name}…` : `Attaching to ${container.name}…`}});
			let session: ContainerSession;
			let command: readonly string[] = [];
			if (mode === 'exec') {
				const shell = options.shell ?? (await findShell(engine, container.id));
				if (!shell) {
					finish(`No shell in ${container.name}: neither bash nor sh (--shell names another)`, 'error');
					return;
				}

				command = shell;
				session = await engine.execSession(container.id, shell, terminal.size());
			} else {
				session = await engine.attach(container.id, terminal.size());
			}

			if (left) {
				session.close();
				return;
			}

			dispatch({type: 'flash', flash: undefined});

			const outcome = await terminal.handOver(async io => {
				// Say where the user is: the session's screen starts empty.
				io.write(mode === 'exec' ? `dtui: ${command.join(' ')} in ${container.name} (exit to return)\r\n` : `dtui: attached to ${container.name} (ctrl+p ctrl+q detaches)\r\n`);
				return pipeSession(session, io, {detachKeys: mode === 'attach'});
			});
			if (outcome.detached) finish(`Detached from ${container.name} (it keeps running)`, 'info');
			else if (mode === 'attach') finish(`${container.name}: the session ended`, 'info');
			else finish(`Shell in ${container.name} ended${outcome.exitCode === undefined ? '' : ` (exit ${outcome.exitCode})`}`, 'info');
		}

		run().catch((error: unknown) => {
			finish(`${mode === 'exec' ? 'Exec' : 'Attach'} in ${container.name} failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
		});
		return () => {
			left = true;
		};
	}, [route, engine, monitor, dispatch, terminal, options.shell]);

	return null;
}
