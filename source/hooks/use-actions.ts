import {useRef} from 'react';
import type {AppAction, ConfirmRequest, ListState} from '../state/app-state.js';
import type {Engine} from '../engine/engine.js';
import type {ConnectionStatus} from '../engine/monitor.js';
import type {Command} from '../keymap/keymap.js';
import {pluralize} from '../text/format.js';
import {describeTargets, planAction, runPlanned, type Planned} from '../state/run-action.js';
import type {ActionSpec, ResourceDescriptor} from '../state/resource-descriptor.js';
import {bulkRequest, forceRetryRequest, type Bulk} from './confirm-requests.js';

const maxDetailLines = 6;

/** What a key acts on: the marked rows, else the selected one; a group row stands for its members. */
type Targets<T> = {readonly items: T[]; readonly group?: string};

type Context<T> = {
	readonly engine: Engine;
	readonly descriptor: ResourceDescriptor<T>;
	readonly dispatch: (action: AppAction) => void;
	/** Read at the moment of the key press, never from an older render. */
	readonly latest: () => {list: ListState; items: readonly T[]; shownIds: readonly string[]; connection: ConnectionStatus};
	/** Ids this dtui removed itself, so their disappearance is not reported as news. */
	readonly ownRemovals: Set<string>;
	/** The members of a group row (a compose project), by the row's id; undefined for other ids. */
	readonly expand?: (id: string) => {items: T[]; label: string} | undefined;
	/**
	 * Fetches the list again. Called when an action has ended: its events may have come and
	 * gone before the daemon's list showed the change (after a kill, dockerd lists the
	 * container as running until just before the request returns, past the `die` event).
	 */
	readonly relist?: () => void;
};

/**
 * Runs descriptor actions: on the marked rows, else the selected one, captured when
 * the key is pressed. Dangerous ones ask first; what was planned is what runs.
 */
