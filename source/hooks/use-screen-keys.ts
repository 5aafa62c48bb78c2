import {createContext, useContext, type MutableRefObject} from 'react';
import type {Command, Scope} from '../keymap/keymap.js';

/** What the screen on show answers to: its keymap scopes and how it runs their commands. */
export type ScreenKeys = {
	readonly scopes: readonly Scope[];
	readonly run: (command: Command) => void;
	/** A list's rows a key acts on, as of now (not the last render): the marked ones, and the one under the cursor. */
	readonly selection?: () => {readonly selectedId?: string; readonly markedIds: readonly string[]};
};

export const ScreenKeysContext = createContext<MutableRefObject<ScreenKeys | undefined> | undefined>(undefined);

/**
 * The active screen hands its commands to the app's one input handler. Set on every
 * render, so the handler always calls the screen's latest closure.
 */
export function useScreenKeys(keys: ScreenKeys): void {
	const slot = useContext(ScreenKeysContext);
	if (slot) slot.current = keys;
}
