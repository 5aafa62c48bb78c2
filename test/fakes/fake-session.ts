// The fake daemon's interactive sessions (exec, attach): the dashboard's side is a
// duplex like a hijacked socket; the test plays the container's side.
import {Duplex, PassThrough} from 'node:stream';
import type {ContainerSession, SessionSize} from '../../source/engine/container-io.js';

/** An exec or attach in progress: what the user typed, and the container's side of the conversation. */
export type FakeSession = {
	readonly containerId: string;
	readonly mode: 'exec' | 'attach';
	readonly command: readonly string[];
	readonly sizes: SessionSize[];
	/** Everything the user typed so far. */
	readonly input: () => string;
	/** The container prints. */
	write(text: string): void;
	/** The process exits (an exec's shell) or the daemon closes the connection. */
	end(exitCode?: number): void;
	readonly closed: () => boolean;
};

/** Opens a session on `containerId` and records it in `sessions` for the test to play. */
export function openFakeSession(sessions: FakeSession[], containerId: string, mode: FakeSession['mode'], command: readonly string[], size: SessionSize): ContainerSession {
	const output = new PassThrough();
	let typed = '';
	let closed = false;
	let finish: (result: {exitCode?: number}) => void = () => {};
	const ended = new Promise<{exitCode?: number}>(resolve => {
		finish = resolve;
	});
	const end = (exitCode?: number) => {
		if (closed) return;
		closed = true;
		output.end();
		finish(exitCode === undefined ? {} : {exitCode});
	};

	const stream = Duplex.from({
		readable: output,
		writable: new PassThrough().on('data', (chunk: Buffer) => {
			typed += chunk.toString('utf8');
		}),
	});
	const sizes = [size];
	sessions.push({containerId, mode, command, sizes, input: () => typed, write: text => output.write(text), end, closed: () => closed});
	return {
		stream,
		ended,
		close: () => end(),
		async resize(columns, rows) {
			sizes.push({columns, rows});
		},
	};
}