export function useActions<T>({engine, descriptor, dispatch, latest, ownRemovals, expand, relist}: Context<T>) {
	const pending = useRef<{request: ConfirmRequest; planned: Array<Planned<T>>; spec?: ActionSpec<T>; bulk?: Bulk<T>} | undefined>(undefined);
	const flash = (text: string, tone: 'info' | 'error' = 'info') => dispatch({type: 'flash', flash: {text, tone}});

	function targets(): Targets<T> {
		const {list, items, shownIds} = latest();
		const byId = (id: string) => expand?.(id)?.items ?? items.filter(item => descriptor.id(item) === id);
		if (list.marks.size > 0) return {items: [...new Set([...list.marks].flatMap(id => byId(id)))]};
		if (list.selectedId === undefined || !shownIds.includes(list.selectedId)) return {items: []};
		return {items: byId(list.selectedId), group: expand?.(list.selectedId)?.label};
	}

	function ready(): boolean {
		if (latest().connection.state === 'connected') return true;
		flash('Not connected to the daemon: nothing done', 'error');
		return false;
	}

	async function execute(planned: Array<Planned<T>>, force: boolean, spec?: ActionSpec<T>, command?: Command) {
		if (!ready()) return;
		if (latest().list.marks.size > 0) dispatch({type: 'clearMarks'});
		for (const step of planned) if (/^(Removing|Untagging)$/.test(step.operation.progress)) ownRemovals.add(descriptor.id(step.item));
		const failures = await runPlanned(engine, descriptor, planned, force, next => dispatch({type: 'flash', flash: next}));
		relist?.();
		// The daemon refused what force would do (an image in several repositories): offer exactly that, asking again.
		const forceable = force || !spec?.retryWithForce || !command ? [] : failures.filter(failure => spec.retryWithForce!(failure.error));
		if (forceable.length === 0) return;
		const retry = planned.filter(step => forceable.some(failure => failure.item === step.item));
		const request = forceRetryRequest(descriptor, command!, spec!, forceable);
		pending.current = {request, planned: retry, spec};
		dispatch({type: 'open', overlay: {kind: 'confirm', request}});
	}

	/** Prune: everything the action picks from the list as it is now, shown before it goes. */
	function openBulk(command: Command, spec: ActionSpec<T>, bulk: Bulk<T>) {
		const request = bulkRequest(descriptor, command, spec, bulk, latest().items);
		if (request.targetIds.length === 0 && !bulk.spec.toggle) {
			flash(`${spec.verb([])}: nothing to do (no unused ${descriptor.kind})`);
			return;
		}

		pending.current = {request, planned: [], spec, bulk};
		dispatch({type: 'open', overlay: {kind: 'confirm', request}});
	}

	async function runBulk(bulk: Bulk<T>) {
		if (!ready()) return;
		dispatch({type: 'flash', flash: {tone: 'busy', text: `${bulk.spec.progress} ${descriptor.kind}…`}});
		try {
			flash(await bulk.spec.run(engine, {all: bulk.all}));
		} catch (error) {
			flash(`${bulk.spec.progress} ${descriptor.kind} failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
		}

		relist?.();
	}

	function start(command: Command) {
		const spec = descriptor.actions[command];
		if (!spec) return;
		if (spec.bulk) {
			openBulk(command, spec, {spec: spec.bulk, all: false});
			return;
		}

		const {items: chosen, group} = targets();
		if (chosen.length === 0) {
			flash('Nothing selected', 'error');
			return;
		}

		const planned = planAction(spec, chosen, group === undefined ? spec.plan : spec.planGroup?.(chosen) ?? spec.plan);
		if (planned.length === 0) {
			flash(`${spec.verb(chosen)}: does not apply to ${describeTargets(descriptor, chosen)} (${chosen.map(item => descriptor.stateOf?.(item) ?? '').join(', ')})`, 'error');
			return;
		}

		if (!planned.some(step => step.operation.dangerous)) {
			void execute(planned, false, spec, command);
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
			question: `${spec.verb(items)} ${group === undefined ? describeTargets(descriptor, items) : `${group} (${describeTargets(descriptor, items)})`}?`,
			details,
			offersForce: spec.offersForce?.(items) ?? false,
			force: false,
			...(spec.forceMeaning === undefined ? {} : {forceMeaning: spec.forceMeaning}),
		};
		pending.current = {request, planned, spec};
		dispatch({type: 'open', overlay: {kind: 'confirm', request}});
	}

	function confirm(request: ConfirmRequest) {
		dispatch({type: 'close'});
		const plan = pending.current;
		pending.current = undefined;
		if (plan?.request.targetIds !== request.targetIds) return;
		if (plan.bulk) {
			if (request.targetIds.length === 0) flash(`${plan.spec?.verb([]) ?? 'Prune'}: nothing to do`);
			else void runBulk(plan.bulk);
			return;
		}

		// Objects that went away while the dialog was open are reported, never substituted.
		const present = new Set(latest().items.map(item => descriptor.id(item)));
		const gone = plan.planned.filter(step => !present.has(descriptor.id(step.item)));
		const still = plan.planned.filter(step => present.has(descriptor.id(step.item)));
		if (still.length === 0) {
			flash(`${describeTargets(descriptor, gone.map(step => step.item))} no longer exists: nothing done`, 'error');
			return;
		}

		void execute(still, request.force, plan.spec, request.command);
	}

	/** The dialog's `a`: the same action over the other set (dangling only ↔ all unused). */
	function toggleAll() {
		const plan = pending.current;
		if (!plan?.bulk?.spec.toggle || !plan.spec) return;
		openBulk(plan.request.command, plan.spec, {...plan.bulk, all: !plan.bulk.all});
	}

	function cancel() {
		pending.current = undefined;
		dispatch({type: 'close'});
		flash('Cancelled: nothing done');
	}

	return {start, confirm, cancel, toggleAll};
}
