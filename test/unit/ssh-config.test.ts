import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {expandPathTokens, matchesPatternList, sshSettings} from '../../source/transport/ssh-config.js';
import {parseSshUrl} from '../../source/transport/ssh-target.js';

const home = mkdtempSync(path.join(tmpdir(), 'dtui-ssh-config-'));
mkdirSync(path.join(home, '.ssh', 'conf.d'), {recursive: true});
after(() => {
	rmSync(home, {recursive: true, force: true});
});

const configFile = path.join(home, '.ssh', 'config');
writeFileSync(
	configFile,
	[
		'# a comment',
		'Include conf.d/*.conf',
		'Host build-box builder',
		'    HostName 10.9.8.7',
		'    User builder',
		'    Port 2222',
		'    IdentityFile ~/.ssh/build_key',
		'    IdentitiesOnly yes',
		'Host *.lab !secret.lab',
		'  User=lab-user',
		'  HostName "%h.internal"',
		'Match host something-else',
		'  User never-used',
		'Match all',
		'  IdentityFile %d/.ssh/shared_key',
		'Host *',
		'  User fallback',
		'  Port 22',
		'  UserKnownHostsFile ~/.ssh/known_hosts ~/.ssh/extra_known_hosts',
		'',
	].join('\n'),
);
writeFileSync(path.join(home, '.ssh', 'conf.d', 'a.conf'), 'Host included\n  HostName 192.0.2.1\n  User from-include\n');

describe('~/.ssh/config', () => {
	const table: Array<{host: string; hostName: string; user?: string; port?: number; identityFiles: string[]; identitiesOnly: boolean}> = [
		{host: 'build-box', hostName: '10.9.8.7', user: 'builder', port: 2222, identityFiles: ['~/.ssh/build_key', '%d/.ssh/shared_key'], identitiesOnly: true},
		{host: 'BUILDER', hostName: '10.9.8.7', user: 'builder', port: 2222, identityFiles: ['~/.ssh/build_key', '%d/.ssh/shared_key'], identitiesOnly: true},
		{host: 'gpu.lab', hostName: 'gpu.lab.internal', user: 'lab-user', port: 22, identityFiles: ['%d/.ssh/shared_key'], identitiesOnly: false},
		{host: 'secret.lab', hostName: 'secret.lab', user: 'fallback', port: 22, identityFiles: ['%d/.ssh/shared_key'], identitiesOnly: false},
		{host: 'included', hostName: '192.0.2.1', user: 'from-include', port: 22, identityFiles: ['%d/.ssh/shared_key'], identitiesOnly: false},
	];
	for (const row of table) {
		test(`Host ${row.host}: first value wins, IdentityFile adds up`, () => {
			const settings = sshSettings(row.host, configFile, home);
			assert.deepEqual(settings, {
				hostName: row.hostName,
				user: row.user,
				port: row.port,
				identityFiles: row.identityFiles,
				identitiesOnly: row.identitiesOnly,
				userKnownHostsFiles: ['~/.ssh/known_hosts', '~/.ssh/extra_known_hosts'],
			});
		});
	}

	test('no config file: the host as written, nothing else', () => {
		assert.deepEqual(sshSettings('box', path.join(home, 'missing'), home), {hostName: 'box', identityFiles: [], identitiesOnly: false});
	});

	test('pattern lists', () => {
		assert.equal(matchesPatternList(['*'], 'anything'), true);
		assert.equal(matchesPatternList(['10.0.0.?'], '10.0.0.7'), true);
		assert.equal(matchesPatternList(['10.0.0.?'], '10.0.0.17'), false);
		assert.equal(matchesPatternList(['!a', 'b'], 'a'), false);
		assert.equal(matchesPatternList(['!a'], 'b'), false);
		assert.equal(matchesPatternList(['a.b'], 'axb'), false);
	});

	test('~ and %-tokens in file names', () => {
		const values = {home: '/home/me', localUser: 'me', remoteUser: 'builder', host: '10.9.8.7', port: 2222};
		assert.equal(expandPathTokens('~/.ssh/id_%r@%h:%p', values), '/home/me/.ssh/id_builder@10.9.8.7:2222');
		assert.equal(expandPathTokens('%d/keys/%u-%%', values), '/home/me/keys/me-%');
		assert.equal(expandPathTokens('/etc/ssh/key', values), '/etc/ssh/key');
	});
});

describe('ssh:// URLs', () => {
	test('user, host, port and socket path', () => {
		assert.deepEqual(parseSshUrl('ssh://me@box:2222/run/docker.sock'), {host: 'box', user: 'me', port: 2222, socketPath: '/run/docker.sock', label: 'ssh://me@box:2222/run/docker.sock'});
		assert.deepEqual(parseSshUrl('ssh://box'), {host: 'box', label: 'ssh://box'});
		assert.deepEqual(parseSshUrl('ssh://[::1]:22'), {host: '::1', port: 22, label: 'ssh://[::1]:22'});
		assert.deepEqual(parseSshUrl('ssh://a%40b@box'), {host: 'box', user: 'a@b', label: 'ssh://a@b@box'});
	});
});
