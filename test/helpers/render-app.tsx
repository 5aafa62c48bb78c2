// Renders the whole dashboard over a fake engine, with a fixed terminal size, and
// gives tests keys in / screen text out.
import React from 'react';
import {render} from 'ink-testing-library';
import {App} from '../../source/app/app.js';
import {createMonitor, type Monitor} from '../../source/engine/monitor.js';
import {createFakeEngine, type FakeEngine} from '../fakes/fake-engine.js';
import type {ContainerSummary, Engine} from '../../source/engine/engine.js';
import {readOnlyEngine} from '../../source/engine/read-only-engine.js';
import {defaultContainerOptions, type ContainerOptions} from '../../source/hooks/container-options.js';
import type {ContextSwitcher} from '../../source/state/context-switcher.js';
import type {TerminalHost} from '../../source/terminal/terminal-host.js';

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	backspace: '\u007F',
	ctrlC: '\u0003',
	space: ' ',
} as const;

export type RenderedApp = {
	readonly fake: FakeEngine;
	readonly clipboard: string[];
	screen(): string;
	/** Frames Ink has drawn so far. */
	frameCount(): number;
	press(...sequence: string[]): Promise<void>;
	waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
	waitForGone(text: string, timeoutMs?: number): Promise<string>;
	/** Whether the app has quit (its tree is unmounted, as Ink's exit() does). */
	exited(): boolean;
	unmount(): void;
};

/** Renders its child and says when it is unmounted: how a test sees the app quit. */
function UnmountProbe({children, onUnmount}: {readonly children: React.ReactNode; readonly onUnmount: () => void}) {
	React.useEffect(() => onUnmount, [onUnmount]);
	return children;
}

/** Pings often and gives up fast: a fake that goes away is noticed within ~100 ms. */
export const testMonitor = {pingIntervalMs: 50, pingTimeoutMs: 50, backoffMs: [20]} as const;

export async function tick(ms = 20): Promise<void> {
	return new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}

export async function renderApp(
	containers: ContainerSummary[],
	options: {readOnly?: boolean; columns?: number; rows?: number; fake?: FakeEngine; terminal?: TerminalHost; containerOptions?: Partial<ContainerOptions>; contexts?: ContextSwitcher; session?: {engine: Engine; monitor: Monitor}} = {},
): Promise<RenderedApp> {
	const fake = options.fake ?? createFakeEngine({containers});
	// A session given (a fleet's) is used as it is; otherwise one over the fake.
	const engine = options.session?.engine ?? (options.readOnly ? readOnlyEngine(fake) : fake);
	const monitor = options.session?.monitor ?? createMonitor(engine, testMonitor);
	const clipboard: string[] = [];
	let exited = false;
	const app = render(
		<UnmountProbe onUnmount={() => (exited = true)}>
			<App
				engine={engine}
				monitor={monitor}
				readOnly={options.readOnly}
				contexts={options.contexts}
				size={{columns: options.columns ?? 100, rows: options.rows ?? 24}}
				copyToClipboard={text => clipboard.push(text)}
				refresh={{coalesceMs: 5, pollMs: 60_000}}
				terminal={options.terminal}
				containerOptions={{...defaultContainerOptions, logFlushMs: 20, refreshMs: 100, ...options.containerOptions}}
			/>
		</UnmountProbe>,
	);
	const screen = () => app.lastFrame() ?? '';

	async function waitUntil(check: (frame: string) => boolean, what: string, timeoutMs: number): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (check(screen())) return screen();
			await tick(10);
		}

		throw new Error(`timed out waiting for ${what}; screen:\n${screen()}`);
	}

	const rendered: RenderedApp = {
		fake,
		clipboard,
		screen,
		frameCount: () => app.frames.length,
		async press(...sequence) {
			for (const input of sequence) {
				app.stdin.write(input);
				// A lone Escape is only known to be one after Ink's short wait.
				await tick(input === keys.escape ? 40 : 15);
			}
		},
		waitFor: async (text, timeoutMs = 2000) =>
			waitUntil(frame => (typeof text === 'string' ? frame.includes(text) : text.test(frame)), String(text), timeoutMs),
		waitForGone: async (text, timeoutMs = 2000) => waitUntil(frame => !frame.includes(text), `"${text}" to go`, timeoutMs),
		exited: () => exited,
		unmount() {
			app.unmount();
			monitor.stop();
		},
	};
	try {
		await rendered.waitFor(/running \/ \d+ total|No containers/);
	} catch (error) {
		rendered.unmount();
		throw error;
	}

	return rendered;
}

/** Waits (up to 2 s) until `check` holds: for what the fake engine sees, not the screen. */
export async function eventually(check: () => boolean, what = 'the condition'): Promise<void> {
	for (let waited = 0; !check(); waited += 10) {
		if (waited > 2000) throw new Error(`${what} never happened`);
		await tick(10);
	}
}

/** The screen line that contains `text` (exact-line assertions read better than whole frames). */
export function lineWith(screen: string, text: string): string | undefined {
	return screen.split('\n').find(line => line.includes(text));
}
