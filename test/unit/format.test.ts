import {test, describe} from 'node:test';
import assert from 'node:assert/strict';
import type {PortMapping} from '../../source/engine/engine.js';
import {formatAge, formatBytes, pluralize, shortId} from '../../source/text/format.js';
import {formatPorts} from '../../source/text/ports.js';

describe('shortId', () => {
	const id = '4f0c6a1e9d2b7c3a8e5f1d0b2a4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d';
	test('keeps the first 12 characters of a bare id', () => {
		assert.equal(shortId(id), '4f0c6a1e9d2b');
	});

	test('strips a sha256: prefix', () => {
		assert.equal(shortId(`sha256:${id}`), '4f0c6a1e9d2b');
	});

	test('leaves a short id alone', () => {
		assert.equal(shortId('abc'), 'abc');
		assert.equal(shortId(''), '');
		assert.equal(shortId('sha256:'), '');
	});

	test('only strips the prefix at the start', () => {
		assert.equal(shortId('xsha256:abcdef'), 'xsha256:abcd');
	});
});

describe('formatBytes', () => {
	const cases: Array<[number | undefined, string]> = [
		[0, '0B'],
		[1, '1B'],
		[999, '999B'],
		[1000, '1kB'],
		[1023, '1.02kB'],
		[1234, '1.23kB'],
		[12_345, '12.3kB'],
		[999_499, '999kB'],
		// The docker CLI prints 1e+03kB here; we move to the next unit.
		[999_500, '1MB'],
		[1_990_000, '1.99MB'],
		[117_000_000, '117MB'],
		[117_400_000, '117MB'],
		[1_500_000_000, '1.5GB'],
		[2e12, '2TB'],
		[5.5e15, '5.5PB'],
		[1e24, '1YB'],
		[1e27, '1000YB'],
		[0.4, '0B'],
		[0.6, '1B'],
		[-1, '-'],
		[Number.NaN, '-'],
		[Number.POSITIVE_INFINITY, '-'],
		[undefined, '-'],
	];
	for (const [bytes, text] of cases) {
		test(`${bytes} → ${text}`, () => {
			assert.equal(formatBytes(bytes), text);
		});
	}
});

describe('formatAge', () => {
	const now = Date.UTC(2025, 0, 1, 12, 0, 0);
	const ago = (seconds: number) => now / 1000 - seconds;
	const minute = 60;
	const hour = 60 * minute;
	const day = 24 * hour;
	const cases: Array<[string, number, string]> = [
		['just now', ago(0), '0s'],
		['seconds', ago(5), '5s'],
		['last second before a minute', ago(59), '59s'],
		['one minute', ago(minute), '1m'],
		['minutes round down', ago(3 * minute + 59), '3m'],
		['last minute before an hour', ago(hour - 1), '59m'],
		['one hour', ago(hour), '1h'],
		['hours', ago(2 * hour + 30 * minute), '2h'],
		['last hour before a day', ago(day - 1), '23h'],
		['one day', ago(day), '1d'],
		['days', ago(3 * day), '3d'],
		['last day before two weeks', ago(14 * day - 1), '13d'],
		['two weeks', ago(14 * day), '2w'],
		['weeks', ago(5 * 7 * day + 3 * day), '5w'],
		['last week before a year', ago(365 * day - 1), '52w'],
		['one year', ago(365 * day), '1y'],
		['years', ago(2 * 365 * day + 100 * day), '2y'],
		['fractional seconds round down', ago(1.9), '1s'],
		['future (clock skew)', ago(-30), '0s'],
	];
	for (const [name, created, text] of cases) {
		test(name, () => {
			assert.equal(formatAge(created, now), text);
		});
	}

	test('a missing creation time is -', () => {
		assert.equal(formatAge(0, now), '-');
		assert.equal(formatAge(undefined, now), '-');
		assert.equal(formatAge(Number.NaN, now), '-');
		assert.equal(formatAge(-5, now), '-');
	});

	test('fits a 3-cell column up to a century', () => {
		const created = 1;
		assert.equal(formatAge(created, (created + 99 * 365 * day) * 1000), '99y');
	});
});

