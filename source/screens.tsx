// Which screen a route shows. A new kind of screen is a Route variant in app-state.ts
// and a case here; the screen hands its keys to the app with useScreenKeys.
import React, {type ReactNode} from 'react';
import type {AppAction, AppState} from './app-state.js';
import type {Engine} from './docker/engine.js';
import type {Monitor} from './docker/monitor.js';
import type {RefreshOptions} from './hooks/use-resource-list.js';
import {descriptors} from './views/registry.js';
import {ResourceView} from './views/resource-view.js';

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
};

export function renderScreen(props: ScreenProps): ReactNode {
	const {route} = props.state;
	switch (route.screen) {
		case 'list':
			return <ResourceView key={route.kind} kind={route.kind} descriptor={descriptors[route.kind]} {...props} />;
	}
}
