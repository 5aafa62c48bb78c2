import type {Route} from './app-state.js';
import type {Engine} from '../engine/engine.js';
import type {Command} from '../keymap/keymap.js';
import type {ResourceScope} from '../keymap/keymap.js';

export type Tone = 'good' | 'warn' | 'bad' | 'dim' | undefined;

export type Column<T> = {
	readonly header: string;
	/** Cells wide, or 'flex' to share what is left (never below minWidth). */
	readonly width: number | 'flex';
	readonly minWidth?: number;
	/** Columns with the lowest dropOrder are dropped first when the terminal is narrow; without one, never. */
	readonly dropOrder?: number;
	/** A flexible column that only gets the cells the other flexible columns leave (long, least needed text). */
	readonly fillsLast?: boolean;
	readonly align?: 'left' | 'right';
	readonly value: (item: T, now: number) => string;
	readonly tone?: (item: T) => Tone;
};

/** One step of an action on one object: what it does and how to say so. */
export type Operation = {
	/** "Stopping" — shown while it runs. */
	readonly progress: string;
	/** "stopped" — shown when it worked. */
	readonly done: string;
	/** Asks first (stop, kill, remove). */
	readonly dangerous: boolean;
	readonly run: (engine: Engine, options: {force: boolean}) => Promise<void>;
};

export type ActionSpec<T> = {
	/** The verb for the dialog and status line: "Stop", "Remove". */
	readonly verb: (targets: readonly T[]) => string;
	/** What to do to one object; undefined when it does not apply (pause an exited container). */
	readonly plan?: (item: T) => Operation | undefined;
	/** The dialog offers a force toggle when any target needs one (remove a running container). */
	readonly offersForce?: (targets: readonly T[]) => boolean;
	/** What force means here, for the dialog (containers' meaning when absent). */
	readonly forceMeaning?: string;
	/** A failure force could overcome (the daemon said "must force"): the dialog comes back with force on. */
	readonly retryWithForce?: (error: unknown) => boolean;
	/** A whole group (a compose project) at once: how each member is planned, knowing all of them. */
	readonly planGroup?: (members: readonly T[]) => (item: T) => Operation | undefined;
	/** Acts on a set picked from the whole list, not on the selection or marks (prune). */
	readonly bulk?: BulkSpec<T>;
};

/** An action on everything of a kind at once, through one daemon request (prune). */
export type BulkSpec<T> = {
	/** What it would hit, from the list as it is now; `all` is the dialog's `a` toggle. */
	readonly pick: (items: readonly T[], all: boolean) => T[];
	/** The toggle's two meanings (off, on), when it has one: dangling only / all unused. */
	readonly toggle?: readonly [string, string];
	/** A line about the whole set for the dialog: the space it frees. */
	readonly summary?: (targets: readonly T[]) => string;
	/** "Pruning" — shown while it runs. */
	readonly progress: string;
	/** Runs it; resolves with what the daemon reports ("reclaimed 4.1MB"). */
	readonly run: (engine: Engine, options: {all: boolean}) => Promise<string>;
};

/** Rows that belong together (a compose project's containers) shown under one foldable row. */
export type GroupSpec<T> = {
	/** The group an item belongs to, if any. */
	readonly key: (item: T) => string | undefined;
	/** "project": how the group is named in messages. */
	readonly noun: string;
	/** The group row's cells by column header (the first column gets the fold marker). */
	readonly cells: (key: string, members: readonly T[]) => Readonly<Record<string, string>>;
	/** The group's own name when the key says more (in a fleet, its host): what `c` copies. */
	readonly name?: (key: string) => string;
};

export type ResourceDescriptor<T> = {
	readonly kind: string;
	readonly title: string;
	/** The keymap scope of this resource's own commands. */
	readonly scope: ResourceScope;
	readonly list: (engine: Engine, signal: AbortSignal) => Promise<T[]>;
	readonly id: (item: T) => string;
	/** The daemon id that says which host a row came from, when `id` is not one (events are numbered by dtui). */
	readonly origin?: (item: T) => string;
	/** Listed from what dtui already holds (the event log), not asked of each daemon: a fleet lists it once. */
	readonly local?: boolean;
	/** How a person names it in messages ("web"). */
	readonly label: (item: T) => string;
	readonly columns: ReadonlyArray<Column<T>>;
	readonly sort: (a: T, b: T) => number;
	/** The rows kept when the list shows only live objects (`A` toggles: running containers). */
	readonly live?: (item: T) => boolean;
	/** The word for an object's state in messages ("exited"), when it has one. */
	readonly stateOf?: (item: T) => string;
	/** Text the `/` filter matches, lower case. */
	readonly searchText: (item: T) => string;
	/** Event types (container, image…) that make this list stale. */
	readonly refreshOn: readonly string[];
	/** Event actions that change nothing the list shows (a container's `top`, its execs): no refetch for them. */
	readonly quietActions?: readonly string[];
	readonly emptyMessage: string;
	readonly actions: Partial<Record<Command, ActionSpec<T>>>;
	/** Screens a key opens for the selected row (inspect, an image's history); `back` is where `q` returns. */
	readonly opens?: Partial<Record<Command, (item: T, back: Route) => Route>>;
	/** Screens a key opens for several rows at once, when rows are marked or a group row is selected (interleaved logs); `label` names them. */
	readonly opensMany?: Partial<Record<Command, (items: readonly T[], label: string, back: Route) => Route>>;
	/** A log (events): newest last, the cursor follows new rows until `f` pauses (the list then holds still). */
	readonly follows?: boolean;
	/** Grouped rows (compose projects); lists without such items look as if there were none. */
	readonly group?: GroupSpec<T>;
};
