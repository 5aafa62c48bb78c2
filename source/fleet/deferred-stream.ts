/**
 * A stream opened when first read: an id refused while opening it fails the reading,
 * as a daemon's refusal would, instead of throwing at the call.
 */
export function deferredStream<A extends unknown[], T>(open: (...args: A) => AsyncIterable<T>): (...args: A) => AsyncGenerator<T> {
	return async function * (...args: A): AsyncGenerator<T> {
		yield * open(...args);
	};
}