describe('formatPorts', () => {
	const tcp = (privatePort: number, publicPort?: number, ip?: string): PortMapping => ({privatePort, publicPort, ip, type: 'tcp'});
	const udp = (privatePort: number, publicPort?: number, ip?: string): PortMapping => ({privatePort, publicPort, ip, type: 'udp'});
	const cases: Array<[string, PortMapping[], string]> = [
		['nothing', [], ''],
		['an exposed port', [tcp(443)], '443/tcp'],
		['a port published on IPv4 only keeps its address', [tcp(80, 8080, '0.0.0.0')], '0.0.0.0:8080->80/tcp'],
		['the IPv4 and IPv6 wildcards show once, without an address', [tcp(80, 8080, '0.0.0.0'), tcp(80, 8080, '::')], '8080->80/tcp'],
		['the IPv6 wildcard alone is bracketed', [tcp(80, 8080, '::')], '[::]:8080->80/tcp'],
		['a specific IPv4 address', [tcp(80, 8080, '127.0.0.1')], '127.0.0.1:8080->80/tcp'],
		['a specific IPv6 address', [tcp(80, 8080, '::1')], '[::1]:8080->80/tcp'],
		['a published port without an address', [tcp(80, 8080)], '8080->80/tcp'],
		['exact duplicates show once', [tcp(80, 8080, '127.0.0.1'), tcp(80, 8080, '127.0.0.1')], '127.0.0.1:8080->80/tcp'],
		[
			'wildcards with different host ports stay apart',
			[tcp(80, 32_769, '::'), tcp(80, 32_768, '0.0.0.0')],
			'0.0.0.0:32768->80/tcp, [::]:32769->80/tcp',
		],
		[
			'loopback on both families stays two entries',
			[tcp(80, 8080, '127.0.0.1'), tcp(80, 8080, '::1')],
			'127.0.0.1:8080->80/tcp, [::1]:8080->80/tcp',
		],
		[
			'sorted by host port, then container port, then protocol',
			[tcp(80, 9090, '0.0.0.0'), tcp(53, 5353, '0.0.0.0'), udp(53, 5353, '0.0.0.0'), tcp(22, 2222, '0.0.0.0')],
			'0.0.0.0:2222->22/tcp, 0.0.0.0:5353->53/tcp, 0.0.0.0:5353->53/udp, 0.0.0.0:9090->80/tcp',
		],
		['exposed ports come after published ones', [tcp(443), tcp(80, 8080, '127.0.0.1')], '127.0.0.1:8080->80/tcp, 443/tcp'],
		['same exposed port on two protocols', [udp(53), tcp(53)], '53/tcp, 53/udp'],
		[
			'a published range collapses',
			[tcp(8002, 8002, '0.0.0.0'), tcp(8000, 8000, '::'), tcp(8001, 8001, '0.0.0.0'), tcp(8000, 8000, '0.0.0.0'), tcp(8001, 8001, '::'), tcp(8002, 8002, '::')],
			'8000-8002->8000-8002/tcp',
		],
		['a range on a specific address keeps it', [tcp(8000, 8000, '127.0.0.1'), tcp(8001, 8001, '127.0.0.1')], '127.0.0.1:8000-8001->8000-8001/tcp'],
		['an offset range collapses', [tcp(80, 9000, '127.0.0.1'), tcp(81, 9001, '127.0.0.1')], '127.0.0.1:9000-9001->80-81/tcp'],
		['an exposed range collapses', [udp(7001), udp(7000)], '7000-7001/udp'],
		['a gap splits a range', [tcp(7000), tcp(7001), tcp(7003)], '7000-7001/tcp, 7003/tcp'],
		['different protocols do not join', [tcp(7000), udp(7001)], '7000/tcp, 7001/udp'],
		['different addresses do not join', [tcp(80, 8000, '127.0.0.1'), tcp(81, 8001, '10.0.0.1')], '127.0.0.1:8000->80/tcp, 10.0.0.1:8001->81/tcp'],
		[
			'host ports in a row for the same container port do not join',
			[tcp(80, 8080, '127.0.0.1'), tcp(80, 8081, '127.0.0.1')],
			'127.0.0.1:8080->80/tcp, 127.0.0.1:8081->80/tcp',
		],
		[
			'ranges of two addresses interleaved in order both collapse',
			[tcp(80, 8000, '127.0.0.1'), tcp(80, 8000, '::1'), tcp(81, 8001, '127.0.0.1'), tcp(81, 8001, '::1')],
			'127.0.0.1:8000-8001->80-81/tcp, [::1]:8000-8001->80-81/tcp',
		],
		[
			'a typical mix',
			[tcp(443), tcp(80, 8080, '::'), tcp(80, 8080, '0.0.0.0'), udp(7000), udp(7001)],
			'8080->80/tcp, 443/tcp, 7000-7001/udp',
		],
	];
	for (const [name, ports, text] of cases) {
		test(name, () => {
			assert.equal(formatPorts(ports), text);
		});
	}

	test('does not reorder the caller\'s array', () => {
		const ports = [tcp(443), tcp(80, 8080, '0.0.0.0')];
		formatPorts(ports);
		assert.deepEqual(ports, [tcp(443), tcp(80, 8080, '0.0.0.0')]);
	});
});

describe('pluralize', () => {
	test('one is singular', () => {
		assert.equal(pluralize(1, 'container'), '1 container');
	});

	test('many and none are plural', () => {
		assert.equal(pluralize(3, 'container'), '3 containers');
		assert.equal(pluralize(0, 'container'), '0 containers');
	});

	test('takes an irregular plural', () => {
		assert.equal(pluralize(2, 'proxy', 'proxies'), '2 proxies');
		assert.equal(pluralize(1, 'proxy', 'proxies'), '1 proxy');
	});
});
