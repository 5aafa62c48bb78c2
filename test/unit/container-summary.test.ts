import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {goDuration, shellWords, summaryFields, summaryLines} from '../../source/views/container-summary.js';

// The fields of a dockerd 20.10 inspect document the summary reads (values as the daemon writes them).
const document = {
	Config: {
		Cmd: ['nginx', '-g', 'daemon off;'],
		Entrypoint: ['/docker-entrypoint.sh'],
		Env: ['PATH=/usr/local/sbin:/usr/bin', 'NGINX_VERSION=1.25.3'],
		Labels: {'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web'},
		ExposedPorts: {'80/tcp': {}, '443/tcp': {}},
		Healthcheck: {Test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], Interval: 30_000_000_000, Timeout: 3_000_000_000, Retries: 3},
	},
	HostConfig: {RestartPolicy: {Name: 'on-failure', MaximumRetryCount: 5}},
	RestartCount: 2,
	Mounts: [
		{Type: 'volume', Name: 'shop_data', Source: '/var/lib/docker/volumes/shop_data/_data', Destination: '/data', RW: true},
		{Type: 'bind', Source: '/etc/shop.conf', Destination: '/etc/nginx/conf.d/shop.conf', RW: false},
	],
	NetworkSettings: {Ports: {'80/tcp': [{HostIp: '0.0.0.0', HostPort: '8080'}], '443/tcp': null}},
	State: {
		Health: {
			Status: 'unhealthy',
			FailingStreak: 3,
			Log: [
				{Start: '2024-05-01T12:00:00.1Z', End: '2024-05-01T12:00:00.2Z', ExitCode: 0, Output: 'ok\n'},
				{Start: '2024-05-01T12:00:30.1Z', End: '2024-05-01T12:00:30.5Z', ExitCode: 1, Output: 'curl: (7) Failed to connect\nto localhost port 80\n'},
			],
		},
	},
};

describe('the inspect summary', () => {
	test('command, entrypoint, env, mounts, ports, labels, restart policy and health with its last results', () => {
		assert.deepEqual(Object.fromEntries(summaryFields(document)), {
			Command: ["nginx -g 'daemon off;'"],
			Entrypoint: ['/docker-entrypoint.sh'],
			Env: ['PATH=/usr/local/sbin:/usr/bin', 'NGINX_VERSION=1.25.3'],
			Mounts: ['volume shop_data → /data (rw)', 'bind /etc/shop.conf → /etc/nginx/conf.d/shop.conf (ro)'],
			Ports: ['0.0.0.0:8080 → 80/tcp', '443/tcp (not published)'],
			Labels: ['com.docker.compose.project=shop', 'com.docker.compose.service=web'],
			Restart: ['on-failure (at most 5 retries) · restarted 2 times'],
			Health: [
				'unhealthy · failing streak 3',
				'test: curl -f http://localhost/ || exit 1 (every 30s, timeout 3s, 3 retries)',
				'2024-05-01T12:00:00Z exit 0 · ok',
				'2024-05-01T12:00:30Z exit 1 · curl: (7) Failed to connect to localhost port 80',
			],
		});
	});

	test('a bare document (Podman, an old daemon) gives dashes, never a crash', () => {
		const fields = Object.fromEntries(summaryFields({}));
		assert.deepEqual(fields['Command'], []);
		assert.deepEqual(fields['Restart'], ['no']);
		assert.deepEqual(fields['Health'], []);
		const lines = summaryLines(null).map(line => line.map(segment => segment.text).join(''));
		assert.ok(lines.includes('  Env         -'));
	});

	test('shell quoting and Go durations', () => {
		assert.equal(shellWords(['sh', '-c', "echo 'hi' there"]), String.raw`sh -c 'echo '\''hi'\'' there'`);
		assert.deepEqual([goDuration(500_000_000), goDuration(90e9), goDuration(120e9), goDuration(undefined)], ['500ms', '1m30s', '2m', '']);
	});
});
