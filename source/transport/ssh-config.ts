import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';

// The part of ~/.ssh/config that decides where and as whom dtui connects: Host blocks
// (patterns, `!` negation), `Match all`, Include, and HostName, User, Port,
// IdentityFile, IdentitiesOnly, UserKnownHostsFile. Like ssh, the first value found
// for a keyword wins (IdentityFile adds up). Other Match conditions are not evaluated:
// their blocks are skipped.

export type SshSettings = {
	readonly hostName: string;
	readonly user?: string;
	readonly port?: number;
	/** As written, before ~ and %-tokens are expanded. */
	readonly identityFiles: readonly string[];
	readonly identitiesOnly: boolean;
	readonly userKnownHostsFiles?: readonly string[];
};

type Line = {readonly keyword: string; readonly args: readonly string[]};

/** Splits `Keyword value`, `Keyword=value` and "quoted values". */
function parseLine(raw: string): Line | undefined {
	const text = raw.trim();
	if (text === '' || text.startsWith('#')) return undefined;
	const match = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(text);
	if (!match) return {keyword: text.toLowerCase(), args: []};
	const args: string[] = [];
	for (const token of (match[2] ?? '').matchAll(/"([^"]*)"|(\S+)/g)) args.push(token[1] ?? token[2] ?? '');
	return {keyword: (match[1] ?? '').toLowerCase(), args};
}

/** ssh's pattern syntax: `*` any run, `?` one character, case-insensitive. */
export function matchesPattern(pattern: string, name: string): boolean {
	const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
	return new RegExp(`^${source}$`, 'i').test(name);
}

/** A pattern list matches when one pattern does and no negated (`!`) one does. */
export function matchesPatternList(patterns: readonly string[], name: string): boolean {
	let matched = false;
	for (const pattern of patterns) {
		if (pattern.startsWith('!')) {
			if (matchesPattern(pattern.slice(1), name)) return false;
		} else if (matchesPattern(pattern, name)) {
			matched = true;
		}
	}

	return matched;
}

function expandHome(file: string, home: string): string {
	return file === '~' ? home : file.startsWith('~/') ? path.join(home, file.slice(2)) : file;
}

/** Include's argument: relative to ~/.ssh; `*` and `?` allowed in the last part. */
function includedFiles(argument: string, home: string): string[] {
	const expanded = expandHome(argument, home);
	const file = path.isAbsolute(expanded) ? expanded : path.join(home, '.ssh', expanded);
	const base = path.basename(file);
	if (!/[*?]/.test(base)) return [file];
	try {
		return readdirSync(path.dirname(file))
			.filter(name => matchesPattern(base, name))
			.sort()
			.map(name => path.join(path.dirname(file), name));
	} catch {
		return [];
	}
}

function readLines(file: string, home: string, depth: number): Line[] {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		// ssh ignores a missing config file; so does dtui.
		return [];
	}

	const lines: Line[] = [];
	for (const raw of text.split('\n')) {
		const line = parseLine(raw);
		if (line === undefined) continue;
		if (line.keyword === 'include' && depth < 16) {
			for (const argument of line.args) {
				for (const included of includedFiles(argument, home)) lines.push(...readLines(included, home, depth + 1));
			}
		} else {
			lines.push(line);
		}
	}

	return lines;
}

/** The settings for `host` (as written in the URL) from the config file at `file`. */
export function sshSettings(host: string, file: string, home: string): SshSettings {
	const found = new Map<string, readonly string[]>();
	const identityFiles: string[] = [];
	let active = true;
	for (const {keyword, args} of readLines(file, home, 0)) {
		if (keyword === 'host') {
			active = matchesPatternList(args, host);
			continue;
		}

		if (keyword === 'match') {
			active = args.length === 1 && args[0]?.toLowerCase() === 'all';
			continue;
		}

		if (!active || args.length === 0) continue;
		if (keyword === 'identityfile') identityFiles.push(args[0] ?? '');
		else if (!found.has(keyword)) found.set(keyword, args);
	}

	const first = (keyword: string) => found.get(keyword)?.[0];
	const hostName = first('hostname')?.replace(/%h/g, host) ?? host;
	const user = first('user');
	const portText = first('port');
	const port = portText !== undefined && /^\d+$/.test(portText) ? Number(portText) : undefined;
	const knownHosts = found.get('userknownhostsfile');
	return {
		hostName,
		...(user === undefined ? {} : {user}),
		...(port === undefined ? {} : {port}),
		identityFiles,
		identitiesOnly: first('identitiesonly')?.toLowerCase() === 'yes',
		...(knownHosts === undefined ? {} : {userKnownHostsFiles: knownHosts}),
	};
}

export type TokenValues = {home: string; localUser: string; remoteUser: string; host: string; port: number};

/** ~ and the %-tokens ssh expands in IdentityFile and UserKnownHostsFile. */
export function expandPathTokens(file: string, values: TokenValues): string {
	const tokens: Record<string, string> = {
		'%': '%',
		d: values.home,
		u: values.localUser,
		r: values.remoteUser,
		h: values.host,
		p: String(values.port),
	};
	const expanded = file.replace(/%([%durhp])/g, (whole, token: string) => tokens[token] ?? whole);
	return expandHome(expanded, values.home);
}
