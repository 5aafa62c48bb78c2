// The benchmark's harness works end to end (`npm run bench -- --smoke`: three containers,
// windows of a second or two) and prints every figure, each a number. Times are never
// checked: this machine's load is not dtui's. bench/README.md says what the figures mean.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {daemonSocket, realDaemonSkip} from '../helpers/daemon.js';

const figures = [
	'first_frame_ms',
	'usable_ms',
	'docker_ps_ms',
	'idle_cpu_pct',
	'daemon_cpu_pct',
	'daemon_cpu_baseline_pct',
	'daemon_cpu_by_dtui_pct',
	'idle_bytes_per_s',
	'poll_cpu_pct',
	'poll_daemon_cpu_pct',
	'poll_bytes_per_s',
	'rss_mib',
	'rss_peak_mib',
	'key_ms_median',
	'key_ms_p95',
];

const fleetFigures = ['first_frame_ms', 'idle_cpu_pct', 'daemons_cpu_pct', 'idle_bytes_per_s', 'rss_mib', 'key_ms_median', 'key_ms_p95'];

const floodFigures = ['key_ms_median', 'key_ms_p95', 'cpu_pct', 'rss_start_mib', 'rss_end_mib', 'rss_peak_mib'];

describe('npm run bench -- --smoke', {skip: realDaemonSkip()}, () => {
	test('prints a machine record, a fixture record with every figure, the flood record and the fleet record', () => {
		// The fleet's second daemon is the run's own, in a directory of this test's.
		const result = spawnSync(process.execPath, ['bench/run.mjs', '--smoke', '--fleet', '--socket', daemonSocket!, '--daemon-dir', '/tmp/dtui-bsmoke'], {encoding: 'utf8', timeout: 240_000});
		assert.equal(result.status, 0, result.stderr);
		const records = result.stdout
			.trim()
			.split('\n')
			.map(line => JSON.parse(line) as Record<string, unknown>);
		const byKind = (kind: string) => records.filter(record => record['record'] === kind);

		assert.equal(byKind('machine').length, 1);
		assert.equal(typeof byKind('machine')[0]!['cores'], 'number');

		const [fixture] = byKind('fixture');
		assert.ok(fixture, 'a fixture record');
		assert.equal(fixture['n'], 3);
		for (const figure of figures) assert.equal(typeof fixture[figure], 'number', `${figure} is a number (got ${JSON.stringify(fixture[figure])})`);

		const [flood] = byKind('flood');
		assert.ok(flood, 'a flood record');
		if (flood['supported'] === true) {
			for (const figure of floodFigures) assert.equal(typeof flood[figure], 'number', `flood ${figure} is a number (got ${JSON.stringify(flood[figure])})`);
		} else {
			assert.equal(typeof flood['note'], 'string');
		}

		const [fleet] = byKind('fleet');
		assert.ok(fleet, 'a fleet record');
		assert.equal(fleet['hosts'], 2);
		for (const figure of fleetFigures) assert.equal(typeof fleet[figure], 'number', `fleet ${figure} is a number (got ${JSON.stringify(fleet[figure])})`);

		// The table for humans goes to stderr, every row filled.
		assert.match(result.stderr, /\| first frame with rows \(median\) \(ms\) \| [\d.]+ \|/);
		assert.doesNotMatch(result.stderr, /\| — \|/);
	});
});
