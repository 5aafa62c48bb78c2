// A terminal to lend to exec and attach sessions in component tests: what the user
// types goes in through `type`, what the container prints collects in `output`.
import {PassThrough} from 'node:stream';
import type {SessionSize} from '../../source/engine/container-io.js';
import type {TerminalHost} from '../../source/terminal/terminal-host.js';

export type FakeTerminal = TerminalHost & {
	/** The user types (while a session has the terminal). */
	type(text: string): void;
	/** Everything sessions printed, in order. */
	output(): string;
	resize(size: SessionSize): void;
	/** How many times the terminal was lent. */
	lends(): number;
};

export function createFakeTerminal(): FakeTerminal {
	const listeners = new Set<() => void>();
	const resizeListeners = new Set<(size: SessionSize) => void>();
	const input = new PassThrough();
	let size: SessionSize = {columns: 100, rows: 24};
	let lent = false;
	let output = '';
	let count = 0;
	const notify = () => listeners.forEach(listener => listener());
	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		handedOver: () => lent,
		size: () => size,
		async handOver(session) {
			lent = true;
			count++;
			notify();
			try {
				return await session({
					input,
					write(data) {
						output += data.toString();
					},
					size: () => size,
					onResize(listener) {
						resizeListeners.add(listener);
						return () => resizeListeners.delete(listener);
					},
				});
			} finally {
				lent = false;
				notify();
			}
		},
		type: text => input.write(text),
		output: () => output,
		resize(next) {
			size = next;
			resizeListeners.forEach(listener => listener(next));
		},
		lends: () => count,
	};
}
