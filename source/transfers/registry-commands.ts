// Pull, tag and push from the keyboard: the images view's keys (`p`, `T`, `U`), the
// command line (`:pull REF`, `:tag SRC DST`, `:push [REF]`), the push dialog, and `esc`
// for a transfer under way. References are checked here, before anything is sent; the
// transfers themselves run in the engine's transfer store, outside any screen.
import type {AppAction, AppState, ConfirmRequest, Flash} from '../state/app-state.js';
import type {Engine} from '../engine/engine.js';
import {familiarString, parseImageReference, parsePushTarget, parseTagTarget} from '../engine/image-reference.js';
import type {Command} from '../keymap/keymap.js';
import {sanitize} from '../text/sanitize.js';
import {transfersOf} from './transfer-store.js';
import {fleetOf, hostForScreen} from '../fleet/fleet.js';
import {onSameHost, plainId, tagId} from '../fleet/fleet-id.js';

export type RegistryContext = {
	readonly engine: Engine;
	/** The state as the last key left it. */
	readonly current: () => AppState;
	readonly dispatch: (action: AppAction) => void;
	readonly readOnly: boolean;
	/** The list on show's marked and selected row ids, as of this key (undefined off the lists). */
	readonly selection: () => {readonly selectedId?: string; readonly markedIds: readonly string[]} | undefined;
};

/** Names a list can show several of in a dialog before it says "and N more". */
const maxDialogLines = 6;

function flash(context: RegistryContext, text: string, tone: Flash['tone'] = 'info'): void {
	context.dispatch({type: 'flash', flash: {text, tone}});
}

function prompt(context: RegistryContext, draft: string): void {
	context.dispatch({type: 'open', overlay: {kind: 'command', draft}});
}

/** The images list's rows are keyed by reference (a tag), or by image id when they have none (in a fleet, with its host: fleet-id.ts). */
const isImageId = (key: string) => /^sha256:[0-9a-f]{64}$/.test(plainId(key));

/** The images view's marked and selected rows; undefined when another screen is on show. */
function imageSelection(context: RegistryContext) {
	const {route} = context.current();
	return route.screen === 'list' && route.kind === 'images' ? context.selection() : undefined;
}

function pull(context: RegistryContext, reference: string): void {
	const parsed = parseImageReference(reference);
	if ('error' in parsed) {
		flash(context, parsed.error, 'error');
		return;
	}

	// In a fleet: onto the host of the row under the cursor.
	const host = hostForScreen(context.engine, context.selection()?.selectedId);
	const target = host === undefined ? reference.trim() : tagId(reference.trim(), host.key);
	void transfersOf(context.engine).start('pull', target, next => context.dispatch({type: 'flash', flash: next}));
}

