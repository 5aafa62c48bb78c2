import {useRef, useState} from 'react';
import type {Command} from '../keymap/keymap.js';

/**
 * A read-only screen's scroll position and the `view.*` keys that move it. The position
 * is also kept in a ref, so keys that arrive faster than renders each see the last one.
 */
export function useScroll(total: number, page: number) {
	const [top, setTopState] = useState(0);
	const current = useRef(0);
	const maxTop = Math.max(0, total - page);
	const clamp = (value: number) => Math.max(0, Math.min(maxTop, value));

	function setTop(value: number) {
		current.current = clamp(value);
		setTopState(current.current);
	}

	/** Handles a view.* scrolling command; false for any other. */
	function scroll(command: Command): boolean {
		const now = clamp(current.current);
		const step = Math.max(1, page - 1);
		const next: Partial<Record<Command, number>> = {
			'view.down': now + 1,
			'view.up': now - 1,
			'view.top': 0,
			'view.bottom': maxTop,
			'view.pageDown': now + step,
			'view.pageUp': now - step,
		};
		const target = next[command];
		if (target === undefined) return false;
		setTop(target);
		return true;
	}

	/** Brings line `index` into view, a few lines below the top when it has to move. */
	function reveal(index: number) {
		const now = clamp(current.current);
		if (index < now || index >= now + page) setTop(index - Math.min(2, Math.floor(page / 3)));
	}

	return {top: clamp(top), scroll, reveal, setTop};
}
