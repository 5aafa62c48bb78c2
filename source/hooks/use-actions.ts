import {useRef} from 'react';
import type {AppAction, ConfirmRequest, ListState} from '../app-state.js';
import type {Engine} from '../docker/engine.js';
import type {ConnectionStatus} from '../docker/monitor.js';
import type {Command} from '../keymap/keymap.js';
import {pluralize} from '../format.js';
import {describeTargets, planAction, runPlanned, type Planned} from '../run-action.js';
import type {ResourceDescriptor} from '../views/resource-descriptor.js';

const maxDetailLines = 6;

type Context<T> = {
	readonly engine: Engine;
	readonly descriptor: ResourceDescriptor<T>;
	readonly dispatch: (action: AppAction) => void;
	/** Read at the moment of the key press, never from an older render. */
	readonly latest: () => {list: ListState; items: readonly T[]; shownIds: readonly string[]; connection: ConnectionStatus};
	/** Ids this dtui removed itself, so their disappearance is not reported as news. */
	readonly ownRemovals: Set<string>;
};

/**
 * Runs descriptor actions: on the marked rows, else the selected one, captured when
 * the key is pressed. Dangerous ones ask first; what was planned is what runs.
 */
export function useActions<T>({engine, descriptor, dispatch, latest, ownRemovals}: Context<T>) {
	const pending = useRef<{request: ConfirmRequest; planned: Array<Planned<T>>} | undefined>(undefined);
	const flash = (text: string, tone: 'info' | 'error' = 'info') => dispatch({type: 'flash', flash: {text, tone}});

	function targets(): T[] {
		const {list, items, shownIds} = latest();
		if (list.marks.size > 0) return items.filter(item => list.marks.has(descriptor.id(item)));
		if (list.selectedId === undefined || !shownIds.includes(list.selectedId)) return [];
		return items.filter(item => descriptor.id(item) === list.selectedId);
	}

	async function execute(planned: Array<Planned<T>>, force: boolean) {
		if (latest().connection.state !== 'connected') {
			flash('Not connected to the daemon: nothing done', 'error');
			return;
		}

		if (latest().list.marks.size > 0) dispatch({type: 'clearMarks'});
		for (const step of planned) if (step.operation.progress === 'Removing') ownRemovals.add(descriptor.id(step.item));
		await runPlanned(engine, descriptor, planned, force, next => dispatch({type: 'flash', flash: next}));
	}

	function start(command: Command) {
		const spec = descriptor.actions[command];
		if (!spec) return;
		const chosen = targets();
		if (chosen.length === 0) {
			flash('Nothing selected', 'error');
			return;
		}

		const planned = planAction(spec, chosen);
		if (planned.length === 0) {
			flash(`${spec.verb(chosen)}: does not apply to ${describeTargets(descriptor, chosen)} (${chosen.map(item => descriptor.stateOf?.(item) ?? '').join(', ')})`, 'error');
			return;
		}

		if (!planned.some(step => step.operation.dangerous)) {
			void execute(planned, false);
			return;
		}

		const items = planned.map(step => step.item);
		const skipped = chosen.length - planned.length;
		const details = [
			...(items.length > 1 ? items.slice(0, maxDetailLines).map(item => `  ${descriptor.label(item)}`) : []),
			...(items.length > maxDetailLines ? [`  … and ${items.length - maxDetailLines} more`] : []),
			...(skipped > 0 ? [`(${pluralize(skipped, `marked ${descriptor.kind.replace(/s$/, '')}`)} left alone: does not apply)`] : []),
		];
		const request: ConfirmRequest = {
			command,
			targetIds: items.map(item => descriptor.id(item)),
			question: `${spec.verb(items)} ${describeTargets(descriptor, items)}?`,
			details,
			offersForce: spec.offersForce?.(items) ?? false,
			force: false,
		};
		pending.current = {request, planned};
		dispatch({type: 'open', overlay: {kind: 'confirm', request}});
	}

	function confirm(request: ConfirmRequest) {
		dispatch({type: 'close'});
		const plan = pending.current;
		pending.current = undefined;
		if (plan?.request.targetIds !== request.targetIds) return;
		// Objects that went away while the dialog was open are reported, never substituted.
		const present = new Set(latest().items.map(item => descriptor.id(item)));
		const gone = plan.planned.filter(step => !present.has(descriptor.id(step.item)));
		const still = plan.planned.filter(step => present.has(descriptor.id(step.item)));
		if (still.length === 0) {
			flash(`${describeTargets(descriptor, gone.map(step => step.item))} no longer exists: nothing done`, 'error');
			return;
		}

		void execute(still, request.force);
	}

	function cancel() {
		pending.current = undefined;
		dispatch({type: 'close'});
		flash('Cancelled: nothing done');
	}

	return {start, confirm, cancel};
}
