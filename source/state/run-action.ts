// Runs one descriptor action on the objects captured when the key was pressed, and
// says what happened in one status line. React-free so it is tested on its own.
import type {Engine} from '../engine/engine.js';
import {isEngineError} from '../engine/errors.js';
import type {Flash} from './app-state.js';
import type {ActionSpec, Operation, ResourceDescriptor} from './resource-descriptor.js';
import {pluralize} from '../text/format.js';

export type Planned<T> = {readonly item: T; readonly operation: Operation};

/** What the action would do to each target; targets it does not apply to are left out. */
export function planAction<T>(spec: ActionSpec<T>, targets: readonly T[], plan = spec.plan): Array<Planned<T>> {
	return targets.flatMap(item => {
		const operation = plan?.(item);
		return operation ? [{item, operation}] : [];
	});
}

function noun<T>(descriptor: ResourceDescriptor<T>, count: number): string {
	return pluralize(count, descriptor.kind.replace(/s$/, ''));
}

export function describeTargets<T>(descriptor: ResourceDescriptor<T>, items: readonly T[]): string {
	return items.length === 1 ? descriptor.label(items[0]!) : noun(descriptor, items.length);
}

export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export type Failure<T> = {readonly item: T; readonly error: unknown};

/** Runs every planned operation at once and reports progress, then the outcome; resolves with what failed. */
export async function runPlanned<T>(
	engine: Engine,
	descriptor: ResourceDescriptor<T>,
	planned: ReadonlyArray<Planned<T>>,
	force: boolean,
	report: (flash: Flash) => void,
): Promise<Array<Failure<T>>> {
	if (planned.length === 0) return [];
	const first = planned[0]!.operation;
	const sameVerb = planned.every(step => step.operation.progress === first.progress);
	const who = describeTargets(descriptor, planned.map(step => step.item));
	report({tone: 'busy', text: `${sameVerb ? first.progress : 'Working on'} ${who}…`});
	const results = await Promise.allSettled(planned.map(async step => step.operation.run(engine, {force})));
	const failures = results.flatMap((result, index) => (result.status === 'rejected' ? [{item: planned[index]!.item, error: result.reason as unknown}] : []));
	const succeeded = planned.length - failures.length;
	const done = sameVerb ? first.done : 'done';
	if (failures.length === 0) {
		report({tone: 'info', text: `${who} ${done}`});
		return [];
	}

	const firstFailure = failures[0]!;
	// Gone between the frame and the key press (removed outside dtui): said in words, not as the daemon's 404.
	const gone = isEngineError(firstFailure.error) && firstFailure.error.kind === 'not-found';
	const detail = `${descriptor.label(firstFailure.item)}: ${gone ? 'no longer exists, nothing done' : messageOf(firstFailure.error)}`;
	const prefix = succeeded > 0 ? `${succeeded} ${done}, ${failures.length} failed — ` : failures.length > 1 ? `${failures.length} failed — ` : '';
	report({tone: 'error', text: prefix + detail});
	return failures;
}
