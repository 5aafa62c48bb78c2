import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {RingBuffer} from '../../source/logs/log-buffer.js';
import {compileQuery, jumpTarget, lineMatches, matchRanges, MatchIndex} from '../../source/logs/log-search.js';
import {bufferSequence, logWindow, matchSequence, step} from '../../source/logs/log-window.js';
import type {Segment} from '../../source/logs/log-layout.js';

describe('search queries', () => {
	test('a regular expression; smart case: lower case ignores case, a capital makes it exact', () => {
		const lower = compileQuery('err(or)? \\d+')!;
		assert.equal(lower.error, undefined);
		assert.ok(lineMatches('ERROR 42', lower.regex));
		const exact = compileQuery('Error')!;
		assert.ok(!lineMatches('error', exact.regex));
		assert.ok(lineMatches('an Error', exact.regex));
		assert.equal(compileQuery(''), undefined);
	});

	test('an invalid expression is said so clearly, and the text is searched as written', () => {
		const query = compileQuery('foo(bar')!;
		assert.match(query.error!, /^Not a valid regular expression \(Unterminated group\): searching for the text as written$/);
		assert.ok(lineMatches('x foo(bar y', query.regex));
		assert.ok(!lineMatches('foobar', query.regex));
	});

	test('every match of a line, for highlighting; empty matches cannot loop', () => {
		assert.deepEqual(matchRanges('a1 b22 c333', compileQuery('\\d+')!.regex), [[1, 2], [4, 6], [8, 11]]);
		assert.deepEqual(matchRanges('aaa', compileQuery('x*')!.regex), []);
		assert.deepEqual(matchRanges('baab', compileQuery('a*')!.regex), [[1, 3]]);
		assert.ok(!lineMatches('bbb', compileQuery('a*')!.regex));
	});
});

describe('MatchIndex', () => {
	const lines = (buffer: RingBuffer<string>, texts: string[]) => buffer.push(texts);

	test('scans only what is new; forgets matches that fell out of the buffer', () => {
		const buffer = new RingBuffer<string>(4);
		const index = new MatchIndex(compileQuery('err')!, (line: string) => line);
		lines(buffer, ['ok', 'err 1', 'ok']);
		assert.deepEqual(index.update(buffer), [1]);
		lines(buffer, ['err 2', 'err 3']);
		// 'ok' (0) fell off; 'err 1' (1) is still there.
		assert.deepEqual(index.update(buffer), [1, 3, 4]);
		lines(buffer, ['ok', 'ok']);
		assert.deepEqual(index.update(buffer), [3, 4]);
	});

	test('lines rewritten by a merge are scanned again', () => {
		const buffer = new RingBuffer<string>(10);
		const index = new MatchIndex(compileQuery('x')!, (line: string) => line);
		lines(buffer, ['a', 'x', 'b']);
		index.update(buffer);
		buffer.takeFrom(1);
		lines(buffer, ['c', 'x', 'x']);
		assert.deepEqual(index.update(buffer, 1), [2, 3]);
	});

	test('n / N go to the next / previous match and wrap around', () => {
		const matches = [3, 7, 12];
		assert.equal(jumpTarget(matches, undefined, 1), 3);
		assert.equal(jumpTarget(matches, undefined, -1), 12);
		assert.equal(jumpTarget(matches, 7, 1), 12);
		assert.equal(jumpTarget(matches, 12, 1), 3);
		assert.equal(jumpTarget(matches, 3, -1), 12);
		assert.equal(jumpTarget(matches, 8, -1), 7);
		assert.equal(jumpTarget([], 8, 1), undefined);
	});
});

describe('the window of lines on screen', () => {
	const buffer = new RingBuffer<string>(100);
	buffer.push(Array.from({length: 20}, (_, index) => `line ${index}`));
	const oneRow = (line: number): Segment[][] => [[{text: buffer.at(line)!, style: 'text'}]];
	const shown = (rows: ReadonlyArray<{line: number}>) => rows.map(row => row.line);

	test('following: the newest lines, bottom-aligned', () => {
		const window = logWindow(bufferSequence(buffer), undefined, 5, oneRow);
		assert.deepEqual(shown(window.rows), [15, 16, 17, 18, 19]);
		assert.equal(window.top, 15);
	});

	test('anchored: from the anchor down; never past the end', () => {
		assert.deepEqual(shown(logWindow(bufferSequence(buffer), 3, 5, oneRow).rows), [3, 4, 5, 6, 7]);
		assert.deepEqual(shown(logWindow(bufferSequence(buffer), 18, 5, oneRow).rows), [15, 16, 17, 18, 19]);
	});

	test('a wrapped line takes several rows; at the top of a following window only its end shows', () => {
		const tall = (line: number): Segment[][] => (line === 17 ? [[{text: 'a', style: 'text'}], [{text: 'b', style: 'text'}], [{text: 'c', style: 'text'}]] : oneRow(line));
		const window = logWindow(bufferSequence(buffer), undefined, 4, tall);
		assert.deepEqual(window.rows.map(row => `${row.line}${row.segments[0]!.text.slice(0, 1)}`), ['17b', '17c', '18l', '19l']);
	});

	test('filter mode: only the matching lines, scrolled through as a sequence', () => {
		const matches = [2, 9, 11, 15];
		const sequence = matchSequence(matches);
		assert.deepEqual(shown(logWindow(sequence, undefined, 3, oneRow).rows), [9, 11, 15]);
		assert.deepEqual(shown(logWindow(sequence, 0, 2, oneRow).rows), [2, 9]);
		assert.equal(step(sequence, 9, 2), 15);
		assert.equal(step(sequence, 9, -5), 2);
	});
});
