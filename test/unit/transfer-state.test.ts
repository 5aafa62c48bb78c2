import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {TransferEvent} from '../../source/engine/registry-io.js';
import {applyTransferEvent, emptyProgress, overallProgress, type TransferProgress} from '../../source/transfers/transfer-state.js';
import {progressBar, transferLines} from '../../source/views/transfer-lines.js';
import type {Transfer} from '../../source/transfers/transfer-store.js';

function fold(events: readonly TransferEvent[]): TransferProgress {
	return events.reduce(applyTransferEvent, emptyProgress);
}

const layer = (id: string, phase: Extract<TransferEvent, {type: 'layer'}>['phase'], status: string, current?: number, total?: number): TransferEvent => ({
	type: 'layer', id, phase, status, ...(current === undefined ? {} : {current}), ...(total === undefined ? {} : {total}),
});

describe('applyTransferEvent and overallProgress', () => {
	test('a pull: download is the first half of a layer, extraction the second; layers already there do not count', () => {
		const progress = fold([
			{type: 'message', text: 'Pulling from app'},
			layer('aaaaaaaaaaaa', 'exists', 'Already exists'),
			layer('bbbbbbbbbbbb', 'waiting', 'Pulling fs layer'),
			layer('cccccccccccc', 'waiting', 'Pulling fs layer'),
			layer('bbbbbbbbbbbb', 'downloading', 'Downloading', 500, 1000),
			layer('cccccccccccc', 'extracting', 'Extracting', 250, 1000),
		]);
		assert.deepEqual(progress.layers.map(one => [one.id, one.phase, one.fraction]), [
			['aaaaaaaaaaaa', 'exists', 1],
			['bbbbbbbbbbbb', 'downloading', 0.25],
			['cccccccccccc', 'extracting', 0.625],
		]);
		assert.deepEqual(overallProgress(progress), {fraction: 0.4375, finishedLayers: 1, layers: 3});
		assert.equal(progress.message, 'Pulling from app');
	});

	test('counts belong to their phase; the size is remembered; a retry keeps the place', () => {
		const progress = fold([
			layer('bbbbbbbbbbbb', 'downloading', 'Downloading', 600, 1000),
			layer('bbbbbbbbbbbb', 'retrying', 'Retrying in 5 seconds'),
		]);
		assert.deepEqual(progress.layers[0], {id: 'bbbbbbbbbbbb', phase: 'retrying', status: 'Retrying in 5 seconds', size: 1000, fraction: 0.3});
		const done = fold([layer('b', 'downloading', 'Downloading', 1000, 1000), layer('b', 'downloaded', 'Download complete'), layer('b', 'pulled', 'Pull complete')]);
		assert.deepEqual(done.layers[0], {id: 'b', phase: 'pulled', status: 'Pull complete', size: 1000, fraction: 1});
	});

	test('a push: bytes sent over the total, capped at 1; a mounted layer is there already', () => {
		const progress = fold([
			layer('a', 'preparing', 'Preparing'),
			layer('b', 'preparing', 'Preparing'),
			layer('a', 'exists', 'Mounted from other'),
			layer('b', 'pushing', 'Pushing', 3_001_856, 3_000_000),
			{type: 'digest', digest: `sha256:${'d'.repeat(64)}`, size: 947},
		]);
		assert.deepEqual(overallProgress(progress), {fraction: 1, finishedLayers: 1, layers: 2});
		assert.equal(progress.digest, `sha256:${'d'.repeat(64)}`);
	});

	test('nothing yet is 0; only layers that were there is 1', () => {
		assert.deepEqual(overallProgress(emptyProgress), {fraction: 0, finishedLayers: 0, layers: 0});
		assert.deepEqual(overallProgress(fold([layer('a', 'exists', 'Already exists')])), {fraction: 1, finishedLayers: 1, layers: 1});
	});
});

describe('the panel lines', () => {
	test('progressBar draws docker\'s bar', () => {
		assert.equal(progressBar(0, 10), '[          ]');
		assert.equal(progressBar(0.05, 10), '[>         ]');
		assert.equal(progressBar(0.5, 10), '[====>     ]');
		assert.equal(progressBar(1, 10), '[==========]');
		assert.equal(progressBar(7, 4), '[====]');
	});

	test('a running pull: title, overall, one line per layer; a layer already there has no bar', () => {
		const transfer: Transfer = {
			id: 1, kind: 'pull', reference: 'r:5000/app:1', state: 'running',
			progress: fold([layer('aaaaaaaaaaaa', 'exists', 'Already exists'), layer('bbbbbbbbbbbb', 'downloading', 'Downloading', 1_500_000, 3_000_000)]),
		};
		assert.deepEqual(transferLines([transfer], 80), [
			{text: 'Pulling r:5000/app:1 · 1/2 layers · esc cancels', tone: 'title'},
			{text: `  overall                        [======>${' '.repeat(21)}]  25%`, tone: 'bar'},
			{text: '  aaaaaaaaaaaa  Already exists', tone: 'done'},
			{text: `  bbbbbbbbbbbb  Downloading      [======>${' '.repeat(21)}] 1.5MB/3MB`, tone: 'bar'},
		]);
	});

	test('many layers: the moving ones are shown, the rest counted', () => {
		const events = Array.from({length: 9}, (_, index) => layer(`layer${index}`, index < 5 ? 'pulled' : 'downloading', index < 5 ? 'Pull complete' : 'Downloading', 1, 2));
		const transfer: Transfer = {id: 1, kind: 'pull', reference: 'app', state: 'running', progress: fold(events)};
		const lines = transferLines([transfer], 80).map(line => line.text.trim().split(/\s+/)[0]);
		assert.deepEqual(lines, ['Pulling', 'overall', 'layer0', 'layer5', 'layer6', 'layer7', 'layer8', '…']);
		assert.equal(transferLines([transfer], 80).at(-1)!.text, '  … 4 more layers (4 finished)');
	});

	test('ended transfers: the digest, the failure line, cancelled', () => {
		const base = {id: 1, kind: 'push' as const, reference: 'r:5000/app:1', progress: fold([{type: 'digest', digest: 'sha256:abc'}])};
		assert.deepEqual(transferLines([{...base, state: 'done'}], 80)[0], {text: 'Pushed r:5000/app:1 · sha256:abc · esc closes', tone: 'done'});
		assert.deepEqual(transferLines([{...base, state: 'failed', error: 'r:5000 refused the credentials'}], 80)[0], {text: 'Push of r:5000/app:1 failed: r:5000 refused the credentials', tone: 'error'});
		assert.deepEqual(transferLines([{...base, state: 'cancelled'}], 80)[0], {text: 'Push of r:5000/app:1 cancelled · esc closes', tone: 'muted'});
		assert.deepEqual(transferLines([], 80), []);
	});
});
