import React, {useMemo, useRef, useState, type MutableRefObject} from 'react';
import {Box, Text} from 'ink';
import type {Route} from '../state/app-state.js';
import type {Command} from '../keymap/keymap.js';
import {useFetched} from '../hooks/use-fetched.js';
import {useScroll} from '../hooks/use-scroll.js';
import {ScrollText} from '../components/scroll-text.js';
import {pluralize} from '../text/format.js';
import {truncate} from '../text/cell-width.js';
import {theme} from '../components/theme.js';
import {summaryLines} from './container-summary.js';
import {documentLines, highlight, matchingLines} from './document-lines.js';
import type {PaneKeys} from './logs-pane.js';
import type {ScreenBasics} from './screen-props.js';

type Props = ScreenBasics & {
	readonly id: string;
	readonly search: string;
	readonly back: Route;
	readonly keys: MutableRefObject<PaneKeys | undefined>;
};

/** The container's summary (command, env, mounts, ports, labels, restart, health) above its whole inspect document; `/` searches both. */
export function InspectPane({id, search, engine, monitor, dispatch, current, back, width, height, keys}: Props) {
	// Health results and state change with the container's events: read again then.
	const fetched = useFetched(async signal => engine.inspect('containers', id, signal), `containers/${id}`, monitor, ['container']);
	const lines = useMemo(() => (fetched.value === undefined ? [] : [...summaryLines(fetched.value), ...documentLines(fetched.value)]), [fetched.value]);
	const page = Math.max(1, height - 1);
	const {top, scroll, reveal} = useScroll(lines.length, page);
	const matches = useMemo(() => matchingLines(lines, search), [lines, search]);
	const [matchIndex, setMatchIndex] = useState(0);
	const lastSearch = useRef(search);

	if (lastSearch.current !== search) {
		lastSearch.current = search;
		setMatchIndex(0);
		if (matches[0] !== undefined) reveal(matches[0]);
	}

	function step(delta: number) {
		if (matches.length === 0) {
			dispatch({type: 'flash', flash: {tone: 'info', text: search === '' ? 'No search: / searches' : `No match for “${search}”`}});
			return;
		}

		const next = (matchIndex + delta + matches.length) % matches.length;
		setMatchIndex(next);
		reveal(matches[next]!);
	}

	function run(command: Command): boolean {
		if (scroll(command)) return true;
		switch (command) {
			case 'inspect.search': dispatch({type: 'open', overlay: {kind: 'filter'}}); return true;
			case 'inspect.next': step(1); return true;
			case 'inspect.previous': step(-1); return true;
			case 'view.back': {
				const now = current().route;
				if ('search' in now && now.search !== '') dispatch({type: 'setSearch', search: ''});
				else dispatch({type: 'navigate', route: back});
				return true;
			}

			default: return false;
		}
	}

	keys.current = {run};
	const currentMatch = matches[Math.min(matchIndex, matches.length - 1)];
	const found = search === '' ? '' : matches.length === 0 ? ` · no match for “${search}”` : ` · “${search}” ${matchIndex + 1}/${matches.length}`;
	const shown = useMemo(() => lines.map(line => highlight(line, search)), [lines, search]);
	return (
		<Box flexDirection="column" height={height}>
			<Text color={theme.accent} wrap="truncate">{truncate(`${pluralize(lines.length, 'line')}${found}`, width)}</Text>
			{fetched.value === undefined ? (
				<Text color={fetched.error ? theme.error : theme.muted}>{truncate(fetched.error ? `Cannot inspect: ${fetched.error}` : 'Loading…', width)}</Text>
			) : (
				<ScrollText lines={shown} top={top} height={page} width={width} gutter={index => (index === currentMatch ? '›' : ' ')} />
			)}
		</Box>
	);
}
