// What a log view remembers between keys: following or where it is scrolled to, the
// display toggles, the match jumped to, and which part of the log it asked for.
import type {Command} from '../keymap/keymap.js';
import type {LogRange} from '../hooks/use-log-stream.js';

export type LogsViewState = {
	readonly follow: boolean;
	/** The first line shown when not following (an absolute line index). */
	readonly anchor?: number;
	readonly wrap: boolean;
	readonly timestamps: boolean;
	/** Only the lines that match the search. */
	readonly filter: boolean;
	/** The match `n` / `N` went to (a line index). */
	readonly current?: number;
	readonly range: LogRange;
	/** How the range reads in the title: "last 1000 lines", "since 5 m". */
	readonly rangeLabel: string;
};

export const initialLogsView: LogsViewState = {follow: true, wrap: false, timestamps: false, filter: false, range: {tail: 1000}, rangeLabel: 'last 1000 lines'};

/** The presets of keys 0–6: seconds back, or everything. */
const presets: Partial<Record<Command, {seconds?: number; label: string}>> = {
	'logs.sinceStart': {label: 'everything'},
	'logs.since1m': {seconds: 60, label: 'since 1 m'},
	'logs.since5m': {seconds: 300, label: 'since 5 m'},
	'logs.since15m': {seconds: 900, label: 'since 15 m'},
	'logs.since30m': {seconds: 1800, label: 'since 30 m'},
	'logs.since1h': {seconds: 3600, label: 'since 1 h'},
	'logs.since24h': {seconds: 86_400, label: 'since 24 h'},
};

/** The range a preset key asks for, from `now` (ms); undefined for other commands. */
export function presetRange(command: Command, now: number): {range: LogRange; label: string} | undefined {
	const preset = presets[command];
	if (!preset) return undefined;
	return {range: preset.seconds === undefined ? {tail: 'all'} : {tail: 'all', since: Math.floor(now / 1000) - preset.seconds}, label: preset.label};
}

export type LogsViewAction =
	| {type: 'follow'; on: boolean}
	| {type: 'scroll'; anchor: number}
	| {type: 'toggle'; what: 'wrap' | 'timestamps' | 'filter'}
	| {type: 'jump'; current: number; anchor: number}
	| {type: 'range'; range: LogRange; label: string}
	| {type: 'forgetMatch'};

export function logsViewReducer(state: LogsViewState, action: LogsViewAction): LogsViewState {
	switch (action.type) {
		case 'follow':
			return {...state, follow: action.on, ...(action.on ? {anchor: undefined} : {})};
		case 'scroll':
			return {...state, follow: false, anchor: action.anchor};
		case 'toggle':
			return {...state, [action.what]: !state[action.what]};
		case 'jump':
			return {...state, follow: false, current: action.current, anchor: action.anchor};
		case 'range':
			// A new part of the log: its lines get new indexes, so old positions mean nothing.
			return {...state, range: action.range, rangeLabel: action.label, follow: true, anchor: undefined, current: undefined};
		case 'forgetMatch':
			return state.current === undefined ? state : {...state, current: undefined};
	}
}