async function tag(context: RegistryContext, source: string, target: string): Promise<void> {
	const parsed = parseTagTarget(target);
	if ('error' in parsed) {
		flash(context, parsed.error, 'error');
		return;
	}

	const name = familiarString(parsed.reference);
	// In a fleet: on the host of the row under the cursor (the prompt shows the plain source).
	const host = hostForScreen(context.engine, context.selection()?.selectedId);
	const where = host === undefined ? '' : ` on ${host.label}`;
	try {
		await context.engine.tagImage(host === undefined ? source : tagId(source, host.key), target.trim());
		flash(context, `Tagged ${sanitize(source)} as ${name}${where}`);
	} catch (error) {
		flash(context, `Tag ${sanitize(source)}${where} as ${name} failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
	}
}

/** Asks before pushing: the references are captured now, and only they are pushed on `y`. */
function askPush(context: RegistryContext, references: readonly string[]): void {
	const refused = references.map(reference => parsePushTarget(plainId(reference))).find(result => 'error' in result);
	if (refused && 'error' in refused) {
		flash(context, refused.error, 'error');
		return;
	}

	const targets = references.map(reference => {
		const parsed = parsePushTarget(plainId(reference));
		return 'reference' in parsed ? parsed.reference : undefined;
	});
	const registries = [...new Set(targets.map(target => target?.domain))];
	const hosts = references.map(reference => fleetOf(context.engine)?.ownerOf(reference)?.label);
	const names = targets.map((target, index) => (target ? familiarString(target) : '') + (hosts[index] ? ` from ${hosts[index]}` : ''));
	const question = names.length === 1 ? `Push ${names[0]} to ${registries[0]}?` : `Push ${names.length} tags to ${registries.join(', ')}?`;
	const details = names.length === 1 ? [] : [...names.slice(0, maxDialogLines).map(name => `  ${name}`), ...(names.length > maxDialogLines ? [`  … and ${names.length - maxDialogLines} more`] : [])];
	// What is pushed is what the dialog names (in a fleet, from the host of its row).
	const pushed = targets.map((target, index) => onSameHost(target ? familiarString(target) : '', references[index]!));
	const request: ConfirmRequest = {command: 'image.push', targetIds: pushed, question, details, offersForce: false, force: false};
	context.dispatch({type: 'open', overlay: {kind: 'confirm', request}});
}

function pushSelection(context: RegistryContext): void {
	const selection = imageSelection(context);
	if (!selection) {
		flash(context, 'Push what? Select a tag in the images view (:images), or :push REFERENCE', 'error');
		return;
	}

	const keys = selection.markedIds.length > 0 ? selection.markedIds : selection.selectedId === undefined ? [] : [selection.selectedId];
	if (keys.length === 0) {
		flash(context, 'Nothing selected', 'error');
		return;
	}

	const references = keys.filter(key => !isImageId(key));
	if (references.length === 0) {
		flash(context, 'An image without a tag cannot be pushed: tag it first (T)', 'error');
		return;
	}

	askPush(context, references);
}

function startPushes(context: RegistryContext, references: readonly string[]): void {
	const report = (next: Flash) => context.dispatch({type: 'flash', flash: next});
	for (const reference of references) void transfersOf(context.engine).start('push', reference, report);
}

/** `esc` on a list with nothing else to clear: cancel what runs, else close the panel of what ended. */
function escape(context: RegistryContext): boolean {
	const state = context.current();
	if (state.route.screen !== 'list') return false;
	const list = state.lists[state.route.kind];
	if (list.filter !== '' || list.marks.size > 0) return false;
	const store = transfersOf(context.engine);
	return store.cancel() || store.dismiss();
}

/** A key's command, when it is about registries; false to let the screen have it. */
export function runRegistryKey(command: Command, context: RegistryContext): boolean {
	const {overlay} = context.current();
	const pushDialog = overlay.kind === 'confirm' && overlay.request.command === 'image.push' ? overlay.request : undefined;
	switch (command) {
		case 'image.pull':
			prompt(context, 'pull ');
			return true;
		case 'image.tag': {
			const selected = imageSelection(context)?.selectedId;
			if (selected === undefined) flash(context, 'Nothing selected', 'error');
			// The source is written out in the prompt: what is tagged is what the user sees there.
			else prompt(context, `tag ${plainId(selected)} `);
			return true;
		}

		case 'image.push':
			pushSelection(context);
			return true;
		case 'dialog.confirm':
			if (!pushDialog) return false;
			context.dispatch({type: 'close'});
			startPushes(context, pushDialog.targetIds);
			return true;
		case 'dialog.cancel':
			if (!pushDialog) return false;
			context.dispatch({type: 'close'});
			flash(context, 'Cancelled: nothing done');
			return true;
		case 'list.clear':
			return escape(context);
		default:
			return false;
	}
}

const usage: Record<string, string> = {pull: ':pull REFERENCE', tag: ':tag SOURCE NEW-REFERENCE', push: ':push [REFERENCE]'};

/** `:pull`, `:tag` and `:push`; false for any other command. */
export function runRegistryCommandLine(name: string, args: readonly string[], context: RegistryContext): boolean {
	if (!Object.hasOwn(usage, name)) return false;
	if (context.readOnly) {
		flash(context, `read-only mode: :${name} is not available`, 'error');
		return true;
	}

	switch (name) {
		case 'pull':
			if (args.length === 1) pull(context, args[0]!);
			else flash(context, `usage: ${usage[name]}`, 'error');
			return true;
		case 'tag':
			if (args.length === 2) void tag(context, args[0]!, args[1]!);
			else flash(context, `usage: ${usage[name]}`, 'error');
			return true;
		default:
			if (args.length === 0) pushSelection(context);
			else if (args.length === 1) askPush(context, [args[0]!]);
			else flash(context, `usage: ${usage[name]}`, 'error');
			return true;
	}
}
