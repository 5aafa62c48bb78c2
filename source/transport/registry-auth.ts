// Registry credentials, found where the docker CLI keeps them (docker/cli
// cli/config/credentials): a credential helper for the registry (`credHelpers`), else the
// default store (`credsStore`), else the base64 `user:password` in `auths` of
// $DOCKER_CONFIG/config.json. Read only, for one request at a time: never cached,
// printed or written anywhere. Error lines name the file or helper, never a secret.
import {execFile} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {dockerConfigDirectory, type Env} from './docker-config.js';
import {oneLine} from './describe-error.js';
import {EngineError} from '../engine/errors.js';
import type {RegistryCredentials} from '../engine/registry-io.js';
import {defaultDomain} from '../engine/image-reference.js';

/** Runs `docker-credential-NAME get` with the server on stdin (found on env's PATH); resolves its stdout or rejects with its failure. */
export type HelperRunner = (program: string, input: string, env: Env, signal?: AbortSignal) => Promise<string>;

export type LookupOptions = {
	readonly env?: Env;
	readonly signal?: AbortSignal;
	/** For tests: run helpers some other way. */
	readonly runHelper?: HelperRunner;
};

/** Docker Hub's credentials are kept under its v1 index URL, for history's sake. */
const dockerHubKey = 'https://index.docker.io/v1/';
/** A helper that waits on a keyring prompt should not hold a pull forever. */
const helperTimeoutMs = 30_000;
/** What every helper prints when it has nothing for the server (docker-credential-helpers). */
const notFound = /credentials not found/i;

/** The key config.json and helpers use for a registry domain. */
export function credentialKey(domain: string): string {
	return domain === defaultDomain ? dockerHubKey : domain;
}

/** The CLI's ConvertToHostname: `https://host:5000/v2/` and `host:5000` are the same registry. */
function hostnameOf(key: string): string {
	return key.replace(/^https?:\/\//, '').split('/')[0] ?? '';
}

function record(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function string(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

function configFile(env: Env): string {
	return path.join(dockerConfigDirectory(env), 'config.json');
}

async function readConfig(file: string): Promise<Record<string, unknown> | undefined> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		const code = (error as {code?: unknown}).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
		throw new EngineError('denied', `cannot read ${oneLine(file)}: ${typeof code === 'string' ? code : 'unreadable'}`);
	}

	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		// JSON.parse's message quotes the text around the fault: it may be a password.
		throw new EngineError('bad-request', `malformed docker config ${oneLine(file)}: not valid JSON`);
	}

	const config = record(parsed);
	if (!config) throw new EngineError('bad-request', `malformed docker config ${oneLine(file)}: not a JSON object`);
	return config;
}

/** An `auths` entry: `auth` is base64 of `user:password`; newer files may spell the fields out. */
function fromAuthsEntry(entry: Record<string, unknown>, serverAddress: string, file: string): RegistryCredentials | undefined {
	let username = string(entry['username']);
	let password = string(entry['password']);
	const encoded = string(entry['auth']);
	if (encoded !== undefined) {
		const decoded = Buffer.from(encoded, 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon <= 0) throw new EngineError('bad-request', `malformed docker config ${oneLine(file)}: the auth for ${oneLine(serverAddress)} is not base64 of user:password`);
		username = decoded.slice(0, colon);
		password = decoded.slice(colon + 1);
	}

	const identityToken = string(entry['identitytoken']);
	if (username === undefined && password === undefined && identityToken === undefined) return undefined;
	return {serverAddress, ...(username === undefined ? {} : {username}), ...(password === undefined ? {} : {password}), ...(identityToken === undefined ? {} : {identityToken})};
}

function fromAuths(config: Record<string, unknown>, key: string, file: string): RegistryCredentials | undefined {
	const auths = record(config['auths']) ?? {};
	const exact = record(auths[key]);
	if (exact) return fromAuthsEntry(exact, key, file);
	const host = hostnameOf(key);
	for (const [other, value] of Object.entries(auths)) {
		const entry = record(value);
		if (entry && hostnameOf(other) === host) return fromAuthsEntry(entry, key, file);
	}

	return undefined;
}

