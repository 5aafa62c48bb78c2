// --debug at the seam: every request the dashboard makes, how long it took and how it
// ended, and every stream's opening and end, go to the debug log. A Proxy rather than
// a method list, so methods added to Engine later are logged too.
import {debug} from './debug-log.js';
import type {Engine} from '../engine/engine.js';

function describeArguments(args: readonly unknown[]): string {
	return args
		.map(arg => (typeof arg === 'string' ? JSON.stringify(arg.length > 80 ? `${arg.slice(0, 80)}…` : arg) : typeof arg === 'number' || typeof arg === 'boolean' ? String(arg) : undefined))
		.filter(text => text !== undefined)
		.join(', ');
}

function reason(error: unknown): string {
	return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
	return typeof value === 'object' && value !== null && Symbol.asyncIterator in value && !(value instanceof Promise);
}

async function* logStream(name: string, stream: AsyncIterable<unknown>): AsyncGenerator<unknown> {
	let items = 0;
	debug(`${name}: stream open`);
	try {
		for await (const item of stream) {
			items++;
			yield item;
		}

		debug(`${name}: stream ended after ${items} items`);
	} catch (error) {
		debug(`${name}: stream failed after ${items} items: ${reason(error)}`);
		throw error;
	}
}

export function debugEngine(engine: Engine): Engine {
	return new Proxy(engine, {
		get(target, property, receiver) {
			const value: unknown = Reflect.get(target, property, receiver);
			if (typeof value !== 'function' || typeof property !== 'string') return value;
			return (...args: unknown[]) => {
				const name = `engine.${property}(${describeArguments(args)})`;
				const started = performance.now();
				const result: unknown = (value as (...parameters: unknown[]) => unknown).apply(target, args);
				if (result instanceof Promise) {
					return result.then(
						(resolved: unknown) => {
							debug(`${name} ok in ${Math.round(performance.now() - started)} ms`);
							return resolved;
						},
						(error: unknown) => {
							debug(`${name} failed in ${Math.round(performance.now() - started)} ms: ${reason(error)}`);
							throw error;
						},
					);
				}

				return isAsyncIterable(result) ? logStream(name, result) : result;
			};
		},
	});
}
