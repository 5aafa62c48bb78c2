// Lending the real terminal to a container (exec, attach) and taking it back. While a
// session runs, the dashboard draws nothing and reads no keys: Ink's output is muted
// and its input released, the terminal leaves the alternate screen (so the session
// gets scrollback, as `docker exec` would), and stdin goes raw, straight to the
// container. Afterwards: the alternate screen again, cleared, and a full redraw.
import type {SessionSize} from '../engine/container-io.js';

/** What a session sees of the terminal. */
export type TerminalIo = {
	/** The user's keystrokes, raw (ctrl+c is a byte, not a signal). */
	readonly input: NodeJS.ReadableStream;
	write(data: Buffer | string): void;
	size(): SessionSize;
	/** Called with the new size whenever the terminal is resized. */
	onResize(listener: (size: SessionSize) => void): () => void;
};

export type TerminalHost = {
	/** For useSyncExternalStore: the dashboard hides while the terminal is lent out. */
	subscribe(listener: () => void): () => void;
	handedOver(): boolean;
	size(): SessionSize;
	/** Lends the terminal to `session` and takes it back when the session settles, whatever happened. */
	handOver<T>(session: (io: TerminalIo) => Promise<T>): Promise<T>;
};

const leaveAlternate = '\u001B[0m\u001B[?1049l\u001B[?25h';
const enterAlternate = '\u001B[?1049h\u001B[2J\u001B[H\u001B[?25l';

/** Writes that Ink makes go through this; muted while a session owns the screen. */
export type MutableOutput = {
	readonly stream: NodeJS.WriteStream;
	muted: boolean;
};

/** process.stdout as Ink sees it: the same stream, except that writes vanish while muted. */
export function mutableOutput(target: NodeJS.WriteStream): MutableOutput {
	const output = {muted: false} as MutableOutput & {muted: boolean};
	const swallow = (_data: unknown, encoding?: unknown, callback?: unknown) => {
		const done = typeof encoding === 'function' ? encoding : callback;
		if (typeof done === 'function') setImmediate(done as () => void);
		return true;
	};

	const stream = new Proxy(target, {
		get(object, property) {
			if (property === 'write') return output.muted ? swallow : object.write.bind(object);
			const value: unknown = Reflect.get(object, property, object);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
		},
	});
	return Object.assign(output, {stream});
}

/** No terminal to lend (tests that do not need one, one-shot output): sessions are refused. */
export const noTerminal: TerminalHost = {
	subscribe: () => () => {},
	handedOver: () => false,
	size: () => ({columns: 80, rows: 24}),
	async handOver() {
		throw new Error('there is no terminal to hand over');
	},
};

const sleep = async (ms: number) => new Promise(resolve => {
	setTimeout(resolve, ms);
});

export function createTerminalHost(output: MutableOutput, stdin: NodeJS.ReadStream = process.stdin, stdout: NodeJS.WriteStream = process.stdout): TerminalHost {
	const listeners = new Set<() => void>();
	let lent = false;
	const size = (): SessionSize => ({columns: stdout.columns || 80, rows: stdout.rows || 24});
	const notify = () => {
		for (const listener of listeners) listener();
	};

	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		handedOver: () => lent,
		size,
		async handOver(session) {
			lent = true;
			notify();
			// Ink lets go of stdin once its input hook is inactive (an effect, after the next render).
			for (let waited = 0; stdin.listenerCount('readable') > 0 && waited < 1000; waited += 10) await sleep(10);
			output.muted = true;
			stdout.write(leaveAlternate);
			if (stdin.isTTY) stdin.setRawMode(true);
			stdin.resume();
			const resizeListeners = new Set<(size: SessionSize) => void>();
			const onResize = () => {
				for (const listener of resizeListeners) listener(size());
			};

			stdout.on('resize', onResize);
			try {
				return await session({
					input: stdin,
					write: data => stdout.write(data),
					size,
					onResize(listener) {
						resizeListeners.add(listener);
						return () => resizeListeners.delete(listener);
					},
				});
			} finally {
				stdout.off('resize', onResize);
				// Not pause(): a paused tty stream with a read pending never tells Ink's
				// 'readable' listener about new keys. Ink takes the stream over as it is.
				if (stdin.isTTY) stdin.setRawMode(false);
				stdout.write(enterAlternate);
				output.muted = false;
				lent = false;
				notify();
			}
		},
	};
}
