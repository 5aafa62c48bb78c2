import {readFileSync} from 'node:fs';

// The private keys dtui may log in with. There is no terminal to ask for a passphrase,
// so an encrypted key is skipped (ssh-agent can hold it decrypted) and said so when
// logging in fails.

export type Identity = {readonly file: string; readonly key: Buffer};
export type Identities = {
	readonly usable: readonly Identity[];
	readonly skipped: ReadonlyArray<{readonly file: string; readonly reason: string}>;
};

/** ssh2's utils.parseKey, passed in so this module does not load ssh2. */
export type ParseKey = (data: Buffer) => unknown;

export function loadIdentities(files: readonly string[], parseKey: ParseKey): Identities {
	const usable: Identity[] = [];
	const skipped: Array<{file: string; reason: string}> = [];
	for (const file of files) {
		let key: Buffer;
		try {
			key = readFileSync(file);
		} catch {
			// ssh quietly tries the default files that exist; so does dtui.
			continue;
		}

		const parsed = parseKey(key);
		if (parsed instanceof Error) {
			const encrypted = /encrypted|passphrase/i.test(parsed.message);
			skipped.push({file, reason: encrypted ? 'is encrypted (add it to ssh-agent)' : 'is not a key ssh2 can read (OpenSSH or PEM)'});
		} else {
			usable.push({file, key});
		}
	}

	return {usable, skipped};
}
