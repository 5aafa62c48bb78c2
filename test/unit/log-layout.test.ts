import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {layoutLine, rowEnds, type LineInput, type Segment} from '../../source/logs/log-layout.js';
import {compileQuery, matchRanges} from '../../source/logs/log-search.js';
import {displayWidth} from '../../source/text/cell-width.js';
import {lineRows, shortTime, stderrMarker} from '../../source/views/log-line-rows.js';

const text = (row: readonly Segment[]) => row.map(segment => segment.text).join('');
const input = (line: string, extra: Partial<LineInput> = {}): LineInput => ({prefix: [{text: '  ', style: 'text'}], indent: 2, text: line, style: 'text', ranges: [], current: false, ...extra});

describe('log line layout', () => {
	test('without wrap: one row, cut with an ellipsis to the width', () => {
		assert.deepEqual(layoutLine(input('short'), 20, false).map(text), ['  short']);
		const [row] = layoutLine(input('0123456789abcdef'), 10, false);
		assert.equal(text(row!), '  0123456…');
		assert.equal(displayWidth(text(row!)), 10);
	});

	test('with wrap: continuation rows are indented past the stream marker', () => {
		assert.deepEqual(layoutLine(input('0123456789'), 6, true).map(text), ['  0123', '  4567', '  89']);
	});

	test('wide characters are never split and never overflow', () => {
		const rows = layoutLine(input('日本語のテキスト'), 8, true).map(text);
		for (const row of rows) assert.ok(displayWidth(row) <= 8, row);
		assert.equal(rows.join('').replaceAll(' ', ''), '日本語のテキスト');
		assert.deepEqual(rowEnds('e\u0301e\u0301', 1, 1, 10), [2, 4], 'a combining mark stays with its letter');
	});

	test('matches become their own segments, also across a wrap; the current one is told apart', () => {
		const line = 'error at 12 and error at 345';
		const ranges = matchRanges(line, compileQuery('error')!.regex);
		const rows = layoutLine(input(line, {ranges}), 18, true);
		const marked = rows.flatMap(row => row.filter(segment => segment.style === 'match').map(segment => segment.text));
		assert.deepEqual(marked, ['error', 'error']);
		const current = layoutLine(input(line, {ranges, current: true}), 80, false)[0]!;
		assert.deepEqual(current.filter(segment => segment.style === 'current').map(segment => segment.text), ['error', 'error']);
	});
});

describe('a shown log line', () => {
	const look = {containers: [{id: 'a', name: 'web'}, {id: 'b', name: 'database'}], nameWidth: 0, timestamps: false, query: undefined, current: false, width: 60, wrap: false};
	const line = {stream: 'stdout' as const, text: 'hello', time: '2024-05-01T12:00:00.123456789Z', order: 0, source: 1};

	test('stderr gets a marker and a colour of its own; stdout neither', () => {
		const out = lineRows(line, look)[0]!;
		const err = lineRows({...line, stream: 'stderr'}, look)[0]!;
		assert.equal(text(out), '  hello');
		assert.equal(text(err), `${stderrMarker}hello`);
		assert.deepEqual(err.map(segment => segment.style), ['marker', 'stderr']);
	});

	test('interleaved: the container name, padded, in its colour; timestamps to the millisecond', () => {
		const [row] = lineRows(line, {...look, nameWidth: 8, timestamps: true});
		assert.equal(text(row!), '  database 2024-05-01T12:00:00.123Z hello');
		assert.ok(row!.find(segment => segment.style === 'name')!.color);
		assert.equal(shortTime('2024-05-01T12:00:00Z'), '2024-05-01T12:00:00.000Z');
	});
});
