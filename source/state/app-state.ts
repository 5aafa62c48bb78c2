// The dashboard's UI state as one pure reducer: what is selected (by id, never by
// index, so a re-sort cannot move an action onto a neighbour), filters, marks, and
// the one overlay that is open. Data from the daemon lives in hooks, not here.
import type {Command} from '../keymap/keymap.js';
import type {InspectKind} from '../engine/objects.js';

/** Resources shown by the one generic list view (views/registry.ts has their descriptors). */
export type ListKind = 'containers' | 'images' | 'networks' | 'volumes' | 'events';

/** Where the user is. Screens other than lists say where `q` / `esc` go back to. */
export type Route =
	| {readonly screen: 'list'; readonly kind: ListKind; readonly back?: Route}
	| {readonly screen: 'inspect'; readonly kind: InspectKind; readonly id: string; readonly title: string; readonly search: string; readonly back: Route}
	| {readonly screen: 'history'; readonly id: string; readonly title: string; readonly back: Route}
	/** `host`: in a fleet, the key of the one daemon it describes. */
	| {readonly screen: 'df'; readonly back: Route; readonly host?: string}
	| {readonly screen: 'info'; readonly back: Route; readonly host?: string}
	| {readonly screen: 'contexts'; readonly back: Route}
	/** One container's screen; `search` is shared by its logs and inspect tabs. */
	| {readonly screen: 'container'; readonly container: ContainerRef; readonly tab: DetailTab; readonly search: string; readonly back: Route}
	/** Several containers' logs interleaved (marked ones, a compose project). */
	| {readonly screen: 'logs'; readonly containers: readonly ContainerRef[]; readonly title: string; readonly search: string; readonly back: Route}
	/** `:top`: containers by CPU or memory. */
	| {readonly screen: 'top'; readonly back: Route}
	/** The terminal is the container's (exec, attach) until the session ends. */
	| {readonly screen: 'session'; readonly mode: 'exec' | 'attach'; readonly container: ContainerRef; readonly back: Route};

/** A container as routes carry it: the id acts, the name reads. */
export type ContainerRef = {readonly id: string; readonly name: string};

export type DetailTab = 'logs' | 'stats' | 'inspect' | 'processes';

export type ListState = {
	readonly selectedId?: string;
	/** Where the cursor was, so it can clamp to a neighbour when its row goes away. */
	readonly cursorIndex: number;
	readonly filter: string;
	readonly marks: ReadonlySet<string>;
	readonly showAll: boolean;
	readonly scrollTop: number;
	/** Compose projects shown as one row (their containers hidden). */
	readonly folded?: ReadonlySet<string>;
};

export type ConfirmRequest = {
	readonly command: Command;
	/** Captured when the key was pressed: the action goes to these and nothing else. */
	readonly targetIds: readonly string[];
	readonly question: string;
	readonly details: readonly string[];
	readonly offersForce: boolean;
	readonly force: boolean;
	/** What force does here (the dialog's force line); containers' meaning when absent. */
	readonly forceMeaning?: string;
};

export type Overlay =
	| {readonly kind: 'none'}
	| {readonly kind: 'help'; readonly scroll: number}
	| {readonly kind: 'filter'}
	| {readonly kind: 'command'; readonly draft: string}
	| {readonly kind: 'confirm'; readonly request: ConfirmRequest};

export type Flash = {readonly text: string; readonly tone: 'info' | 'busy' | 'error'};

export type AppState = {
	readonly route: Route;
	/** Each list keeps its own cursor, filter and marks while another is shown. */
	readonly lists: Readonly<Record<ListKind, ListState>>;
	readonly overlay: Overlay;
	readonly flash?: Flash;
};

export const emptyList: ListState = {cursorIndex: 0, filter: '', marks: new Set(), showAll: true, scrollTop: 0};

export const listKinds: readonly ListKind[] = ['containers', 'images', 'networks', 'volumes', 'events'];

export const initialState: AppState = {
	route: {screen: 'list', kind: 'containers'},
	lists: Object.fromEntries(listKinds.map(kind => [kind, emptyList])) as Record<ListKind, ListState>,
	overlay: {kind: 'none'},
};

/** Where `q` goes from a route: screens other than the lists say where they came from. */
export function backOf(route: Route): Route | undefined {
	return 'back' in route ? (route as {back?: Route}).back : undefined;
}

/** The list a list-route shows (undefined on other screens). */
export function activeList(state: AppState): ListState | undefined {
	return state.route.screen === 'list' ? state.lists[state.route.kind] : undefined;
}

export type AppAction =
	/** Move the cursor within the rows shown now (ids in display order). */
	| {type: 'move'; ids: readonly string[]; to: 'up' | 'down' | 'top' | 'bottom' | 'pageUp' | 'pageDown'; page: number}
	/** The rows shown changed: keep the selection on its id, or clamp to a neighbour, and keep it on screen. */
	| {type: 'rows'; ids: readonly string[]; page: number}
	| {type: 'toggleMark'; ids: readonly string[]; page: number}
	| {type: 'clearMarks'}
	| {type: 'pruneMarks'; existing: ReadonlySet<string>}
	| {type: 'setFilter'; filter: string}
	| {type: 'clearFilterAndClose'}
	| {type: 'toggleShowAll'}
	| {type: 'open'; overlay: Overlay}
	| {type: 'close'}
	| {type: 'commandDraft'; draft: string}
	| {type: 'toggleForce'}
	| {type: 'flash'; flash: Flash | undefined}
	| {type: 'navigate'; route: Route}
	/** Fold or unfold one group row (a compose project) of the list on show. */
	| {type: 'toggleFold'; id: string; select?: boolean}
	/** The search typed on a screen that has one (inspect). */
	| {type: 'setSearch'; search: string}
	| {type: 'helpScroll'; delta: number};

