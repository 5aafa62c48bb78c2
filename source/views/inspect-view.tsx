import React, {useMemo, useRef, useState} from 'react';
import {Box, Text} from 'ink';
import type {Command} from '../keymap/keymap.js';
import {useFetched} from '../hooks/use-fetched.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {useScroll} from '../hooks/use-scroll.js';
import {ScrollText} from '../components/scroll-text.js';
import {pluralize} from '../text/format.js';
import {truncate} from '../text/cell-width.js';
import {theme} from '../components/theme.js';
import {documentLines, highlight, matchingLines} from './document-lines.js';
import type {RouteScreenProps} from './screen-props.js';

type Props = RouteScreenProps<'inspect'>;

/** The daemon's whole document for one object, readable, searchable; `q` / `esc` go back. */
export function InspectView({route, engine, monitor, dispatch, current, width, height}: Props) {
	const {kind, id} = route;
	const fetched = useFetched(async signal => engine.inspect(kind, id, signal), `${kind}/${id}`, monitor);
	const lines = useMemo(() => (fetched.value === undefined ? [] : documentLines(fetched.value)), [fetched.value]);
	const page = Math.max(1, height - 1);
	const {top, scroll, reveal} = useScroll(lines.length, page);
	const matches = useMemo(() => matchingLines(lines, route.search), [lines, route.search]);
	const [matchIndex, setMatchIndex] = useState(0);
	const lastSearch = useRef(route.search);

	// A new search goes to its first match.
	if (lastSearch.current !== route.search) {
		lastSearch.current = route.search;
		setMatchIndex(0);
		if (matches[0] !== undefined) reveal(matches[0]);
	}

	function step(delta: number) {
		if (matches.length === 0) {
			dispatch({type: 'flash', flash: {tone: 'info', text: route.search === '' ? 'No search: / searches' : `No match for “${route.search}”`}});
			return;
		}

		const next = (matchIndex + delta + matches.length) % matches.length;
		setMatchIndex(next);
		reveal(matches[next]!);
	}

	function run(command: Command) {
		if (scroll(command)) return;
		switch (command) {
			case 'inspect.search': dispatch({type: 'open', overlay: {kind: 'filter'}}); break;
			case 'inspect.next': step(1); break;
			case 'inspect.previous': step(-1); break;
			case 'view.back': {
				const now = current().route;
				if (now.screen === 'inspect' && now.search !== '') dispatch({type: 'setSearch', search: ''});
				else dispatch({type: 'navigate', route: route.back});
				break;
			}

			default: break;
		}
	}

	useScreenKeys({scopes: ['inspect', 'view'], run});

	const currentMatch = matches[Math.min(matchIndex, matches.length - 1)];
	const found = route.search === '' ? '' : matches.length === 0 ? ` · no match for “${route.search}”` : ` · “${route.search}” ${matchIndex + 1}/${matches.length}`;
	const title = `${route.title} · inspect · ${pluralize(lines.length, 'line')}${found}`;
	const shown = useMemo(() => lines.map(line => highlight(line, route.search)), [lines, route.search]);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent} wrap="truncate">{truncate(title, width)}</Text>
			{fetched.value === undefined ? (
				<Text color={fetched.error ? theme.error : theme.muted}>{truncate(fetched.error ? `Cannot inspect: ${fetched.error}` : 'Loading…', width)}</Text>
			) : (
				<ScrollText lines={shown} top={top} height={page} width={width} gutter={index => (index === currentMatch ? '›' : ' ')} />
			)}
		</Box>
	);
}
