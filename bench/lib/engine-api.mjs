// The few Engine API calls the benchmark's fixture needs, over a unix socket with
// node:http. Not dockerode: the harness must not load (or be slowed by) the code it
// measures, and only source/docker/ may use dockerode.
import http from 'node:http';

/**
 * @param {string} socketPath
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<{status: number, body: any}>}
 */
export function call(socketPath, method, path, body) {
	return new Promise((resolve, reject) => {
		const payload = body === undefined ? undefined : JSON.stringify(body);
		const request = http.request(
			{socketPath, method, path, headers: payload === undefined ? {} : {'content-type': 'application/json', 'content-length': Buffer.byteLength(payload)}},
			response => {
				const chunks = [];
				response.on('data', chunk => chunks.push(chunk));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let parsed = text;
					try {
						parsed = text === '' ? undefined : JSON.parse(text);
					} catch {}

					resolve({status: response.statusCode ?? 0, body: parsed});
				});
				response.on('error', reject);
			},
		);
		request.on('error', reject);
		request.end(payload);
	});
}

/** Throws with the daemon's message unless the status is one of `ok`. */
export async function expect(socketPath, method, path, body, ok = [200, 201, 204, 304]) {
	const result = await call(socketPath, method, path, body);
	if (!ok.includes(result.status)) {
		const message = typeof result.body === 'object' && result.body?.message ? result.body.message : JSON.stringify(result.body);
		throw new Error(`${method} ${path}: ${result.status} ${message}`);
	}

	return result.body;
}

/** Runs `work` over `items` with at most `limit` at once (the daemon serialises much of it anyway). */
export async function inParallel(items, limit, work) {
	let next = 0;
	async function worker() {
		while (next < items.length) {
			const item = items[next++];
			await work(item);
		}
	}

	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
}
