// The `:` command line. Names follow k9s and the design card's aliases.
import type {ListKind} from '../state/app-state.js';
import type {SystemView} from './navigation.js';
import {sanitize} from '../text/sanitize.js';

export type CommandLineHandlers = {
	readonly quit: () => void;
	readonly showList: (kind: ListKind) => void;
	/** `:events`, `:df`, `:info`: views of the daemon as a whole. */
	readonly showView: (view: SystemView) => void;
	/** `:top`: containers by CPU or memory. */
	readonly showTop?: () => void;
	readonly help: () => void;
	readonly flash: (text: string, tone: 'info' | 'error') => void;
	/** `:ctx` lists the docker contexts, `:ctx NAME` switches to one, live; `:ctx a,b` watches several at once. */
	readonly context?: (name: string | undefined) => void;
	/** `:pull`, `:tag`, `:push` (registry-commands.ts): true when it was one of them. */
	readonly registry?: (name: string, args: readonly string[]) => boolean;
};

const lists: Record<string, ListKind> = {
	containers: 'containers', container: 'containers', c: 'containers', ps: 'containers',
	images: 'images', image: 'images', i: 'images', img: 'images',
	networks: 'networks', network: 'networks', net: 'networks',
	volumes: 'volumes', volume: 'volumes', vol: 'volumes',
};

const views: Record<string, SystemView> = {events: 'events', event: 'events', ev: 'events', df: 'df', info: 'info'};

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

	const kind = Object.hasOwn(lists, name) ? lists[name] : undefined;
	if (kind && rest.length === 0) {
		handlers.showList(kind);
		return;
	}

	if (name === 'top' && rest.length === 0 && handlers.showTop) {
		handlers.showTop();
		return;
	}

	const view = Object.hasOwn(views, name) ? views[name] : undefined;
	if (view && rest.length === 0) {
		handlers.showView(view);
		return;
	}

	if ((name === 'ctx' || name === 'context') && rest.length <= 1 && handlers.context) {
		handlers.context(rest[0]);
		return;
	}

	if (handlers.registry?.(name, rest)) return;

	handlers.flash(`Unknown command :${sanitize(line.trim())} (try :images, :events, :df, :info, :ctx, :help, :q)`, 'error');
}
