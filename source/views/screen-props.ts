// The props every screen gets from the router (app/screens.tsx), in a module of their
// own so views need not import the router that imports them.
import type {AppAction, AppState, Route} from '../state/app-state.js';
import type {ContextSwitcher} from '../state/context-switcher.js';
import type {Engine} from '../engine/engine.js';
import type {Monitor} from '../engine/monitor.js';
import type {RefreshOptions} from '../hooks/use-resource-list.js';
import type {TerminalHost} from '../terminal/terminal-host.js';

export type ScreenProps = {
	readonly engine: Engine;
	readonly monitor: Monitor;
	readonly state: AppState;
	readonly dispatch: (action: AppAction) => void;
	/** The state as the last key left it (keys can come faster than renders). */
	readonly current: () => AppState;
	readonly width: number;
	readonly height: number;
	readonly readOnly: boolean;
	readonly copyToClipboard: (text: string) => void;
	readonly refresh?: RefreshOptions;
	/** `:ctx`: absent in tests that do not switch daemons. */
	readonly contexts?: ContextSwitcher;
	/** Lent to exec and attach sessions. */
	readonly terminal?: TerminalHost;
};

/** What every screen and pane uses of ScreenProps. */
export type ScreenBasics = Pick<ScreenProps, 'engine' | 'monitor' | 'dispatch' | 'current' | 'width' | 'height'>;

/** What the screen of one kind of route gets: its route and the props every screen shares. */
export type RouteScreenProps<S extends Route['screen']> = ScreenBasics & {
	readonly route: Extract<Route, {screen: S}>;
};
