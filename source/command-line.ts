// The `:` command line. Names follow k9s and the design card's aliases.
import {sanitize} from './sanitize.js';

export type CommandLineHandlers = {
	readonly quit: () => void;
	readonly showView: (view: 'containers') => void;
	readonly help: () => void;
	readonly flash: (text: string, tone: 'info' | 'error') => void;
};

const views: Record<string, 'containers'> = {containers: 'containers', container: 'containers', c: 'containers', ps: 'containers'};

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

	const view = views[name];
	if (view && rest.length === 0) {
		handlers.showView(view);
		return;
	}

	handlers.flash(`Unknown command :${sanitize(line.trim())} (try :containers, :help, :q)`, 'error');
}
