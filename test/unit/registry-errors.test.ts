import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {describeTransferError, type TransferFailure} from '../../source/docker/registry-errors.js';

const pull = (message: string, extra: Partial<TransferFailure> = {}) => {
	const error = describeTransferError({kind: 'pull', reference: 'r.example/app:1', registry: 'r.example', withCredentials: false, message, ...extra});
	return [error.kind, error.message];
};

// The daemon's own words for each failure (dockerd 20.10 and the distribution registry),
// as they reach us: one line each, with what to do when there is something to do.
describe('describeTransferError', () => {
	test('no credentials, and credentials refused', () => {
		assert.deepEqual(pull('Head "http://r.example/v2/app/manifests/1": no basic auth credentials'), ['denied', 'r.example wants a login and there are no credentials for it (docker login r.example)']);
		assert.deepEqual(pull('unauthorized: authentication required', {withCredentials: true}), ['denied', 'r.example refused the credentials for r.example/app:1 (unauthorized: authentication required)']);
		assert.deepEqual(pull('unauthorized: incorrect username or password', {withCredentials: true}), ['denied', 'r.example refused the credentials for r.example/app:1 (unauthorized: incorrect username or password)']);
	});

	test('Docker Hub\'s denial without a login may mean the image does not exist', () => {
		const said = 'pull access denied for nosuch, repository does not exist or may require \'docker login\': denied: requested access to the resource is denied';
		assert.deepEqual(pull(said, {reference: 'nosuch:latest', registry: 'docker.io'}), ['denied', `docker.io wants a login for nosuch:latest, or it does not exist there (${said})`]);
	});

	test('an unknown image, before the stream (404) and inside it', () => {
		assert.deepEqual(pull('manifest for r.example/app:1 not found: manifest unknown: manifest unknown', {status: 404}), ['not-found', 'r.example/app:1 is not in the registry r.example (manifest unknown)']);
		assert.deepEqual(pull('name unknown: repository name not known to registry'), ['not-found', 'r.example/app:1 is not in the registry r.example (repository name not known to registry)']);
		const push = describeTransferError({kind: 'push', reference: 'r.example/app:1', registry: 'r.example', withCredentials: false, message: 'An image does not exist locally with the tag: r.example/app'});
		assert.deepEqual([push.kind, push.message], ['not-found', 'there is no local image r.example/app:1 to push (tag one first)']);
	});

	test('an unreachable registry: refused, unknown host, a proxy, HTTPS wanted', () => {
		assert.deepEqual(pull('Get "http://127.0.0.1:9/v2/": dial tcp 127.0.0.1:9: connect: connection refused', {status: 500}), ['server', 'cannot reach the registry r.example: connection refused']);
		assert.deepEqual(pull('Get "https://r.example/v2/": dial tcp: lookup r.example on 127.0.0.53:53: no such host'), ['server', 'cannot reach the registry r.example: no such host']);
		assert.deepEqual(pull('Get "https://r.example/v2/": proxyconnect tcp: dial tcp 127.0.0.1:9: connect: connection refused'), ['server', 'cannot reach the registry r.example: the daemon\'s proxy refused the connection (dial tcp 127.0.0.1:9: connect: connection refused)']);
		assert.deepEqual(pull('Get "https://r.example/v2/": http: server gave HTTP response to HTTPS client'), ['server', 'cannot reach the registry r.example: it speaks HTTP, and the daemon wants HTTPS for it (add it to the daemon\'s insecure-registries)']);
		assert.deepEqual(pull('Get "https://r.example/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)'), ['server', 'cannot reach the registry r.example: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)']);
	});

	test('anything else is the daemon\'s line, made inert and flat', () => {
		assert.deepEqual(pull('weird\n\u001B[31mfailure'), ['server', 'weird ^[[31mfailure']);
		assert.deepEqual(pull('invalid reference format', {status: 400}), ['bad-request', 'invalid reference "r.example/app:1": invalid reference format']);
	});
});
