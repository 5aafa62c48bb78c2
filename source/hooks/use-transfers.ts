import {useSyncExternalStore} from 'react';
import type {Engine} from '../engine/engine.js';
import {transfersOf, type Transfer} from '../transfers/transfer-store.js';

/** The engine's pulls and pushes, redrawn as the store batches their progress. */
export function useTransfers(engine: Engine): readonly Transfer[] {
	const store = transfersOf(engine);
	return useSyncExternalStore(store.subscribe, store.snapshot);
}
