import {useCallback, useRef, useState} from 'react';

/**
 * useReducer whose current state can also be read synchronously. Keys can arrive
 * faster than React renders (a paste, a fast typist, tmux send-keys): each key
 * must see the state the previous key left, not the last rendered one.
 */
export function useStore<S, A>(reducer: (state: S, action: A) => S, initial: S): [S, (action: A) => void, () => S] {
	const current = useRef(initial);
	const [state, setState] = useState(initial);
	const dispatch = useCallback(
		(action: A) => {
			current.current = reducer(current.current, action);
			setState(current.current);
		},
		[reducer],
	);
	const get = useCallback(() => current.current, []);
	return [state, dispatch, get];
}
