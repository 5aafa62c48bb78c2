import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {mergeInOrder, RingBuffer} from '../../source/logs/log-buffer.js';

const all = <T,>(buffer: RingBuffer<T>) => Array.from({length: buffer.length}, (_, offset) => buffer.at(buffer.start + offset)!);

describe('RingBuffer', () => {
	test('keeps the newest `capacity` lines; absolute indexes keep counting', () => {
		const buffer = new RingBuffer<number>(3);
		buffer.push([1, 2]);
		assert.deepEqual([buffer.start, buffer.end, buffer.length], [0, 2, 2]);
		buffer.push([3, 4, 5]);
		assert.deepEqual(all(buffer), [3, 4, 5]);
		assert.deepEqual([buffer.start, buffer.end], [2, 5]);
		assert.equal(buffer.at(1), undefined, 'a line that fell off');
		assert.equal(buffer.at(2), 3);
		assert.equal(buffer.at(5), undefined, 'not written yet');
	});

	test('a million lines through a small buffer: memory stays at capacity', () => {
		const buffer = new RingBuffer<number>(1000);
		for (let index = 0; index < 1000; index++) buffer.push(Array.from({length: 1000}, (_, offset) => index * 1000 + offset));
		assert.equal(buffer.length, 1000);
		assert.deepEqual([buffer.at(buffer.start), buffer.at(buffer.end - 1)], [999_000, 999_999]);
	});

	test('takeFrom removes the tail (wrapped around or not) and returns it oldest first', () => {
		const buffer = new RingBuffer<number>(4);
		buffer.push([1, 2, 3, 4, 5, 6]);
		assert.deepEqual(buffer.takeFrom(4), [5, 6]);
		assert.deepEqual(all(buffer), [3, 4]);
		buffer.push([7, 8, 9]);
		assert.deepEqual(all(buffer), [4, 7, 8, 9]);
	});

	test('clear forgets every line, and new lines get new indexes', () => {
		const buffer = new RingBuffer<string>(5);
		buffer.push(['a', 'b']);
		buffer.clear();
		assert.equal(buffer.length, 0);
		buffer.push(['c']);
		assert.deepEqual([buffer.start, buffer.at(2)], [2, 'c']);
	});

	test('lowerBound finds the first line not before a point', () => {
		const buffer = new RingBuffer<number>(10);
		buffer.push([1, 3, 3, 5]);
		assert.equal(buffer.lowerBound(value => value < 3), 1);
		assert.equal(buffer.lowerBound(value => value <= 3), 3);
		assert.equal(buffer.lowerBound(() => true), 4);
	});
});

describe('mergeInOrder (several containers interleaved by time)', () => {
	const order = (line: {t: number}) => line.t;

	test('newer lines are appended; the index they start at is returned', () => {
		const buffer = new RingBuffer<{t: number}>(10);
		assert.equal(mergeInOrder(buffer, [{t: 2}, {t: 1}], order), 0);
		assert.equal(mergeInOrder(buffer, [{t: 3}], order), 2);
		assert.deepEqual(all(buffer).map(order), [1, 2, 3]);
	});

	test('a late batch is merged into the tail; equal times keep the line that was first', () => {
		const buffer = new RingBuffer<{t: number; from: string}>(10);
		mergeInOrder(buffer, [1, 3, 5, 7].map(t => ({t, from: 'a'})), order);
		const changed = mergeInOrder(buffer, [2, 5, 8].map(t => ({t, from: 'b'})), order);
		assert.equal(changed, 1);
		assert.deepEqual(all(buffer).map(line => `${line.from}${line.t}`), ['a1', 'b2', 'a3', 'a5', 'b5', 'a7', 'b8']);
	});

	test('merging into a full buffer still keeps only the newest', () => {
		const buffer = new RingBuffer<{t: number}>(3);
		mergeInOrder(buffer, [{t: 10}, {t: 20}, {t: 30}], order);
		mergeInOrder(buffer, [{t: 15}, {t: 25}], order);
		assert.deepEqual(all(buffer).map(order), [20, 25, 30]);
	});
});