const runWithExecFile: HelperRunner = (program, input, env, signal) =>
	new Promise((resolve, reject) => {
		const child = execFile(program, ['get'], {env, timeout: helperTimeoutMs, signal, maxBuffer: 1 << 20, windowsHide: true}, (error, stdout) => {
			if (error) reject(Object.assign(error, {stdout}));
			else resolve(stdout);
		});
		// A helper may exit without reading its stdin: its exit says how it went, not EPIPE.
		child.stdin?.on('error', () => undefined);
		child.stdin?.end(input);
	});

async function fromHelper(helper: string, key: string, file: string, env: Env, options: LookupOptions): Promise<RegistryCredentials | undefined> {
	// The name is appended to "docker-credential-": a slash would make it a path to run.
	if (!/^[\w.-]+$/.test(helper)) throw new EngineError('bad-request', `malformed docker config ${oneLine(file)}: bad credential helper name ${oneLine(JSON.stringify(helper))}`);
	const program = `docker-credential-${helper}`;
	let output: string;
	try {
		output = await (options.runHelper ?? runWithExecFile)(program, key, env, options.signal);
	} catch (error) {
		const failure = error as {code?: unknown; stdout?: unknown; name?: unknown};
		if (options.signal?.aborted || failure.name === 'AbortError') throw new EngineError('aborted', 'request aborted');
		if (failure.code === 'ENOENT') throw new EngineError('denied', `credential helper ${program} is not installed (named in ${oneLine(file)})`);
		// By the helpers' protocol, what a failing helper prints is its error message.
		const said = typeof failure.stdout === 'string' ? failure.stdout.trim() : '';
		if (notFound.test(said)) return undefined;
		throw new EngineError('denied', `credential helper ${program} failed for ${oneLine(key)}${said === '' ? '' : `: ${oneLine(said)}`}`);
	}

	let answer: Record<string, unknown> | undefined;
	try {
		answer = record(JSON.parse(output));
	} catch {
		answer = undefined;
	}

	if (!answer) throw new EngineError('denied', `credential helper ${program} gave an answer that is not JSON`);
	const username = string(answer['Username']);
	const secret = string(answer['Secret']);
	if (secret === undefined) return undefined;
	// Helpers store identity tokens under this user name.
	if (username === '<token>') return {serverAddress: key, identityToken: secret};
	return {serverAddress: key, ...(username === undefined ? {} : {username}), password: secret};
}

/**
 * The credentials the docker CLI would send to `domain` (a registry from a parsed
 * reference), or undefined for none (anonymous). Rejects with one line when the config
 * file is malformed or a helper is missing or fails.
 */
export async function lookupCredentials(domain: string, options: LookupOptions = {}): Promise<RegistryCredentials | undefined> {
	const env = options.env ?? process.env;
	const file = configFile(env);
	const config = await readConfig(file);
	if (!config) return undefined;
	const key = credentialKey(domain);
	const helpers = record(config['credHelpers']) ?? {};
	const helper = string(helpers[key]) ?? string(helpers[hostnameOf(key)]) ?? string(config['credsStore']);
	if (helper !== undefined) return fromHelper(helper, key, file, env, options);
	return fromAuths(config, key, file);
}

/**
 * The X-Registry-Auth header: URL-safe base64 (with padding, as the daemon decodes it) of
 * the JSON AuthConfig. No credentials is `{}`: a push without the header is refused.
 */
export function registryAuthHeader(credentials: RegistryCredentials | undefined): string {
	const json = credentials === undefined
		? {}
		: {
				...(credentials.username === undefined ? {} : {username: credentials.username}),
				...(credentials.password === undefined ? {} : {password: credentials.password}),
				...(credentials.identityToken === undefined ? {} : {identitytoken: credentials.identityToken}),
				serveraddress: credentials.serverAddress,
			};
	return Buffer.from(JSON.stringify(json), 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}