function updateList(state: AppState, change: (list: ListState) => ListState): AppState {
	if (state.route.screen !== 'list') return state;
	const {kind} = state.route;
	const list = state.lists[kind];
	const next = change(list);
	return next === list ? state : {...state, lists: {...state.lists, [kind]: next}};
}

function clamp(value: number, low: number, high: number): number {
	return Math.max(low, Math.min(high, value));
}

/** Selection and scroll after the rows changed, keeping the selected id when it is still there. */
export function place(list: ListState, ids: readonly string[], page: number, index?: number): ListState {
	if (ids.length === 0) {
		return list.selectedId === undefined && list.scrollTop === 0 ? list : {...list, selectedId: undefined, scrollTop: 0};
	}

	const found = list.selectedId === undefined ? -1 : ids.indexOf(list.selectedId);
	const cursorIndex = clamp(index ?? (found === -1 ? list.cursorIndex : found), 0, ids.length - 1);
	const rows = Math.max(1, page);
	let scrollTop = clamp(list.scrollTop, 0, Math.max(0, ids.length - rows));
	if (cursorIndex < scrollTop) scrollTop = cursorIndex;
	if (cursorIndex >= scrollTop + rows) scrollTop = cursorIndex - rows + 1;
	const selectedId = ids[cursorIndex];
	if (selectedId === list.selectedId && cursorIndex === list.cursorIndex && scrollTop === list.scrollTop) return list;
	return {...list, selectedId, cursorIndex, scrollTop};
}

function moveIndex(current: number, to: Extract<AppAction, {type: 'move'}>['to'], count: number, page: number): number {
	switch (to) {
		case 'up': return current - 1;
		case 'down': return current + 1;
		case 'top': return 0;
		case 'bottom': return count - 1;
		case 'pageUp': return current - Math.max(1, page - 1);
		case 'pageDown': return current + Math.max(1, page - 1);
	}
}

export function reducer(state: AppState, action: AppAction): AppState {
	switch (action.type) {
		case 'move':
			return updateList(state, list => {
				const placed = place(list, action.ids, action.page);
				return place(placed, action.ids, action.page, moveIndex(placed.cursorIndex, action.to, action.ids.length, action.page));
			});
		case 'rows':
			return updateList(state, list => place(list, action.ids, action.page));
		case 'toggleMark':
			return updateList(state, list => {
				const id = list.selectedId;
				if (id === undefined || !action.ids.includes(id)) return list;
				const marks = new Set(list.marks);
				if (marks.has(id)) marks.delete(id);
				else marks.add(id);
				// Marking moves down, so space space space marks a run of rows.
				return place({...list, marks}, action.ids, action.page, list.cursorIndex + 1);
			});
		case 'clearMarks':
			return updateList(state, list => (list.marks.size === 0 ? list : {...list, marks: new Set()}));
		case 'pruneMarks':
			return updateList(state, list => {
				const kept = [...list.marks].filter(id => action.existing.has(id));
				return kept.length === list.marks.size ? list : {...list, marks: new Set(kept)};
			});
		case 'setFilter':
			return updateList(state, list => (list.filter === action.filter ? list : {...list, filter: action.filter}));
		case 'clearFilterAndClose':
			return reducer(reducer(reducer(state, {type: 'setFilter', filter: ''}), {type: 'setSearch', search: ''}), {type: 'close'});
		case 'toggleShowAll':
			return updateList(state, list => ({...list, showAll: !list.showAll}));
		case 'open':
			return {...state, overlay: action.overlay};
		case 'close':
			return state.overlay.kind === 'none' ? state : {...state, overlay: {kind: 'none'}};
		case 'commandDraft':
			return state.overlay.kind === 'command' ? {...state, overlay: {kind: 'command', draft: action.draft}} : state;
		case 'toggleForce': {
			const {overlay} = state;
			if (overlay.kind !== 'confirm' || !overlay.request.offersForce) return state;
			return {...state, overlay: {kind: 'confirm', request: {...overlay.request, force: !overlay.request.force}}};
		}

		case 'navigate':
			return {...state, route: action.route, overlay: {kind: 'none'}};
		case 'toggleFold':
			return updateList(state, list => {
				const folded = new Set(list.folded);
				if (folded.has(action.id)) folded.delete(action.id);
				else folded.add(action.id);
				// Folding from a member row: the cursor goes to the group's row, which stays in view.
				return {...list, folded, ...(action.select ? {selectedId: action.id} : {})};
			});
		case 'setSearch':
			return 'search' in state.route && state.route.search !== action.search ? {...state, route: {...state.route, search: action.search}} : state;
		case 'flash':
			return state.flash === action.flash ? state : {...state, flash: action.flash};
		case 'helpScroll':
			return state.overlay.kind === 'help' ? {...state, overlay: {kind: 'help', scroll: Math.max(0, state.overlay.scroll + action.delta)}} : state;
	}
}
