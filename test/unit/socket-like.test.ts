import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {describe, test} from 'node:test';
import {socketLike} from '../../source/transport/socket-like.js';

describe('socketLike: an SSH channel that the HTTP client can treat as a socket', () => {
	test('the socket methods exist and return the stream', () => {
		const stream = socketLike(new PassThrough()) as PassThrough & {setNoDelay(): unknown; setKeepAlive(): unknown; ref(): unknown; unref(): unknown};
		assert.equal(stream.setNoDelay(), stream);
		assert.equal(stream.setKeepAlive(), stream);
		assert.equal(stream.ref(), stream);
		assert.equal(stream.unref(), stream);
	});

	test('setTimeout: "timeout" after idle time; incoming data postpones it; 0 turns it off', t => {
		t.mock.timers.enable({apis: ['setTimeout']});
		const stream = socketLike(new PassThrough()) as PassThrough & {setTimeout(ms: number, callback?: () => void): unknown};
		let timeouts = 0;
		assert.equal(stream.setTimeout(60, () => timeouts++), stream);
		t.mock.timers.tick(30);
		stream.push('data');
		t.mock.timers.tick(40);
		assert.equal(timeouts, 0);
		t.mock.timers.tick(20);
		assert.equal(timeouts, 1);
		stream.setTimeout(0);
		t.mock.timers.tick(1000);
		assert.equal(timeouts, 1);
		// Nothing was read: the data is still there for whoever reads next.
		assert.equal(String(stream.read()), 'data');
		stream.destroy();
	});
});
