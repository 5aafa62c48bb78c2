// THE keymap: input handling, the hint line, the `?` help screen and read-only mode all
// read this one table, so a key can never do something the help does not say.

export type Scope = 'global' | 'list' | 'containers' | 'dialog' | 'help';

export type Binding = {
	readonly command: string;
	readonly keys: readonly string[];
	readonly scope: Scope;
	readonly description: string;
	/** Changes something on the daemon: dropped entirely in read-only mode. */
	readonly mutates?: boolean;
	/** Shown in the one-line hint bar (the rest only in `?` help). */
	readonly hint?: boolean;
};

export const keymap = [
	{command: 'app.help', keys: ['?'], scope: 'global', description: 'Help', hint: true},
	{command: 'app.back', keys: ['q'], scope: 'global', description: 'Back / quit', hint: true},
	{command: 'app.quit', keys: ['ctrl+c'], scope: 'global', description: 'Quit'},
	{command: 'app.commandLine', keys: [':'], scope: 'global', description: 'Command line (:containers, :q)'},

	{command: 'list.down', keys: ['j', 'down'], scope: 'list', description: 'Down'},
	{command: 'list.up', keys: ['k', 'up'], scope: 'list', description: 'Up'},
	{command: 'list.top', keys: ['g', 'home'], scope: 'list', description: 'First row'},
	{command: 'list.bottom', keys: ['G', 'end'], scope: 'list', description: 'Last row'},
	{command: 'list.pageDown', keys: ['pagedown', 'ctrl+f'], scope: 'list', description: 'Page down'},
	{command: 'list.pageUp', keys: ['pageup', 'ctrl+b'], scope: 'list', description: 'Page up'},
	{command: 'list.filter', keys: ['/'], scope: 'list', description: 'Filter', hint: true},
	{command: 'list.mark', keys: ['space'], scope: 'list', description: 'Mark / unmark (actions apply to marks)', hint: true},
	{command: 'list.clear', keys: ['esc'], scope: 'list', description: 'Clear the filter, then the marks, then the status line'},
	{command: 'list.copyId', keys: ['c'], scope: 'list', description: 'Copy id to clipboard (OSC 52)'},

	{command: 'container.startStop', keys: ['s'], scope: 'containers', description: 'Start / stop', mutates: true, hint: true},
	{command: 'container.restart', keys: ['r'], scope: 'containers', description: 'Restart', mutates: true, hint: true},
	{command: 'container.pause', keys: ['p'], scope: 'containers', description: 'Pause / unpause', mutates: true},
	{command: 'container.kill', keys: ['K'], scope: 'containers', description: 'Kill', mutates: true},
	{command: 'container.remove', keys: ['D'], scope: 'containers', description: 'Remove', mutates: true, hint: true},
	{command: 'container.toggleAll', keys: ['A'], scope: 'containers', description: 'All / running only'},

	{command: 'dialog.confirm', keys: ['y'], scope: 'dialog', description: 'Confirm'},
	{command: 'dialog.cancel', keys: ['n', 'esc', 'q'], scope: 'dialog', description: 'Cancel (the default)'},
	{command: 'dialog.force', keys: ['f'], scope: 'dialog', description: 'Toggle force (remove)'},

	{command: 'help.close', keys: ['esc', 'q', '?'], scope: 'help', description: 'Close help'},
	{command: 'help.down', keys: ['j', 'down'], scope: 'help', description: 'Scroll down'},
	{command: 'help.up', keys: ['k', 'up'], scope: 'help', description: 'Scroll up'},
] as const satisfies readonly Binding[];

export type Command = (typeof keymap)[number]['command'];

/** The scopes of a resource's own commands. */
export type ResourceScope = Extract<Scope, 'containers'>;

/** The scopes a list of this resource answers to, most specific first. */
export function listScopes(scope: ResourceScope): readonly Scope[] {
	return [scope, 'list'];
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
