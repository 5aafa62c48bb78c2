// THE keymap: input handling, the hint line, the `?` help screen and read-only mode all
// read this one table, so a key can never do something the help does not say.

export type Scope = 'global' | 'list' | 'containers' | 'container' | 'objects' | 'images' | 'events' | 'view' | 'inspect' | 'detail' | 'logs' | 'top' | 'contexts' | 'dialog' | 'help';

export type Binding = {
	readonly command: string;
	readonly keys: readonly string[];
	readonly scope: Scope;
	readonly description: string;
	/** Changes something on the daemon: dropped entirely in read-only mode. */
	readonly mutates?: boolean;
	/** Shown in the one-line hint bar (the rest only in `?` help). */
	readonly hint?: boolean;
	/** Its keys deliberately win over the same keys in the global scope on its screens (the log presets 1–4). */
	readonly shadowsGlobal?: boolean;
};

export const keymap = [
	{command: 'app.help', keys: ['?'], scope: 'global', description: 'Help', hint: true},
	{command: 'app.back', keys: ['q'], scope: 'global', description: 'Back / quit', hint: true},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'global', description: 'Quit'},
	{command: 'app.commandLine', keys: [':'], scope: 'global', description: 'Command line (:images, :events, :df, :info, :top, :q)'},
	{command: 'app.nextResource', keys: ['tab'], scope: 'global', description: 'Next resource'},
	{command: 'app.previousResource', keys: ['shift+tab'], scope: 'global', description: 'Previous resource'},
	{command: 'app.containers', keys: ['1'], scope: 'global', description: 'Containers'},
	{command: 'app.images', keys: ['2'], scope: 'global', description: 'Images'},
	{command: 'app.networks', keys: ['3'], scope: 'global', description: 'Networks'},
	{command: 'app.volumes', keys: ['4'], scope: 'global', description: 'Volumes'},

	{command: 'list.down', keys: ['j', 'down'], scope: 'list', description: 'Down'},
	{command: 'list.up', keys: ['k', 'up'], scope: 'list', description: 'Up'},
	{command: 'list.top', keys: ['g', 'home'], scope: 'list', description: 'First row'},
	{command: 'list.bottom', keys: ['G', 'end'], scope: 'list', description: 'Last row'},
	{command: 'list.pageDown', keys: ['pagedown', 'ctrl+f'], scope: 'list', description: 'Page down'},
	{command: 'list.pageUp', keys: ['pageup', 'ctrl+b'], scope: 'list', description: 'Page up'},
	{command: 'list.filter', keys: ['/'], scope: 'list', description: 'Filter', hint: true},
	{command: 'list.mark', keys: ['space'], scope: 'list', description: 'Mark / unmark (actions apply to marks)', hint: true},
	{command: 'list.clear', keys: ['esc'], scope: 'list', description: 'Clear the filter, then the marks, then cancel a pull / push (or close its panel), then the status line'},
	{command: 'list.copyId', keys: ['c'], scope: 'list', description: 'Copy id to clipboard (OSC 52)'},
	{command: 'list.inspect', keys: ['i'], scope: 'list', description: 'Inspect (the full document)'},
	{command: 'list.fold', keys: ['z'], scope: 'list', description: 'Fold / unfold a compose project'},

	{command: 'container.startStop', keys: ['s'], scope: 'containers', description: 'Start / stop', mutates: true, hint: true},
	{command: 'container.restart', keys: ['r'], scope: 'containers', description: 'Restart', mutates: true, hint: true},
	{command: 'container.pause', keys: ['p'], scope: 'containers', description: 'Pause / unpause', mutates: true},
	{command: 'container.kill', keys: ['K'], scope: 'containers', description: 'Kill', mutates: true},
	{command: 'container.remove', keys: ['D'], scope: 'containers', description: 'Remove', mutates: true, hint: true},
	{command: 'container.toggleAll', keys: ['A'], scope: 'containers', description: 'All / running only'},
	{command: 'container.open', keys: ['enter'], scope: 'containers', description: 'Details: logs, stats, inspect, top'},
	{command: 'container.logs', keys: ['l'], scope: 'containers', description: 'Logs (marked containers or a compose project: interleaved)', hint: true},

	{command: 'container.exec', keys: ['e'], scope: 'container', description: 'Shell inside (exec; --shell picks one)', mutates: true, hint: true},
	{command: 'container.attach', keys: ['a'], scope: 'container', description: 'Attach to the main process (ctrl+p ctrl+q detaches)', mutates: true},

	{command: 'detail.nextTab', keys: [']'], scope: 'detail', description: 'Next tab (logs, stats, inspect, top)', hint: true},
	{command: 'detail.previousTab', keys: ['['], scope: 'detail', description: 'Previous tab'},

	{command: 'logs.follow', keys: ['f'], scope: 'logs', description: 'Follow / pause', hint: true},
	{command: 'logs.search', keys: ['/'], scope: 'logs', description: 'Search (a regular expression)', hint: true},
	{command: 'logs.next', keys: ['n'], scope: 'logs', description: 'Next match'},
	{command: 'logs.previous', keys: ['N'], scope: 'logs', description: 'Previous match'},
	{command: 'logs.filter', keys: ['&'], scope: 'logs', description: 'Only the matching lines / all lines'},
	{command: 'logs.timestamps', keys: ['t'], scope: 'logs', description: 'Timestamps'},
	{command: 'logs.wrap', keys: ['w'], scope: 'logs', description: 'Wrap long lines'},
	{command: 'logs.save', keys: ['ctrl+s'], scope: 'logs', description: 'Save the whole log to a file here', hint: true},
	{command: 'logs.sinceStart', keys: ['0'], scope: 'logs', description: 'Everything since the start'},
	{command: 'logs.since1m', keys: ['1'], scope: 'logs', description: 'Since 1 minute ago', shadowsGlobal: true},
	{command: 'logs.since5m', keys: ['2'], scope: 'logs', description: 'Since 5 minutes ago', shadowsGlobal: true},
	{command: 'logs.since15m', keys: ['3'], scope: 'logs', description: 'Since 15 minutes ago', shadowsGlobal: true},
	{command: 'logs.since30m', keys: ['4'], scope: 'logs', description: 'Since 30 minutes ago', shadowsGlobal: true},
	{command: 'logs.since1h', keys: ['5'], scope: 'logs', description: 'Since 1 hour ago'},
	{command: 'logs.since24h', keys: ['6'], scope: 'logs', description: 'Since 24 hours ago'},

	{command: 'top.open', keys: ['enter'], scope: 'top', description: 'Details of the container'},
	{command: 'top.sortCpu', keys: ['c'], scope: 'top', description: 'Sort by CPU', hint: true},
	{command: 'top.sortMemory', keys: ['m'], scope: 'top', description: 'Sort by memory', hint: true},

	{command: 'resource.remove', keys: ['D'], scope: 'objects', description: 'Remove', mutates: true, hint: true},
	{command: 'resource.prune', keys: ['P'], scope: 'objects', description: 'Prune (shows what would go)', mutates: true, hint: true},
	{command: 'image.history', keys: ['h'], scope: 'images', description: 'History (layers)'},
	{command: 'image.pull', keys: ['p'], scope: 'images', description: 'Pull an image (:pull REFERENCE)', mutates: true, hint: true},
	{command: 'image.tag', keys: ['T'], scope: 'images', description: 'Tag (:tag SOURCE NEW-REFERENCE)', mutates: true},
	{command: 'image.push', keys: ['U'], scope: 'images', description: 'Push the tag to its registry (asks first)', mutates: true},

	{command: 'events.follow', keys: ['f'], scope: 'events', description: 'Pause / follow', hint: true},

	{command: 'view.down', keys: ['j', 'down'], scope: 'view', description: 'Scroll down'},
	{command: 'view.up', keys: ['k', 'up'], scope: 'view', description: 'Scroll up'},
	{command: 'view.top', keys: ['g', 'home'], scope: 'view', description: 'Top'},
	{command: 'view.bottom', keys: ['G', 'end'], scope: 'view', description: 'Bottom'},
	{command: 'view.pageDown', keys: ['pagedown', 'ctrl+f', 'space'], scope: 'view', description: 'Page down'},
	{command: 'view.pageUp', keys: ['pageup', 'ctrl+b'], scope: 'view', description: 'Page up'},
	{command: 'view.back', keys: ['esc'], scope: 'view', description: 'Back (clears a search first)'},

	{command: 'inspect.search', keys: ['/'], scope: 'inspect', description: 'Search', hint: true},
	{command: 'inspect.next', keys: ['n'], scope: 'inspect', description: 'Next match', hint: true},
	{command: 'inspect.previous', keys: ['N'], scope: 'inspect', description: 'Previous match'},

	{command: 'context.down', keys: ['j', 'down'], scope: 'contexts', description: 'Down'},
	{command: 'context.up', keys: ['k', 'up'], scope: 'contexts', description: 'Up'},
	{command: 'context.use', keys: ['enter'], scope: 'contexts', description: 'Switch to this context (live)', hint: true},
	{command: 'context.close', keys: ['esc'], scope: 'contexts', description: 'Back'},

	{command: 'dialog.confirm', keys: ['y'], scope: 'dialog', description: 'Confirm'},
	{command: 'dialog.cancel', keys: ['n', 'esc', 'q'], scope: 'dialog', description: 'Cancel (the default)'},
	{command: 'dialog.force', keys: ['f'], scope: 'dialog', description: 'Toggle force (remove)'},
	{command: 'dialog.all', keys: ['a'], scope: 'dialog', description: 'Toggle dangling only / all unused (image prune)'},

	{command: 'help.close', keys: ['esc', 'q', '?'], scope: 'help', description: 'Close help'},
	{command: 'help.down', keys: ['j', 'down'], scope: 'help', description: 'Scroll down'},
	{command: 'help.up', keys: ['k', 'up'], scope: 'help', description: 'Scroll up'},
] as const satisfies readonly Binding[];

