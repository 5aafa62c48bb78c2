import {useSyncExternalStore} from 'react';
import type {ConnectionStatus, Monitor} from '../engine/monitor.js';

export function useConnection(monitor: Monitor): ConnectionStatus {
	return useSyncExternalStore(monitor.onStatus, monitor.status);
}
