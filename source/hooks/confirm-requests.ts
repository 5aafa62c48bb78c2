// The confirmation dialogs beyond "do this to these": a prune's preview (what would go,
// what it frees, the dangling / all toggle) and the second chance with force after the
// daemon refused. Pure, so what the dialog lists is tested on its own.
import type {ConfirmRequest} from '../state/app-state.js';
import type {Command} from '../keymap/keymap.js';
import {pluralize} from '../text/format.js';
import {describeTargets, messageOf, type Failure} from '../state/run-action.js';
import type {ActionSpec, BulkSpec, ResourceDescriptor} from '../state/resource-descriptor.js';

/** A prune being asked about: which set the toggle has chosen. */
export type Bulk<T> = {readonly spec: BulkSpec<T>; readonly all: boolean};

/** A prune lists what would go: more room than for a marked set. */
const maxBulkLines = 10;
const maxRetryLines = 6;

function singular(kind: string): string {
	return kind.replace(/s$/, '');
}

export function bulkRequest<T>(descriptor: ResourceDescriptor<T>, command: Command, spec: ActionSpec<T>, bulk: Bulk<T>, items: readonly T[]): ConfirmRequest {
	const targets = bulk.spec.pick(items, bulk.all);
	const toggle = bulk.spec.toggle;
	const which = toggle ? toggle[bulk.all ? 1 : 0] : undefined;
	const toggleLine = toggle ? [`a: ${bulk.all ? `${toggle[0]} instead` : `${toggle[1]} instead`}`] : [];
	const labels = targets.map(item => `  ${descriptor.label(item)}`);
	const shown = labels.length > maxBulkLines ? [...labels.slice(0, maxBulkLines - 1), `  … and ${labels.length - maxBulkLines + 1} more`] : labels;
	const scope = which === undefined ? '' : ` (${which})`;
	const noun = pluralize(targets.length, singular(descriptor.kind));
	return {
		command,
		targetIds: targets.map(item => descriptor.id(item)),
		question: targets.length === 0 ? `${spec.verb(targets)}: nothing would go${scope}` : `${spec.verb(targets)} ${noun}${scope}?`,
		details: [...shown, ...(targets.length > 0 && bulk.spec.summary ? [bulk.spec.summary(targets)] : []), ...toggleLine],
		offersForce: false,
		force: false,
	};
}

export function forceRetryRequest<T>(descriptor: ResourceDescriptor<T>, command: Command, spec: ActionSpec<T>, failures: ReadonlyArray<Failure<T>>): ConfirmRequest {
	const items = failures.map(failure => failure.item);
	const lines = failures.map(failure => `  ${descriptor.label(failure.item)}: ${messageOf(failure.error)}`);
	return {
		command,
		targetIds: items.map(item => descriptor.id(item)),
		question: `${spec.verb(items)} ${describeTargets(descriptor, items)} with force?`,
		details: lines.length > maxRetryLines ? [...lines.slice(0, maxRetryLines - 1), `  … and ${lines.length - maxRetryLines + 1} more`] : lines,
		offersForce: true,
		force: true,
		...(spec.forceMeaning === undefined ? {} : {forceMeaning: spec.forceMeaning}),
	};
}
