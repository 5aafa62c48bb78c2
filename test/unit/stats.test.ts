import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, test} from 'node:test';
import {cpuPercent, mapStats, memoryUsage} from '../../source/docker/stats.js';
import {ratesBetween} from '../../source/engine/stats-rates.js';
import {formatBinaryBytes, formatPercent} from '../../source/text/stats-format.js';

// Recorded from dockerd 20.10 (cgroup v1) for a container running `while :; do :; done`.
const busy: unknown = JSON.parse(readFileSync(new URL('../fixtures/stats-busy-cgroup1.json', import.meta.url), 'utf8'));

const close = (actual: number | undefined, expected: number) => assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

describe('the docker CLI formulas', () => {
	test('CPU %: container delta / system delta × online CPUs × 100, on a recorded sample', () => {
		// The same arithmetic, spelled out on the recorded numbers.
		const sample = busy as {cpu_stats: {cpu_usage: {total_usage: number}; system_cpu_usage: number; online_cpus: number}; precpu_stats: {cpu_usage: {total_usage: number}; system_cpu_usage: number}};
		const expected =
			((sample.cpu_stats.cpu_usage.total_usage - sample.precpu_stats.cpu_usage.total_usage) / (sample.cpu_stats.system_cpu_usage - sample.precpu_stats.system_cpu_usage)) * sample.cpu_stats.online_cpus * 100;
		close(cpuPercent(busy), expected);
		assert.ok(expected > 10, 'a busy loop is busy');
	});

	test('CPU %: online CPUs fall back to the per-CPU list; no previous reading is no figure; no progress is 0', () => {
		const base = {cpu_usage: {total_usage: 2e9, percpu_usage: [1e9, 1e9, 0, 0]}, system_cpu_usage: 20e9};
		const before = {cpu_usage: {total_usage: 1e9}, system_cpu_usage: 10e9};
		close(cpuPercent({cpu_stats: base, precpu_stats: before}), (1e9 / 10e9) * 4 * 100);
		// Podman's one-shot and a stream's first reading: nothing to compare with.
		assert.equal(cpuPercent({cpu_stats: base, precpu_stats: {}}), undefined);
		assert.equal(cpuPercent({cpu_stats: base, precpu_stats: {cpu_usage: {total_usage: 2e9}, system_cpu_usage: 10e9}}), 0);
	});

	test('memory: usage less the inactive page cache (cgroup v1: total_inactive_file; v2: inactive_file)', () => {
		assert.equal(memoryUsage(busy), (busy as {memory_stats: {usage: number}}).memory_stats.usage);
		assert.equal(memoryUsage({memory_stats: {usage: 100_000_000, stats: {total_inactive_file: 30_000_000, inactive_file: 5}}}), 70_000_000);
		assert.equal(memoryUsage({memory_stats: {usage: 100_000_000, stats: {inactive_file: 40_000_000, active_file: 1}}}), 60_000_000);
		// More "inactive" than used (it happens): the raw usage.
		assert.equal(memoryUsage({memory_stats: {usage: 10, stats: {inactive_file: 40}}}), 10);
		assert.equal(memoryUsage({}), 0);
	});

	test('a whole recorded sample: memory, limit and %, pids, no network (networking disabled), no block I/O', () => {
		const sample = mapStats(busy);
		const raw = busy as {read: string; memory_stats: {usage: number; limit: number}};
		assert.equal(sample.time, Date.parse(raw.read));
		assert.equal(sample.onlineCpus, 2);
		assert.equal(sample.memoryLimit, raw.memory_stats.limit);
		close(sample.memoryPercent, (raw.memory_stats.usage / raw.memory_stats.limit) * 100);
		assert.equal(sample.pids, 1);
		assert.deepEqual([sample.networkRx, sample.networkTx, sample.blockRead, sample.blockWrite], [0, 0, 0, 0]);
		// As `docker stats` prints them.
		assert.equal(formatBinaryBytes(sample.memoryUsage), '324KiB');
		assert.equal(formatBinaryBytes(sample.memoryLimit), '23.54GiB');
		assert.equal(formatPercent(sample.memoryPercent), '0.00%');
	});

	test('network summed over interfaces; block I/O over devices, whatever the op case', () => {
		const sample = mapStats({
			networks: {eth0: {rx_bytes: 1000, tx_bytes: 10}, eth1: {rx_bytes: 500, tx_bytes: 5}},
			blkio_stats: {io_service_bytes_recursive: [{op: 'Read', value: 4096}, {op: 'write', value: 8192}, {op: 'Write', value: 1}, {op: 'Total', value: 99}]},
		});
		assert.deepEqual([sample.networkRx, sample.networkTx, sample.blockRead, sample.blockWrite], [1500, 15, 4096, 8193]);
		assert.equal(sample.cpuPercent, undefined);
		assert.equal(sample.memoryPercent, undefined);
	});

	test('rates per second between two samples; a counter that went back (a restart) is 0, not negative', () => {
		const first = mapStats({read: '2024-05-01T12:00:00Z', networks: {eth0: {rx_bytes: 1000, tx_bytes: 5000}}});
		const second = mapStats({read: '2024-05-01T12:00:02Z', networks: {eth0: {rx_bytes: 3000, tx_bytes: 10}}});
		assert.deepEqual(ratesBetween(first, second), {networkRx: 1000, networkTx: 0, blockRead: 0, blockWrite: 0});
		assert.equal(ratesBetween(second, first), undefined);
	});
});

describe('stats formatting', () => {
	test('binary units like the docker CLI', () => {
		assert.deepEqual([0, 1023, 1024, 1536, 10 * 1024 * 1024, 150 * 1024 * 1024, 2.5 * 1024 ** 3].map(formatBinaryBytes), ['0B', '1023B', '1KiB', '1.5KiB', '10MiB', '150MiB', '2.5GiB']);
		assert.equal(formatPercent(undefined), '--');
		assert.equal(formatPercent(12.345), '12.35%');
	});
});
