// The dashboard's daemon can change under it (`:ctx NAME`): connect to the new one
// first, and only once it answered close the old streams and remount the app on the
// new engine with fresh state; a context that fails leaves everything as it was.
import React, {useMemo, useRef, useState} from 'react';
import {App, type AppProps} from './app.js';
import type {ContextSwitcher} from '../state/context-switcher.js';
import {listContexts} from '../transport/context-list.js';
import type {Engine} from '../engine/engine.js';
import type {Monitor} from '../engine/monitor.js';
import {fleetOf} from '../fleet/fleet.js';

export type Session = {readonly engine: Engine; readonly monitor: Monitor; readonly context?: string};

type Props = Omit<AppProps, 'engine' | 'monitor' | 'contexts'> & {
	readonly first: Session;
	/** Connects (and pings) the named context, or several (`a,b`: a fleet); rejects with one line. */
	readonly connectTo: (context: string) => Promise<Session>;
	/** Told of every new session, so shutdown closes the one in use. */
	readonly onSession: (session: Session) => void;
	/** What the first session was resolved from (flags, environment). */
	readonly host?: string;
	readonly env: NodeJS.ProcessEnv;
};

export function SwitchableApp({first, connectTo, onSession, host, env, ...appProps}: Props) {
	const [session, setSession] = useState(first);
	const generation = useRef(0);
	const latest = useRef(session);
	latest.current = session;
	const contexts = useMemo<ContextSwitcher>(
		() => ({
			list() {
				// A fleet's contexts are all in use (a fleet of --host URLs: none of them).
				const names = session.context?.split(',') ?? [];
				if (fleetOf(session.engine)) return listContexts({env}).map(context => ({...context, current: names.includes(context.name)}));
				return listContexts(session.context === undefined ? {host, env} : {context: session.context, env});
			},
			async switchTo(name) {
				const next = await connectTo(name);
				const previous = latest.current;
				previous.monitor.stop();
				previous.engine.close();
				generation.current++;
				onSession(next);
				setSession(next);
			},
		}),
		[session, host, env, connectTo, onSession],
	);
	return <App key={generation.current} {...appProps} engine={session.engine} monitor={session.monitor} contexts={contexts} />;
}
