import {test} from 'node:test';
import assert from 'node:assert/strict';
import {fakeContainer, createFakeEngine} from '../fakes/fake-engine.js';
import {FilterError, parseFilters} from '../../source/one-shot/filters.js';
import {formatPs, runPs, type PsOptions} from '../../source/one-shot/ps.js';
import {formatTable} from '../../source/one-shot/print-table.js';
import {humanDuration} from '../../source/text/format.js';

const now = Date.UTC(2026, 10, 27, 12, 0, 0);
const created = now / 1000 - 7200;
const options: PsOptions = {all: true, quiet: false, noTrunc: false, format: 'table', filters: {}, now};
const web = fakeContainer({id: 'a'.repeat(64), name: 'web', image: 'nginx:1.27', command: 'nginx -g daemon off;', state: 'running', status: 'Up 2 hours', created, labels: {tier: 'front'}, ports: [{privatePort: 80, publicPort: 8080, ip: '0.0.0.0', type: 'tcp'}, {privatePort: 80, publicPort: 8080, ip: '::', type: 'tcp'}]});
const wide = fakeContainer({id: 'b'.repeat(64), name: '日本語-box', image: 'busybox:local', command: 'sh', state: 'exited', status: 'Exited (1) 2 hours ago', created});

test('filters: one key repeated ORs, different keys AND; bad ones are one clear line', () => {
	assert.deepEqual(parseFilters(['name=web', 'name=api', 'status=running']), {name: ['web', 'api'], status: ['running']});
	assert.deepEqual(parseFilters(['label=a=b']), {label: ['a=b']});
	assert.throws(() => parseFilters(['nope']), new FilterError('bad filter "nope": expected KEY=VALUE, e.g. status=running'));
	assert.throws(() => parseFilters(['colour=red']), {message: 'unknown filter "colour": use one of name, status, label, ancestor, id, health, network, volume, exited, before, since, is-task, publish, expose'});
	assert.throws(() => parseFilters(['status=sleeping']), new FilterError('invalid status "sleeping": use one of created, restarting, running, removing, paused, exited, dead'));
	assert.throws(() => parseFilters(['exited=x']), new FilterError('invalid exit code "x": a number'));
});

test('the table reads like docker ps, aligned by display width', () => {
	assert.equal(
		formatPs([web, wide], options),
		[
			'CONTAINER ID   IMAGE           COMMAND                 CREATED       STATUS                   PORTS          NAMES',
			'aaaaaaaaaaaa   nginx:1.27      "nginx -g daemon of…"   2 hours ago   Up 2 hours               8080->80/tcp   web',
			'bbbbbbbbbbbb   busybox:local   "sh"                    2 hours ago   Exited (1) 2 hours ago                  日本語-box',
			'',
		].join('\n'),
	);
});

test('-q prints ids only; --no-trunc the full ids', () => {
	assert.equal(formatPs([web], {...options, quiet: true}), 'aaaaaaaaaaaa\n');
	assert.equal(formatPs([web], {...options, quiet: true, noTrunc: true}), `${'a'.repeat(64)}\n`);
});

test('--format json prints one object per line with docker ps field names', () => {
	const line = JSON.parse(formatPs([web], {...options, format: 'json'}).trim()) as Record<string, string>;
	assert.deepEqual(line, {
		Command: '"nginx -g daemon of…"',
		CreatedAt: '2026-11-27 10:00:00 +0000 UTC',
		ID: 'aaaaaaaaaaaa',
		Image: 'nginx:1.27',
		Labels: 'tier=front',
		Mounts: '',
		Names: 'web',
		Networks: '',
		Ports: '8080->80/tcp',
		RunningFor: '2 hours ago',
		State: 'running',
		Status: 'Up 2 hours',
	});
});

test('runPs asks the daemon with the filters and lists newest first', async () => {
	const older = fakeContainer({id: 'c'.repeat(64), name: 'old', state: 'running', status: 'Up 3 hours', created: created - 3600});
	const engine = createFakeEngine({containers: [older, web]});
	let out = '';
	await runPs(engine, {...options, all: false, quiet: true, filters: {status: ['running']}}, text => {
		out += text;
	});
	assert.equal(out, 'aaaaaaaaaaaa\ncccccccccccc\n');
	assert.deepEqual(engine.calls.find(call => call.method === 'listContainers')?.args, [{all: false, filters: {status: ['running']}}]);
});

test('humanDuration words durations as the docker CLI does', () => {
	const cases: Array<[number, string]> = [[0.5, 'Less than a second'], [1, '1 second'], [59, '59 seconds'], [60, 'About a minute'], [119, 'About a minute'], [120, '2 minutes'], [3599, '59 minutes'], [3600, 'About an hour'], [7200, '2 hours'], [47 * 3600, '47 hours'], [48 * 3600, '2 days'], [14 * 86_400, '2 weeks'], [60 * 86_400, '2 months'], [800 * 86_400, '2 years']];
	for (const [seconds, words] of cases) assert.equal(humanDuration(seconds), words, String(seconds));
});

test('formatTable cuts a capped column with an ellipsis and never pads the last column', () => {
	assert.equal(formatTable(['A', 'B'], [['abcdef', 'x'], ['a', 'y']], {0: 4}), 'A      B\nabc…   x\na      y\n');
});

test('--format wide caps labels and command, so one huge value cannot widen every row', () => {
	const huge = fakeContainer({id: 'd'.repeat(64), name: 'huge', state: 'running', status: 'Up 1 second', created, command: 'x'.repeat(100_000), labels: {note: 'y'.repeat(10_000)}});
	const lines = formatPs([huge, web], {...options, format: 'wide'}).split('\n');
	assert.ok(lines.every(line => line.length < 400), String(Math.max(...lines.map(line => line.length))));
	assert.match(lines[0]!, /^CONTAINER ID +NAMES +IMAGE +STATE +STATUS +CREATED +PORTS +NETWORKS +LABELS +COMMAND$/);
	assert.match(lines[1]!, /"xxx+…$/);
});
