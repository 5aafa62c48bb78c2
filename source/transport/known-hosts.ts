import {createHmac} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {matchesPatternList} from './ssh-config.js';

// Host-key checking against OpenSSH's known_hosts files: plain and hashed
// (`|1|salt|hash`) host names, pattern lists with `!`, `[host]:port` for other ports,
// and the @revoked marker (@cert-authority lines are skipped: no certificates here).

export type KnownHostsEntry = {
	readonly file: string;
	/** 1-based, as editors and `ssh-keygen -R` show it. */
	readonly line: number;
	readonly marker?: 'revoked' | 'cert-authority';
	readonly hosts: string;
	readonly keyType: string;
	readonly key: Buffer;
};

export type HostKeyVerdict =
	| {readonly kind: 'known'}
	| {readonly kind: 'unknown'}
	| {readonly kind: 'changed'; readonly entry: KnownHostsEntry}
	| {readonly kind: 'revoked'; readonly entry: KnownHostsEntry};

/** The name known_hosts files use: the host alone on port 22, else `[host]:port`. */
export function knownHostsName(host: string, port: number): string {
	return port === 22 ? host : `[${host}]:${port}`;
}

export function readKnownHosts(files: readonly string[]): KnownHostsEntry[] {
	const entries: KnownHostsEntry[] = [];
	for (const file of files) {
		let text: string;
		try {
			text = readFileSync(file, 'utf8');
		} catch {
			continue;
		}

		text.split('\n').forEach((raw, index) => {
			const fields = raw.trim().split(/\s+/);
			if (fields[0] === undefined || fields[0] === '' || fields[0].startsWith('#')) return;
			let marker: KnownHostsEntry['marker'];
			if (fields[0] === '@revoked' || fields[0] === '@cert-authority') {
				marker = fields[0] === '@revoked' ? 'revoked' : 'cert-authority';
				fields.shift();
			}

			const [hosts, keyType, key] = fields;
			if (hosts === undefined || keyType === undefined || key === undefined) return;
			entries.push({file, line: index + 1, ...(marker ? {marker} : {}), hosts, keyType, key: Buffer.from(key, 'base64')});
		});
	}

	return entries;
}

function hashedMatches(hashed: string, name: string): boolean {
	const [, magic, salt, hash] = hashed.split('|');
	if (magic !== '1' || salt === undefined || hash === undefined) return false;
	const expected = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
	return expected === hash;
}

function entryMatches(entry: KnownHostsEntry, name: string): boolean {
	if (entry.hosts.startsWith('|')) return hashedMatches(entry.hosts, name);
	return matchesPatternList(entry.hosts.split(','), name);
}

/** The key type inside an SSH public key blob (a length-prefixed string first). */
export function keyTypeOf(blob: Buffer): string {
	if (blob.length < 4) return '';
	const length = blob.readUInt32BE(0);
	return blob.subarray(4, 4 + length).toString('latin1');
}

/** Key types known_hosts holds for this host, in file order: the ones to ask the server for first. */
export function knownKeyTypes(entries: readonly KnownHostsEntry[], name: string): string[] {
	const types = entries.filter(entry => entry.marker === undefined && entryMatches(entry, name)).map(entry => entry.keyType);
	return [...new Set(types)];
}

export function checkHostKey(entries: readonly KnownHostsEntry[], name: string, key: Buffer): HostKeyVerdict {
	const matching = entries.filter(entry => entry.marker !== 'cert-authority' && entryMatches(entry, name));
	const revoked = entries.find(entry => entry.marker === 'revoked' && entry.key.equals(key));
	if (revoked) return {kind: 'revoked', entry: revoked};
	const plain = matching.filter(entry => entry.marker === undefined);
	if (plain.some(entry => entry.key.equals(key))) return {kind: 'known'};
	// Same type, other key: ssh's "REMOTE HOST IDENTIFICATION HAS CHANGED". Another type
	// only: the server no longer offers the key we know, which is a change as well.
	const type = keyTypeOf(key);
	const changed = plain.find(entry => entry.keyType === type) ?? plain[0];
	return changed ? {kind: 'changed', entry: changed} : {kind: 'unknown'};
}
