// Which screen a route shows. A new kind of screen is a Route variant in app-state.ts
// and a case here; the screen hands its keys to the app with useScreenKeys.
import React, {Fragment, type ReactNode} from 'react';
import type {AppAction, AppState, Route} from './app-state.js';
import type {Engine} from '../engine/engine.js';
import type {Monitor} from '../engine/monitor.js';
import type {RefreshOptions} from '../hooks/use-resource-list.js';
import {descriptors} from '../views/registry.js';
import {ContextsView} from '../views/contexts-view.js';
import type {ContextSwitcher} from './context-switcher.js';
import {ResourceView} from '../views/resource-view.js';
import {InspectView} from '../views/inspect-view.js';
import {HistoryView} from '../views/history-view.js';
import {DfView} from '../views/df-view.js';
import {InfoView} from '../views/info-view.js';
import {ContainerDetail} from '../views/container-detail.js';
import {MultiLogsView} from '../views/multi-logs-view.js';
import {TopView} from '../views/top-view.js';
import {SessionScreen} from '../views/session-screen.js';
import {noTerminal, type TerminalHost} from '../terminal/terminal-host.js';
import {memberView} from '../fleet/fleet.js';

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

export function renderScreen(props: ScreenProps): ReactNode {
	const {route} = props.state;
	// A session (exec, attach) keeps the screen it was opened from mounted underneath — hidden
	// with the rest of the dashboard while it runs — so coming back finds it exactly as it was.
	if (route.screen === 'session') {
		return [
			<Fragment key="screen">{screenFor({...props, state: {...props.state, route: route.back}})}</Fragment>,
			<SessionScreen key="session" route={route} {...props} terminal={props.terminal ?? noTerminal} />,
		];
	}

	return [<Fragment key="screen">{screenFor(props)}</Fragment>];
}

function screenFor(props: ScreenProps): ReactNode {
	const {route} = props.state;
	switch (route.screen) {
		case 'list':
			return <ResourceView key={route.kind} kind={route.kind} descriptor={descriptors[route.kind]} {...props} />;
		case 'inspect':
			return <InspectView key={`${route.kind}/${route.id}`} route={route} {...props} />;
		case 'history':
			return <HistoryView key={route.id} route={route} {...props} />;
		// In a fleet: the daemon of the host they were opened for.
		case 'df':
			return <DfView key={route.host} route={route} {...memberView(props, route.host)} />;
		case 'info':
			return <InfoView key={route.host} route={route} {...memberView(props, route.host)} />;
		case 'contexts':
			return props.contexts ? <ContextsView route={route} contexts={props.contexts} {...props} /> : null;
		case 'container':
			return <ContainerDetail key={route.container.id} route={route} {...props} />;
		case 'logs':
			return <MultiLogsView key={route.containers.map(container => container.id).join(',')} route={route} {...props} />;
		case 'top':
			return <TopView route={route} {...props} />;
		case 'session':
			return null;
	}
}
