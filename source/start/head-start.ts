// What start.ts did before the dashboard loaded, handed to dashboard.tsx: the daemon's
// answers (so Ink's first frame is the painted one, not "Loading…"), and the promise
// that a frame is on screen which Ink's first frame must replace whole.
import type {ContainerSummary, EngineInfo} from '../engine/engine.js';

export type HeadStart = {
	/** The endpoint's label: the dashboard only uses answers from the daemon it connected to. */
	readonly host: string;
	readonly info: EngineInfo;
	readonly containers: readonly ContainerSummary[];
};

let pending: HeadStart | undefined;
let painted = false;

/** A frame is on screen, from these answers. */
export function setHeadStart(value: HeadStart): void {
	pending = value;
	painted = true;
}

/** The head start for `host`, once (later callers, or another host, get undefined). */
export function takeHeadStart(host: string): HeadStart | undefined {
	const value = pending;
	pending = undefined;
	return value?.host === host ? value : undefined;
}

/**
 * When a frame was painted: Ink writes its first frame from where the cursor is without erasing what it does not
 * overwrite (it knows nothing of the painted frame), so that frame gets "home, erase
 * below" in front of it, in the same write. Ink's writes before it (hiding the cursor,
 * opening a synchronized update) all start with `ESC [ ?`; its frame never does.
 */
export function replacePaintedFrame(stream: NodeJS.WriteStream): void {
	if (!painted) return;
	painted = false;
	const write = stream.write;
	const patched = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
		if (typeof chunk === 'string' && !chunk.startsWith('\u001B[?')) {
			stream.write = write;
			chunk = `\u001B[H\u001B[J${chunk}`;
		}

		return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
	};

	stream.write = patched as typeof stream.write;
}
