/**
 * The listeners of a store that only works while someone listens (a list that fetches
 * and follows events): `start` runs when the first one comes, the stop it returns when
 * the last one goes.
 */
export function listened(start: () => () => void): {subscribe(listener: () => void): () => void; notify(): void} {
	const listeners = new Set<() => void>();
	let stop: (() => void) | undefined;
	return {
		subscribe(listener) {
			listeners.add(listener);
			if (listeners.size === 1) stop = start();
			return () => {
				listeners.delete(listener);
				if (listeners.size === 0) {
					stop?.();
					stop = undefined;
				}
			};
		},
		notify() {
			for (const listener of listeners) listener();
		},
	};
}