export type Command = (typeof keymap)[number]['command'];

/** The scopes of a resource's own commands (networks and volumes have only the shared `objects` ones). */
export type ResourceScope = Extract<Scope, 'containers' | 'objects' | 'images' | 'events'>;

/** The scopes a list of this resource answers to, most specific first. */
export function listScopes(scope: ResourceScope): readonly Scope[] {
	// Images have their own commands on top of what every daemon object has.
	// Images have their own commands on top of what every daemon object has; a container
	// row also answers to what its detail screen does (a shell).
	return scope === 'images' ? ['images', 'objects', 'list'] : scope === 'containers' ? ['containers', 'list', 'container'] : [scope, 'list'];
}

/**
 * The scope chain in force: a dialog or the help screen take every key; otherwise the
 * screen's own scopes, then the global ones. A key is looked up in the first scope that binds it.
 */
export function scopeChain(overlay: 'dialog' | 'help' | 'none', screenScopes: readonly Scope[]): readonly Scope[] {
	if (overlay === 'dialog') return ['dialog'];
	if (overlay === 'help') return ['help'];
	return [...screenScopes, 'global'];
}

/** The bindings in force: read-only mode drops every mutating command. */
export function activeBindings(options: {readOnly: boolean}): readonly Binding[] {
	return options.readOnly ? keymap.filter(binding => !('mutates' in binding && binding.mutates)) : keymap;
}
