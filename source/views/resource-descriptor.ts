import type {Engine} from '../docker/engine.js';
import type {Command} from '../keymap/keymap.js';
import type {ResourceScope} from '../keymap/keymap.js';

export type Tone = 'good' | 'warn' | 'bad' | 'dim' | undefined;

export type Column<T> = {
	readonly header: string;
	/** Cells wide, or 'flex' to share what is left (never below minWidth). */
	readonly width: number | 'flex';
	readonly minWidth?: number;
	/** Columns with the lowest priority are dropped first when the terminal is narrow (0 = never). */
	readonly dropOrder?: number;
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
	readonly plan: (item: T) => Operation | undefined;
	/** The dialog offers a force toggle when any target needs one (remove a running container). */
	readonly offersForce?: (targets: readonly T[]) => boolean;
};

export type ResourceDescriptor<T> = {
	readonly kind: string;
	readonly title: string;
	/** The keymap scope of this resource's own commands. */
	readonly scope: ResourceScope;
	readonly list: (engine: Engine, signal: AbortSignal) => Promise<T[]>;
	readonly id: (item: T) => string;
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
	readonly emptyMessage: string;
	readonly actions: Partial<Record<Command, ActionSpec<T>>>;
};
