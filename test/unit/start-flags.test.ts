// start.ts paints the first frame early only for a plain dashboard command line; anything
// else must go to cli.tsx untouched (undefined here), which alone reports mistakes.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {dashboardFlags} from '../../source/start/start-flags.js';

test('no arguments: the dashboard on the default daemon', () => {
	assert.deepEqual(dashboardFlags([]), {readOnly: false});
});

test('--host, -H, --context, -c and --read-only, in any spelling meow accepts', () => {
	assert.deepEqual(dashboardFlags(['--host', 'unix:///x.sock']), {readOnly: false, host: 'unix:///x.sock'});
	assert.deepEqual(dashboardFlags(['--host=tcp://h:2376', '--read-only']), {readOnly: true, host: 'tcp://h:2376'});
	assert.deepEqual(dashboardFlags(['-H', 'unix:///x.sock']), {readOnly: false, host: 'unix:///x.sock'});
	assert.deepEqual(dashboardFlags(['-c', 'prod']), {readOnly: false, context: 'prod'});
	assert.deepEqual(dashboardFlags(['--context=prod']), {readOnly: false, context: 'prod'});
});

test('anything else is left to cli.tsx', () => {
	for (const argv of [
		['--help'],
		['-v'],
		['ps'],
		['--frobnicate'],
		['--host'],
		['--host', '--read-only'],
		['--host='],
		['--read-only=yes'],
		['--host', 'a', '--host', 'b'],
		['-H', 'a', '--host', 'b'],
		['--context', 'a,b'],
		['images'],
		['--debug'],
		['--log-lines', '10'],
	]) {
		assert.equal(dashboardFlags(argv), undefined, argv.join(' '));
	}
});
