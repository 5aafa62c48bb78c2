import {currentContextName, defaultContextHost, defaultContextName, type ResolveOptions} from './connection.js';
import {oneLine} from './describe-error.js';
import type {ContextSummary} from '../engine/context-summary.js';
import {storedContexts} from './docker-config.js';

// `docker context ls` as data, for a context picker: never throws, a context that
// cannot be used carries its reason instead.

/** "default" first, then the store's contexts by name. */
export function listContexts(options: ResolveOptions): ContextSummary[] {
	let current: string | undefined;
	let currentError: string | undefined;
	try {
		current = currentContextName(options);
	} catch (error) {
		// A broken config.json (or --host with --context) still lists; "default" carries the reason.
		currentError = (error as Error).message;
	}

	const stored = storedContexts(options.env)
		.map((entry): ContextSummary =>
			'context' in entry
				? {
						name: oneLine(entry.context.name),
						description: oneLine(entry.context.description),
						endpoint: oneLine(entry.context.host),
						current: entry.context.name === current,
					}
				: {name: entry.id, description: '', endpoint: '', current: false, error: entry.error},
		)
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	const fallback: ContextSummary = {
		name: defaultContextName,
		description: 'Current DOCKER_HOST based configuration',
		endpoint: oneLine(defaultContextHost(options)),
		current: current === defaultContextName,
		...(currentError === undefined ? {} : {error: currentError}),
	};
	return [fallback, ...stored.filter(summary => summary.name !== defaultContextName)];
}
