import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {FrameDemuxer, LogDecoder, timeOrder} from '../../source/docker/log-decoder.js';

/** One frame as the daemon writes it: stream type, three zero bytes, big-endian length, payload. */
function frame(stream: 1 | 2, text: string): Buffer {
	const payload = Buffer.from(text, 'utf8');
	const header = Buffer.alloc(8);
	header[0] = stream;
	header.writeUInt32BE(payload.length, 4);
	return Buffer.concat([header, payload]);
}

/** Every way of cutting `bytes` into two chunks. */
function everySplit(bytes: Buffer): Array<[Buffer, Buffer]> {
	return Array.from({length: bytes.length + 1}, (_, at) => [bytes.subarray(0, at), bytes.subarray(at)]);
}

const t1 = '2024-05-01T12:00:00.123456789Z';
const t2 = '2024-05-01T12:00:01.000000001Z';

describe('FrameDemuxer', () => {
	test('splits frames whatever the chunk boundaries: inside a header, inside a payload, between frames', () => {
		const bytes = Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n'), frame(1, '')]);
		for (const [a, b] of everySplit(bytes)) {
			const demuxer = new FrameDemuxer();
			const frames = [...demuxer.push(a), ...demuxer.push(b)].map(one => [one.stream, one.payload.toString()]);
			assert.deepEqual(frames, [['stdout', 'out\n'], ['stderr', 'err\n'], ['stdout', '']], `split at ${a.length}`);
		}
	});

	test('byte by byte', () => {
		const demuxer = new FrameDemuxer();
		const bytes = Buffer.concat([frame(2, 'a'), frame(1, 'bc')]);
		const frames = [...bytes].flatMap(byte => demuxer.push(Buffer.from([byte])));
		assert.deepEqual(frames.map(one => [one.stream, one.payload.toString()]), [['stderr', 'a'], ['stdout', 'bc']]);
	});
});

describe('LogDecoder', () => {
	test('a non-TTY log: stdout and stderr told apart, timestamps split off, every split point', () => {
		const bytes = Buffer.concat([frame(1, `${t1} out 1\n`), frame(2, `${t2} err 1\n`)]);
		for (const [a, b] of everySplit(bytes)) {
			const decoder = new LogDecoder(false);
			const lines = [...decoder.push(a), ...decoder.push(b), ...decoder.end()];
			assert.deepEqual(
				lines.map(line => [line.stream, line.time, line.text]),
				[
					['stdout', t1, 'out 1'],
					['stderr', t2, 'err 1'],
				],
				`split at ${a.length}`,
			);
		}
	});

	test('a TTY log is raw: one stream, CR LF endings, a UTF-8 character cut between chunks', () => {
		const bytes = Buffer.from(`${t1} héllo wörld\r\n${t2} second\r\n`, 'utf8');
		for (const [a, b] of everySplit(bytes)) {
			const decoder = new LogDecoder(true);
			const lines = [...decoder.push(a), ...decoder.push(b), ...decoder.end()];
			assert.deepEqual(lines.map(line => [line.stream, line.text]), [['stdout', 'héllo wörld'], ['stdout', 'second']], `split at ${a.length}`);
		}
	});

	test('a last line without a line break comes out at the end', () => {
		const decoder = new LogDecoder(false);
		assert.deepEqual(decoder.push(frame(1, `${t1} no newline`)), []);
		assert.deepEqual(decoder.end().map(line => line.text), ['no newline']);
	});

	test('a long message the daemon cut in parts (each with its own timestamp) is one line', () => {
		const decoder = new LogDecoder(false);
		const lines = [...decoder.push(frame(1, `${t1} first part, `)), ...decoder.push(frame(1, `${t2} second part\n`))];
		assert.deepEqual(lines.map(line => [line.time, line.text]), [[t1, 'first part, second part']]);
	});

	test('stdout and stderr keep separate unfinished lines', () => {
		const decoder = new LogDecoder(false);
		const lines = [...decoder.push(frame(1, `${t1} out-`)), ...decoder.push(frame(2, `${t1} err-`)), ...decoder.push(frame(1, `${t2} done\n`)), ...decoder.push(frame(2, `${t2} done\n`))];
		assert.deepEqual(lines.map(line => [line.stream, line.text]), [['stdout', 'out-done'], ['stderr', 'err-done']]);
	});

	test('every line is sanitised: escape sequences, bidi overrides and CRs inside a line are made visible', () => {
		const decoder = new LogDecoder(false);
		const lines = decoder.push(frame(1, `${t1} \u001B]52;c;cGF3bmVk\u0007 \u001B[2J a\u202Eb c\rd\n`));
		assert.equal(lines[0]!.text, '^[]52;c;cGF3bmVk^G ^[[2J a<U+202E>b c^Md');
	});

	test('lines without a timestamp keep all their text', () => {
		const decoder = new LogDecoder(true);
		const [line] = decoder.push(Buffer.from('plain\n'));
		assert.deepEqual([line!.time, line!.text, Number.isNaN(line!.order)], ['', 'plain', true]);
	});
});

describe('timeOrder', () => {
	test('orders to the microsecond, and a coarser timestamp (Podman: seconds) still orders', () => {
		assert.equal(timeOrder('2024-05-01T12:00:00Z'), Date.parse('2024-05-01T12:00:00Z'));
		assert.ok(timeOrder('2024-05-01T12:00:00.000001Z') > timeOrder('2024-05-01T12:00:00Z'));
		assert.ok(timeOrder('2024-05-01T12:00:00.123457Z') > timeOrder('2024-05-01T12:00:00.123456Z'));
		assert.ok(timeOrder('2024-05-01T12:00:00.5+02:00') < timeOrder('2024-05-01T12:00:00Z'));
	});
});
