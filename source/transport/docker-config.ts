import {createHash} from 'node:crypto';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {ConnectionConfigError} from './connection-config-error.js';
import {oneLine} from './describe-error.js';

// The docker CLI's own files, read the way it reads them: $DOCKER_CONFIG (default
// ~/.docker)/config.json for the current context, and the context store beside it.
// dockerode knows none of this. Only what an endpoint needs is read.

export type Env = NodeJS.ProcessEnv;

/** A context from the store: where its daemon is and where its TLS files would be. */
export type DockerContext = {
	readonly name: string;
	readonly description: string;
	/** unix://…, tcp://…, ssh://… as stored. */
	readonly host: string;
	readonly skipTlsVerify: boolean;
	/** contexts/tls/<id>/docker: holds ca.pem, cert.pem, key.pem when the context has any. */
	readonly tlsDirectory: string;
	readonly hasTls: boolean;
};

export function homeDirectory(env: Env): string {
	return env['HOME'] || homedir();
}

export function dockerConfigDirectory(env: Env): string {
	return env['DOCKER_CONFIG'] || path.join(homeDirectory(env), '.docker');
}

/** The store names a context's folders by the SHA-256 of its name, so any name is a safe path. */
export function contextId(name: string): string {
	return createHash('sha256').update(name).digest('hex');
}

function metaFile(env: Env, id: string): string {
	return path.join(dockerConfigDirectory(env), 'contexts', 'meta', id, 'meta.json');
}

function record(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Parsed JSON, undefined when the file does not exist; anything else is one line naming the file. */
function readJson(file: string, what: string): unknown {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as {code?: unknown}).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
		throw new ConnectionConfigError(`cannot read ${what} ${oneLine(file)}: ${typeof code === 'string' ? code : 'unreadable'}`);
	}

	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw new ConnectionConfigError(`malformed ${what} ${oneLine(file)}: ${oneLine((error as Error).message)}`);
	}
}

/** config.json's currentContext, undefined when unset or there is no config.json. */
export function readCurrentContext(env: Env): string | undefined {
	const file = path.join(dockerConfigDirectory(env), 'config.json');
	const json = readJson(file, 'docker config');
	if (json === undefined) return undefined;
	const config = record(json);
	if (config === undefined) throw new ConnectionConfigError(`malformed docker config ${oneLine(file)}: not a JSON object`);
	const current = config['currentContext'];
	if (current === undefined || current === '') return undefined;
	if (typeof current !== 'string') throw new ConnectionConfigError(`malformed docker config ${oneLine(file)}: currentContext is not a string`);
	return current;
}

/** A named context (not "default", which lives in no file); unknown names get the CLI's error. */
export function readContext(env: Env, name: string): DockerContext {
	const context = readContextById(env, contextId(name));
	if (context === undefined) {
		const file = metaFile(env, contextId(name));
		throw new ConnectionConfigError(`context "${oneLine(name)}": context not found: open ${oneLine(file)}: no such file or directory`);
	}

	return context;
}

function readContextById(env: Env, id: string): DockerContext | undefined {
	const file = metaFile(env, id);
	const json = readJson(file, 'context metadata');
	if (json === undefined) return undefined;
	const malformed = (reason: string) => new ConnectionConfigError(`malformed context metadata ${oneLine(file)}: ${reason}`);
	const meta = record(json);
	if (meta === undefined) throw malformed('not a JSON object');
	const name = meta['Name'];
	if (typeof name !== 'string' || name === '') throw malformed('no Name');
	const docker = record(record(meta['Endpoints'])?.['docker']);
	const host = docker?.['Host'];
	if (typeof host !== 'string' || host === '') throw malformed('no Endpoints.docker.Host');
	const description = record(meta['Metadata'])?.['Description'];
	const tlsDirectory = path.join(dockerConfigDirectory(env), 'contexts', 'tls', id, 'docker');
	return {
		name,
		description: typeof description === 'string' ? description : '',
		host,
		skipTlsVerify: docker?.['SkipTLSVerify'] === true,
		tlsDirectory,
		hasTls: existsSync(tlsDirectory),
	};
}

/** Every context in the store, or for one whose meta.json cannot be used, its folder and the reason. */
export type StoredContext = {readonly context: DockerContext} | {readonly id: string; readonly error: string};

export function storedContexts(env: Env): StoredContext[] {
	let ids: string[];
	try {
		ids = readdirSync(path.join(dockerConfigDirectory(env), 'contexts', 'meta'));
	} catch {
		return [];
	}

	return ids.flatMap((id): StoredContext[] => {
		try {
			const context = readContextById(env, id);
			return context === undefined ? [] : [{context}];
		} catch (error) {
			return [{id, error: (error as Error).message}];
		}
	});
}
