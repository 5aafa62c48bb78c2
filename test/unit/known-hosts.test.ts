import assert from 'node:assert/strict';
import {createHmac, randomBytes} from 'node:crypto';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {checkHostKey, keyTypeOf, knownHostsName, knownKeyTypes, readKnownHosts} from '../../source/transport/known-hosts.js';

// Keys are fake blobs with the right shape (length-prefixed type, then bytes): the
// checker compares bytes and reads the type, it never verifies signatures.

function blob(type: string, body: string): Buffer {
	const name = Buffer.from(type);
	const length = Buffer.alloc(4);
	length.writeUInt32BE(name.length);
	return Buffer.concat([length, name, Buffer.from(body)]);
}

const ed = blob('ssh-ed25519', 'the real key');
const edOther = blob('ssh-ed25519', 'an impostor');
const ecdsa = blob('ecdsa-sha2-nistp256', 'another real key');
const line = (hosts: string, key: Buffer) => `${hosts} ${keyTypeOf(key)} ${key.toString('base64')}`;

function hashed(name: string): string {
	const salt = randomBytes(20);
	return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

const dir = mkdtempSync(path.join(tmpdir(), 'dtui-known-hosts-'));
after(() => {
	rmSync(dir, {recursive: true, force: true});
});

function file(name: string, lines: string[]): string {
	const target = path.join(dir, name);
	writeFileSync(target, `${lines.join('\n')}\n`);
	return target;
}

describe('known_hosts', () => {
	test('names: the host on port 22, [host]:port elsewhere', () => {
		assert.equal(knownHostsName('box', 22), 'box');
		assert.equal(knownHostsName('127.0.0.1', 2222), '[127.0.0.1]:2222');
	});

	test('the key type is read from the blob', () => {
		assert.equal(keyTypeOf(ed), 'ssh-ed25519');
		assert.equal(keyTypeOf(Buffer.alloc(2)), '');
	});

	const table: Array<{what: string; lines: string[]; name: string; key: Buffer; verdict: string}> = [
		{what: 'a plain entry', lines: [line('box', ed)], name: 'box', key: ed, verdict: 'known'},
		{what: 'a host in a comma list', lines: [line('other,box,10.0.0.1', ed)], name: 'box', key: ed, verdict: 'known'},
		{what: 'a wildcard', lines: [line('*.example.com', ed)], name: 'box.example.com', key: ed, verdict: 'known'},
		{what: 'a negated pattern wins', lines: [line('*.example.com,!box.example.com', ed)], name: 'box.example.com', key: ed, verdict: 'unknown'},
		{what: 'a hashed entry', lines: [line(hashed('[127.0.0.1]:2222'), ed)], name: '[127.0.0.1]:2222', key: ed, verdict: 'known'},
		{what: 'a hashed entry for another port', lines: [line(hashed('127.0.0.1'), ed)], name: '[127.0.0.1]:2222', key: ed, verdict: 'unknown'},
		{what: 'the port matters', lines: [line('box', ed)], name: '[box]:2222', key: ed, verdict: 'unknown'},
		{what: 'not listed', lines: ['# nothing', line('elsewhere', ed)], name: 'box', key: ed, verdict: 'unknown'},
		{what: 'same type, other key: changed', lines: ['# c', line('box', edOther)], name: 'box', key: ed, verdict: 'changed:2'},
		{what: 'one of two keys of the host', lines: [line('box', ecdsa), line('box', ed)], name: 'box', key: ed, verdict: 'known'},
		{what: 'only another type known: changed, naming it', lines: [line('box', ecdsa)], name: 'box', key: ed, verdict: 'changed:1'},
		{what: '@revoked beats a match', lines: [line('box', ed), `@revoked * ${keyTypeOf(ed)} ${ed.toString('base64')}`], name: 'box', key: ed, verdict: 'revoked:2'},
		{what: '@cert-authority lines are not keys of the host', lines: [`@cert-authority box ${keyTypeOf(ed)} ${ed.toString('base64')}`], name: 'box', key: ed, verdict: 'unknown'},
		{what: 'garbage lines are skipped', lines: ['box', 'box ssh-ed25519', '', '   ', line('box', ed)], name: 'box', key: ed, verdict: 'known'},
	];
	for (const [index, row] of table.entries()) {
		test(row.what, () => {
			const known = file(`known_hosts_${index}`, row.lines);
			const verdict = checkHostKey(readKnownHosts([known]), row.name, row.key);
			const shown = verdict.kind === 'changed' || verdict.kind === 'revoked' ? `${verdict.kind}:${verdict.entry.line}` : verdict.kind;
			assert.equal(shown, row.verdict);
			if ('entry' in verdict) assert.equal(verdict.entry.file, known);
		});
	}

	test('several files are read in order; a missing one is skipped', () => {
		const first = file('first', [line('box', edOther)]);
		const second = file('second', [line('box', ed)]);
		const entries = readKnownHosts([path.join(dir, 'missing'), first, second]);
		assert.deepEqual(entries.map(entry => [entry.file, entry.line]), [[first, 1], [second, 1]]);
		assert.equal(checkHostKey(entries, 'box', ed).kind, 'known');
	});

	test('the key types known for a host, for ordering the server\'s offer', () => {
		const entries = readKnownHosts([file('types', [line('box', ecdsa), line('box', ed), line('box', edOther), line('other', blob('ssh-rsa', 'x'))])]);
		assert.deepEqual(knownKeyTypes(entries, 'box'), ['ecdsa-sha2-nistp256', 'ssh-ed25519']);
		assert.deepEqual(knownKeyTypes(entries, 'nobody'), []);
	});
});
