import {useSyncExternalStore} from 'react';
import type {ConnectionStatus, Monitor} from '../docker/monitor.js';

export function useConnection(monitor: Monitor): ConnectionStatus {
	return useSyncExternalStore(monitor.onStatus, monitor.status);
}
