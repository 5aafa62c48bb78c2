import {after, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {render} from 'ink-testing-library';
import {fakeContainer} from '../fakes/fake-engine.js';
import {EngineError} from '../../source/engine/errors.js';
import {TooSmall, isTooSmall} from '../../source/components/too-small.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';

const opened: RenderedApp[] = [];
after(() => {
	for (const app of opened) app.unmount();
});

describe('a container gone between the frame and the key press', () => {
	test('the daemon\'s 404 reads as "no longer exists, nothing done", and only that container was asked for', async () => {
		const app = await renderApp([
			fakeContainer({id: 'a'.repeat(64), name: 'web', state: 'running', status: 'Up 3 minutes'}),
			fakeContainer({id: 'b'.repeat(64), name: 'worker', state: 'running', status: 'Up 3 minutes'}),
		]);
		opened.push(app);
		app.fake.failNext('containerAction', new EngineError('not-found', `No such container: ${'a'.repeat(64)}`, 404));
		await app.press('r');
		await app.waitFor('web: no longer exists, nothing done');
		assert.deepEqual(app.fake.calls.filter(call => call.method === 'containerAction').map(call => call.args), [['a'.repeat(64), 'restart']]);
	});
});

describe('a terminal too small for the dashboard', () => {
	test('30×8 is the smallest that fits', () => {
		assert.deepEqual([isTooSmall(29, 8), isTooSmall(30, 7), isTooSmall(30, 8)], [true, true, false]);
	});

	test('says what is wrong and how to leave, in at most rows - 1 lines cut to the width', () => {
		const {lastFrame, unmount} = render(<TooSmall columns={20} rows={5} />);
		assert.equal(lastFrame(), 'dtui: terminal too …\n20×5, needs 30×8\nq quits');
		unmount();
		const tiny = render(<TooSmall columns={12} rows={2} />);
		assert.equal(tiny.lastFrame(), 'dtui: termi…');
		tiny.unmount();
	});
});
