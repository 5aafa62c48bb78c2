import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {layoutColumns} from '../../source/components/column-layout.js';
import type {Column} from '../../source/state/resource-descriptor.js';

type Row = Record<string, string>;

const column = (header: string, extra: Partial<Column<Row>> = {}): Column<Row> => ({header, width: 'flex', minWidth: 8, value: row => row[header] ?? '', ...extra});
const columns = [column('NAME'), column('STATUS'), column('COMMAND', {fillsLast: true, minWidth: 10})];
const natural = (wants: Record<string, number>) => (placed: Column<Row>) => wants[placed.header] ?? 0;
const widths = (width: number, wants: Record<string, number>) => Object.fromEntries(layoutColumns(columns, width, natural(wants)).map(placed => [placed.header, placed.cells]));

describe('a column that fills last (a container\'s command)', () => {
	test('gets only what the others leave', () => {
		assert.deepEqual(widths(60, {NAME: 10, STATUS: 20, COMMAND: 500}), {NAME: 10, STATUS: 20, COMMAND: 28});
	});

	test('is left out when the others would not get what they want with it there', () => {
		assert.deepEqual(widths(40, {NAME: 10, STATUS: 22, COMMAND: 500}), {NAME: 10, STATUS: 22});
	});
});
