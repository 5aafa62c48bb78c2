// The `:` command line. Names follow k9s and the design card's aliases.
import type {ListKind} from './app-state.js';
import {sanitize} from './sanitize.js';

export type CommandLineHandlers = {
	readonly quit: () => void;
	readonly showList: (kind: ListKind) => void;
	readonly help: () => void;
	readonly flash: (text: string, tone: 'info' | 'error') => void;
};

const lists: Record<string, ListKind> = {containers: 'containers', container: 'containers', c: 'containers', ps: 'containers'};

export function runCommandLine(line: string, handlers: CommandLineHandlers): void {
	const [name = '', ...rest] = line.trim().split(/\s+/);
	if (name === '') return;
	if (['q', 'q!', 'quit', 'exit'].includes(name)) {
		handlers.quit();
		return;
	}

	if (name === 'help' || name === '?') {
		handlers.help();
		return;
	}

	const kind = lists[name];
	if (kind && rest.length === 0) {
		handlers.showList(kind);
		return;
	}

	handlers.flash(`Unknown command :${sanitize(line.trim())} (try :containers, :help, :q)`, 'error');
}
