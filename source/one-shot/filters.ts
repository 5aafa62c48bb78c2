// `--filter key=value` as docker parses it: values of one key OR, different keys AND
// (the daemon applies them; this only checks and groups them).

export class FilterError extends Error {}

export const containerFilterKeys = ['name', 'status', 'label', 'ancestor', 'id', 'health', 'network', 'volume', 'exited', 'before', 'since', 'is-task', 'publish', 'expose'] as const;

// The keys dockerd knows for each list (API 1.41; `until` is newer: an older daemon refuses it itself).
export const imageFilterKeys = ['dangling', 'label', 'before', 'since', 'reference', 'until'] as const;
export const networkFilterKeys = ['driver', 'id', 'label', 'name', 'scope', 'type', 'dangling'] as const;
export const volumeFilterKeys = ['dangling', 'driver', 'label', 'name'] as const;

const statuses = new Set(['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead']);
const healths = new Set(['starting', 'healthy', 'unhealthy', 'none']);
const booleans = new Set(['true', 'false', '1', '0']);
const networkTypes = new Set(['custom', 'builtin']);

export function parseFilters(values: readonly string[], keys: readonly string[] = containerFilterKeys): Record<string, string[]> {
	const filters: Record<string, string[]> = {};
	for (const value of values) {
		const at = value.indexOf('=');
		if (at <= 0) throw new FilterError(`bad filter "${value}": expected KEY=VALUE, e.g. ${keys.includes('status') ? 'status=running' : 'dangling=true'}`);
		const key = value.slice(0, at).trim().toLowerCase();
		const wanted = value.slice(at + 1);
		if (!keys.includes(key)) throw new FilterError(`unknown filter "${key}": use one of ${keys.join(', ')}`);
		if (key === 'status' && !statuses.has(wanted)) throw new FilterError(`invalid status "${wanted}": use one of ${[...statuses].join(', ')}`);
		if (key === 'health' && !healths.has(wanted)) throw new FilterError(`invalid health "${wanted}": use one of ${[...healths].join(', ')}`);
		if (key === 'exited' && !/^\d+$/.test(wanted)) throw new FilterError(`invalid exit code "${wanted}": a number`);
		if (key === 'dangling' && !booleans.has(wanted)) throw new FilterError(`invalid dangling "${wanted}": use true or false`);
		if (key === 'type' && !networkTypes.has(wanted)) throw new FilterError(`invalid network type "${wanted}": use custom or builtin`);
		(filters[key] ??= []).push(wanted);
	}

	return filters;
}
