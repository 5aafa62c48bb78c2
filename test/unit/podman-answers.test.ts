import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {mapProcessList} from '../../source/docker/map-processes.js';
import {cpuPercent, withPreviousCpu} from '../../source/docker/stats.js';
import {describeConnectError} from '../../source/transport/describe-error.js';

// Where Podman 4's Docker-compatible API answers differently from dockerd, measured on
// Podman 4.3.1 (podman system service): the payloads below are its own.
describe('Podman\'s answers, read as dockerd\'s', () => {
	test('top: one unsplit title and one cell per process become columns', () => {
		const list = mapProcessList({Titles: ['PID   USER     COMMAND'], Processes: [['1 0        sleep 100'], ['7 0        sh -c  echo  a']]});
		assert.deepEqual(list.titles, ['PID', 'USER', 'COMMAND']);
		assert.deepEqual(list.processes, [
			['1', '0', 'sleep 100'],
			['7', '0', 'sh -c  echo  a'],
		]);
	});

	test('top: dockerd\'s split answer is left as it is', () => {
		const list = mapProcessList({Titles: ['PID', 'CMD'], Processes: [['1', 'sleep 100']]});
		assert.deepEqual(list, {titles: ['PID', 'CMD'], processes: [['1', 'sleep 100']]});
	});

	test('stats: an empty precpu_stats takes the previous reading\'s, so CPU % has two samples', () => {
		const reading = (total: number, system: number) => ({cpu_stats: {cpu_usage: {total_usage: total}, system_cpu_usage: system, online_cpus: 2}, precpu_stats: {cpu_usage: {total_usage: 0}, cpu: 0}});
		const first = reading(63_364_447, 2_420_998_668_247);
		const second = reading(163_364_447, 2_421_998_668_247);
		assert.equal(cpuPercent(withPreviousCpu(first, undefined)), undefined);
		assert.equal(cpuPercent(withPreviousCpu(second, first)), 20);
		// dockerd's own precpu_stats are kept.
		const docker = {cpu_stats: {cpu_usage: {total_usage: 300}, system_cpu_usage: 2000, online_cpus: 1}, precpu_stats: {cpu_usage: {total_usage: 100}, system_cpu_usage: 1000}};
		assert.equal(withPreviousCpu(docker, first), docker);
	});

	test('a 500 for "container state improper" is a conflict, in Podman\'s words', () => {
		const error = describeConnectError(
			{statusCode: 500, message: '(HTTP code 500) server error', json: {cause: 'container state improper', message: '"created" is not running, can\'t pause: container state improper', response: 500}},
			'unix:///run/podman/podman.sock',
		);
		assert.equal(error.kind, 'conflict');
		assert.equal(error.message, '"created" is not running, can\'t pause: container state improper');
		assert.equal(describeConnectError({statusCode: 500, message: 'x', json: {message: 'disk full'}}, 'unix:///x').kind, 'server');
	});
});
