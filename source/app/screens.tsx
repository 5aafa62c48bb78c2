// Which screen a route shows. A new kind of screen is a Route variant in app-state.ts
// and a case here; the screen hands its keys to the app with useScreenKeys.
import React, {Fragment, type ReactNode} from 'react';
import {descriptors} from '../views/registry.js';
import {ContextsView} from '../views/contexts-view.js';
import {ResourceView} from '../views/resource-view.js';
import {InspectView} from '../views/inspect-view.js';
import {HistoryView} from '../views/history-view.js';
import {DfView} from '../views/df-view.js';
import {InfoView} from '../views/info-view.js';
import {ContainerDetail} from '../views/container-detail.js';
import {MultiLogsView} from '../views/multi-logs-view.js';
import {TopView} from '../views/top-view.js';
import {SessionScreen} from '../views/session-screen.js';
import {noTerminal} from '../terminal/terminal-host.js';
import {memberView} from '../fleet/fleet.js';
import type {ScreenProps} from '../views/screen-props.js';

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
