import {useSyncExternalStore} from 'react';
import type {Engine} from '../docker/engine.js';
import {transfersOf, type Transfer} from '../transfer-store.js';

/** The engine's pulls and pushes, redrawn as the store batches their progress. */
export function useTransfers(engine: Engine): readonly Transfer[] {
	const store = transfersOf(engine);
	return useSyncExternalStore(store.subscribe, store.snapshot);
}
