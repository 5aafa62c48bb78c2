import {useRef, useState} from 'react';

/**
 * A log-like list (events): while following, it shows everything and the view keeps the
 * newest row under the cursor; paused, it holds still on what it showed and counts what
 * came since. Lists that do not follow pass their items through untouched.
 */
export function useFollow<T>(enabled: boolean, items: readonly T[], id: (item: T) => string) {
	const [frozen, setFrozen] = useState<readonly T[] | undefined>(undefined);
	// What the last key left, ahead of the next render.
	const latest = useRef<{items: readonly T[]; frozen?: readonly T[]}>({items});
	latest.current.items = items;

	function freeze(next: readonly T[] | undefined) {
		latest.current.frozen = next;
		setFrozen(next);
	}

	const shown = enabled ? (frozen ?? items) : items;
	const last = frozen?.at(-1);
	const since = last === undefined ? items.length : items.length - 1 - items.findIndex(item => id(item) === id(last));
	return {
		items: shown,
		/** The items as the last key left them (keys come faster than renders). */
		latestItems: () => (enabled ? (latest.current.frozen ?? latest.current.items) : latest.current.items),
		following: enabled && frozen === undefined,
		toggle: () => freeze(latest.current.frozen ? undefined : latest.current.items),
		pause() {
			if (enabled && !latest.current.frozen) freeze(latest.current.items);
		},
		title: !enabled ? '' : frozen ? `paused · ${since} new (f follows)` : 'following',
	};
}
