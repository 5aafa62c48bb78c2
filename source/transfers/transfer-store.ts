// Pulls and pushes running in the background, one store per engine, outside React:
// they outlive the screen that started them (the dashboard stays usable, any list can
// be shown meanwhile), and the progress panel reads them wherever it is drawn. Updates
// reach the panel at most every ~80 ms, however fast the daemon reports; nothing ticks
// while nothing runs.
import type {Flash} from '../state/app-state.js';
import type {Engine} from '../engine/engine.js';
import {isEngineError} from '../engine/errors.js';
import {familiarString, parseImageReference, parsePushTarget, withDefaultTag} from '../engine/image-reference.js';
import {fleetOf} from '../fleet/fleet.js';
import {plainId} from '../fleet/fleet-id.js';
import {lookupCredentials} from '../transport/registry-auth.js';
import {applyTransferEvent, emptyProgress, type TransferKind, type TransferProgress} from './transfer-state.js';

export type TransferState = 'running' | 'done' | 'failed' | 'cancelled';

export type Transfer = {
	readonly id: number;
	readonly kind: TransferKind;
	/** As the user knows it: `127.0.0.1:5000/app:1`, `busybox:latest`. */
	readonly reference: string;
	readonly state: TransferState;
	readonly progress: TransferProgress;
	/** The one line that says why it failed. */
	readonly error?: string;
};

export type TransferStore = {
	readonly snapshot: () => readonly Transfer[];
	readonly subscribe: (listener: () => void) => () => void;
	/** Starts one; `report` gets the status lines (started, and how it ended). Resolves when it has ended. */
	start(kind: TransferKind, reference: string, report: (flash: Flash) => void): Promise<Transfer>;
	/** Cancels every running transfer; false when none ran. */
	cancel(): boolean;
	/** Forgets ended transfers (the panel closes); false when there were none. */
	dismiss(): boolean;
	readonly running: () => boolean;
};

export type TransferStoreOptions = {
	/** Where credentials are looked up ($DOCKER_CONFIG…). Default: this process's environment. */
	readonly env?: NodeJS.ProcessEnv;
	/** How long updates are gathered before the panel redraws. */
	readonly flushMs?: number;
};

const verbs = {pull: ['Pulling', 'Pulled', 'Pull'], push: ['Pushing', 'Pushed', 'Push']} as const;

export function createTransferStore(engine: Engine, options: TransferStoreOptions = {}): TransferStore {
	const flushMs = options.flushMs ?? 80;
	const listeners = new Set<() => void>();
	const controllers = new Map<number, AbortController>();
	let transfers: readonly Transfer[] = [];
	let nextId = 0;
	let timer: NodeJS.Timeout | undefined;

	function notify(): void {
		clearTimeout(timer);
		timer = undefined;
		for (const listener of listeners) listener();
	}

	/** Progress redraws are batched; a start or an end is drawn at once. */
	function update(id: number, change: (transfer: Transfer) => Transfer, now = false): void {
		transfers = transfers.map(transfer => (transfer.id === id ? change(transfer) : transfer));
		if (now) notify();
		else timer ??= setTimeout(notify, flushMs);
	}

	/** The reference as written; in a fleet, `reference` also names the host (fleet-id.ts). */
	const parse = (kind: TransferKind, reference: string) => (kind === 'pull' ? parseImageReference(plainId(reference)) : parsePushTarget(plainId(reference)));

	async function run(id: number, kind: TransferKind, reference: string, signal: AbortSignal): Promise<void> {
		const parsed = parse(kind, reference);
		if ('error' in parsed) throw new Error(parsed.error);
		const credentials = await lookupCredentials(parsed.reference.domain, {...(options.env ? {env: options.env} : {}), signal});
		const events = kind === 'pull' ? engine.pullImage(reference, credentials, signal) : engine.pushImage(reference, credentials, signal);
		for await (const event of events) update(id, transfer => ({...transfer, progress: applyTransferEvent(transfer.progress, event)}));
	}

	function shown(kind: TransferKind, reference: string): string {
		const parsed = parse(kind, reference);
		const host = fleetOf(engine)?.ownerOf(reference);
		return `${'error' in parsed ? plainId(reference).trim() : familiarString(withDefaultTag(parsed.reference))}${host ? ` on ${host.label}` : ''}`;
	}

	return {
		snapshot: () => transfers,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		running: () => controllers.size > 0,

		async start(kind, reference, report) {
			const [doing, done, noun] = verbs[kind];
			const id = ++nextId;
			const controller = new AbortController();
			const name = shown(kind, reference);
			controllers.set(id, controller);
			// A new transfer replaces the panels of ended ones.
			transfers = [...transfers.filter(transfer => transfer.state === 'running'), {id, kind, reference: name, state: 'running', progress: emptyProgress}];
			notify();
			report({tone: 'busy', text: `${doing} ${name}… (esc cancels)`});
			let state: TransferState = 'done';
			let error: string | undefined;
			try {
				await run(id, kind, reference, controller.signal);
				if (controller.signal.aborted) state = 'cancelled';
			} catch (failure) {
				const aborted = controller.signal.aborted || (isEngineError(failure) && failure.kind === 'aborted');
				state = aborted ? 'cancelled' : 'failed';
				error = failure instanceof Error ? failure.message : String(failure);
			} finally {
				controllers.delete(id);
			}

			update(id, transfer => ({...transfer, state, ...(error === undefined || state === 'cancelled' ? {} : {error})}), true);
			const ended = transfers.find(transfer => transfer.id === id)!;
			const digest = ended.progress.digest === undefined ? '' : ` (${ended.progress.digest})`;
			if (state === 'done') report({tone: 'info', text: `${done} ${name}${digest}`});
			else if (state === 'cancelled') report({tone: 'info', text: `${noun} of ${name} cancelled`});
			else report({tone: 'error', text: `${noun} of ${name} failed: ${error ?? 'unknown error'}`});
			return ended;
		},

		cancel() {
			if (controllers.size === 0) return false;
			for (const controller of controllers.values()) controller.abort();
			return true;
		},

		dismiss() {
			const kept = transfers.filter(transfer => transfer.state === 'running');
			if (kept.length === transfers.length) return false;
			transfers = kept;
			notify();
			return true;
		},
	};
}

const stores = new WeakMap<Engine, TransferStore>();

/** The one store of an engine: whoever starts a transfer and whoever draws it share it. */
export function transfersOf(engine: Engine, options?: TransferStoreOptions): TransferStore {
	let store = stores.get(engine);
	if (!store) {
		store = createTransferStore(engine, options);
		stores.set(engine, store);
	}

	return store;
}
