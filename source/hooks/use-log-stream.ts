import {useEffect, useRef, useState} from 'react';
import type {ContainerRef} from '../state/app-state.js';
import type {LogLine} from '../engine/container-io.js';
import type {Engine} from '../engine/engine.js';
import type {Monitor} from '../engine/monitor.js';
import {isEngineError} from '../engine/errors.js';
import {mergeInOrder, RingBuffer} from '../logs/log-buffer.js';
import {MatchIndex, type SearchQuery} from '../logs/log-search.js';

/** A line and which of the followed containers wrote it. */
export type ShownLine = LogLine & {readonly source: number};

/** Which part of the log to start from: the last lines, or since a moment. */
export type LogRange = {readonly tail: number | 'all'; readonly since?: number};

export type LogStream = {
	readonly buffer: RingBuffer<ShownLine>;
	/** Absolute indexes of the lines that match the query. */
	readonly matches: readonly number[];
	/**
	 * 'ended': every container stopped writing (not running); it follows again when one starts.
	 * 'interrupted': the daemon went away; it follows again, from the last line, when it is back.
	 */
	readonly status: 'loading' | 'live' | 'ended' | 'interrupted';
	readonly error?: string;
};

type Stream = {
	readonly buffer: RingBuffer<ShownLine>;
	/** The lowest index a merge rewrote since the search index last looked. */
	changedFrom: number;
	index?: MatchIndex<ShownLine>;
	status: LogStream['status'];
	error?: string;
};

const textOf = (line: ShownLine) => line.text;

/**
 * The logs of one or more containers, followed, in a bounded buffer. New lines are
 * gathered and drawn together at most every `flushMs` (a container writing 10 000
 * lines a second costs 20 renders a second, not 10 000); several containers' lines are
 * merged in time order. Hidden (`visible` false), it keeps reading but does not render.
 */
export function useLogStream(engine: Engine, monitor: Monitor, sources: readonly ContainerRef[], range: LogRange, query: SearchQuery | undefined, options: {capacity: number; flushMs: number; visible: boolean}): LogStream {
	const [, setRevision] = useState(0);
	const stream = useRef<Stream | undefined>(undefined);
	const visible = useRef(options.visible);
	const stale = useRef(false);
	const key = `${sources.map(source => source.id).join(',')}|${range.tail}|${range.since ?? ''}|${options.capacity}`;
	if (stream.current === undefined) stream.current = {buffer: new RingBuffer(options.capacity), changedFrom: 0, status: 'loading'};

	visible.current = options.visible;
	useEffect(() => {
		if (options.visible && stale.current) setRevision(revision => revision + 1);
	}, [options.visible]);

	useEffect(() => {
		const state: Stream = {buffer: new RingBuffer(options.capacity), changedFrom: 0, status: 'loading'};
		stream.current = state;
		const stop = new AbortController();
		const open = new Set<number>();
		const newest = new Map<number, number>();
		let interrupted = false;
		let pending: ShownLine[] = [];
		let timer: NodeJS.Timeout | undefined;

		const render = () => {
			if (visible.current) setRevision(revision => revision + 1);
			else stale.current = true;
		};

		const flush = () => {
			timer = undefined;
			const batch = pending;
			pending = [];
			if (batch.length > 0) {
				const from = sources.length > 1 ? mergeInOrder(state.buffer, batch, line => line.order) : state.buffer.end;
				if (sources.length === 1) state.buffer.push(batch);
				state.changedFrom = Math.min(state.changedFrom, from);
			}

			// The first flush comes one period after opening: a quiet container is live, not loading.
			if (state.status === 'loading') state.status = 'live';
			if (open.size === 0 && !stop.signal.aborted) state.status = interrupted ? 'interrupted' : 'ended';
			render();
		};

		const schedule = () => {
			// A burst bigger than the buffer keeps only what the buffer would keep.
			if (pending.length > 2 * options.capacity) pending.splice(0, pending.length - options.capacity);
			timer ??= setTimeout(flush, options.flushMs);
		};

		/** `after`: a follow resumed after a restart asks from the last second seen; what is already here is skipped. */
		async function follow(source: number, from: LogRange, after = Number.NEGATIVE_INFINITY) {
			open.add(source);
			state.status = state.status === 'ended' || state.status === 'interrupted' ? 'live' : state.status;
			try {
				for await (const line of engine.logs(sources[source]!.id, {follow: true, ...from}, stop.signal)) {
					if (line.order <= after) continue;
					if (Number.isFinite(line.order)) newest.set(source, line.order);
					pending.push({...line, source});
					schedule();
				}
			} catch (error) {
				// The daemon went away (not the container): say so, and resume on reconnection.
				if (isEngineError(error) && (error.kind === 'unreachable' || error.kind === 'timeout')) interrupted = true;
				else state.error = error instanceof Error ? error.message : String(error);
			} finally {
				open.delete(source);
				if (!stop.signal.aborted) schedule();
			}
		}

		for (const index of sources.keys()) void follow(index, range);
		schedule();
		const resume = (index: number) => {
			const last = newest.get(index);
			void follow(index, {tail: 'all', ...(last === undefined ? {} : {since: Math.floor(last / 1000)})}, last);
		};

		// A container that starts again writes again: follow it from where it left off.
		const offEvent = monitor.onEvent(event => {
			const index = sources.findIndex(source => source.id === event.id);
			if (event.type !== 'container' || event.action !== 'start' || index === -1 || open.has(index)) return;
			resume(index);
		});
		// The daemon is back: every stream it cut follows again from its last line.
		const offReconnect = monitor.onReconnect(() => {
			if (!interrupted) return;
			interrupted = false;
			for (const index of sources.keys()) if (!open.has(index)) resume(index);
		});
		return () => {
			stop.abort();
			clearTimeout(timer);
			offEvent();
			offReconnect();
		};
		// The sources and the range are in the key.
	}, [engine, monitor, key]);

	const state = stream.current;
	stale.current = false;
	if (state.index?.query !== query) state.index = query ? new MatchIndex(query, textOf) : undefined;
	const matches = state.index?.update(state.buffer, state.changedFrom) ?? [];
	state.changedFrom = state.buffer.end;
	return {buffer: state.buffer, matches, status: state.status, ...(state.error === undefined ? {} : {error: state.error})};
}
