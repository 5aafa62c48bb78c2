import type {Key} from 'ink';
import type {Binding, Command, Scope} from './keymap.js';

/**
 * Ink's (input, key) pair → one canonical key name as written in the keymap:
 * 'j', 'G', 'ctrl+c', 'shift+tab', 'up', 'pagedown', 'space', 'enter', 'esc'.
 */
export function keyName(input: string, key: Key): string | undefined {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'esc';
	if (key.tab) return key.shift ? 'shift+tab' : 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (input === ' ') return 'space';
	if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
	if (key.meta) return undefined;
	return input.length === 1 ? input : undefined;
}

/** The command bound to `name` in the first scope of the chain that binds it. */
export function lookup(bindings: readonly Binding[], chain: readonly Scope[], name: string): Command | undefined {
	for (const scope of chain) {
		const found = bindings.find(binding => binding.scope === scope && binding.keys.includes(name));
		if (found) return found.command as Command;
	}

	return undefined;
}

/** How keys are written in hints and help: plain names read best over any terminal. */
export function formatKeys(keys: readonly string[]): string {
	return keys.join('/');
}
