import {userInfo} from 'node:os';
import path from 'node:path';
import type {AnyAuthMethod, Client} from 'ssh2';
import {homeDirectory, type Env} from './docker-config.js';
import {EngineError} from '../engine/errors.js';
import {checkHostKey, knownHostsName, knownKeyTypes, readKnownHosts, type HostKeyVerdict} from './known-hosts.js';
import {expandPathTokens, sshSettings} from './ssh-config.js';
import {loadIdentities} from './ssh-identities.js';
import type {SshTarget} from './ssh-target.js';

// Logging in as ssh would: ~/.ssh/config for the real host name, user, port and keys;
// ssh-agent, then the identity files; the host key checked against known_hosts before
// any of that is sent. ssh2 is imported here, on the first request to an ssh endpoint,
// so other endpoints never load it.

export type SshLogin = {
	readonly client: Client;
	/** The host as known_hosts names it: `host`, or `[host]:port` off port 22. */
	readonly name: string;
	/** Resolves once the connection is gone, whatever ended it. */
	readonly ended: Promise<void>;
};

const defaultIdentityFiles = ['~/.ssh/id_rsa', '~/.ssh/id_ecdsa', '~/.ssh/id_ecdsa_sk', '~/.ssh/id_ed25519', '~/.ssh/id_ed25519_sk', '~/.ssh/id_dsa'];
const defaultKnownHostsFiles = ['~/.ssh/known_hosts', '~/.ssh/known_hosts2'];
const globalKnownHostsFile = '/etc/ssh/ssh_known_hosts';
const loginTimeoutMs = 10_000;

// The host-key algorithm names ssh2 accepts for each key type known_hosts may hold.
const algorithmsForKeyType: Record<string, readonly string[]> = {
	'ssh-ed25519': ['ssh-ed25519'],
	'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
	'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
	'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
	'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
};

/** `/root/.ssh/x` → `~/.ssh/x`: shorter, and what users type. */
function tilde(file: string, home: string): string {
	return file.startsWith(`${home}/`) ? `~/${file.slice(home.length + 1)}` : file;
}

function hostKeyError(verdict: HostKeyVerdict, name: string, knownHostsShown: string, home: string): EngineError {
	switch (verdict.kind) {
		case 'changed':
			return new EngineError(
				'denied',
				`host key for ${name} has changed: it does not match ${tilde(verdict.entry.file, home)} line ${verdict.entry.line} (if the change is expected, remove that line with ssh-keygen -R '${name}')`,
			);
		case 'revoked':
			return new EngineError('denied', `host key for ${name} is revoked in ${tilde(verdict.entry.file, home)} line ${verdict.entry.line}`);
		default:
			return new EngineError('denied', `host key for ${name} is not in ${knownHostsShown} (add it with ssh-keyscan or connect once with ssh)`);
	}
}

type Ssh2 = typeof import('ssh2');

async function loadSsh2(): Promise<Ssh2> {
	const module = (await import('ssh2')) as Ssh2 & {default?: Ssh2};
	return module.default ?? module;
}

export async function loginSsh(target: SshTarget, env: Env): Promise<SshLogin> {
	const home = homeDirectory(env);
	const localUser = env['USER'] || env['LOGNAME'] || userInfo().username;
	const settings = sshSettings(target.host, path.join(home, '.ssh', 'config'), home);
	const host = settings.hostName;
	const port = target.port ?? settings.port ?? 22;
	const user = target.user ?? settings.user ?? localUser;
	const tokens = {home, localUser, remoteUser: user, host, port};
	const userKnownHosts = (settings.userKnownHostsFiles ?? defaultKnownHostsFiles).map(file => expandPathTokens(file, tokens));
	const knownHosts = readKnownHosts([...userKnownHosts, globalKnownHostsFile]);
	const name = knownHostsName(host, port);
	const identityFiles = (settings.identityFiles.length > 0 ? settings.identityFiles : defaultIdentityFiles).map(file => expandPathTokens(file, tokens));

	const ssh2 = await loadSsh2();
	const identities = loadIdentities(identityFiles, ssh2.utils.parseKey);
	const agentSocket = settings.identitiesOnly ? undefined : env['SSH_AUTH_SOCK'] || undefined;
	const auth: AnyAuthMethod[] = [
		...(agentSocket === undefined ? [] : [{type: 'agent' as const, username: user, agent: agentSocket}]),
		...identities.usable.map(identity => ({type: 'publickey' as const, username: user, key: identity.key})),
	];
	const tried = [...(agentSocket === undefined ? [] : ['ssh-agent']), ...identities.usable.map(identity => tilde(identity.file, home))];
	const skipped = identities.skipped.map(({file, reason}) => `${tilde(file, home)} ${reason}`);
	const at = `${user}@${name}`;
	if (auth.length === 0) {
		const why = skipped.length > 0 ? skipped.join(', ') : `no ssh-agent (SSH_AUTH_SOCK) and no key in ${identityFiles.map(file => tilde(file, home)).join(', ')}`;
		throw new EngineError('denied', `no ssh key to log in to ${at}: ${why}`);
	}

	// Ask for the key types known_hosts already holds first, as ssh does; else a server
	// with several host keys could show one we have never seen.
	const preferred = knownKeyTypes(knownHosts, name).flatMap(type => algorithmsForKeyType[type] ?? []);
	let verdict: HostKeyVerdict | undefined;
	const client = new ssh2.Client();
	// Errors after login (a reset, missed keepalives) end the connection: `close` follows,
	// and the channels in use fail their requests. Without a listener they would crash dtui.
	client.on('error', () => undefined);
	const ended = new Promise<void>(resolve => client.once('close', () => resolve()));

	try {
		await new Promise<void>((resolve, reject) => {
			client.once('ready', () => resolve());
			client.once('error', reject);
			client.once('close', () => reject(new EngineError('unreachable', `the ssh connection to ${name} closed before logging in`)));
			client.connect({
				host,
				port,
				username: user,
				authHandler: auth,
				readyTimeout: loginTimeoutMs,
				// A dead network is noticed by ssh itself, not only by the next request.
				keepaliveInterval: 10_000,
				keepaliveCountMax: 3,
				hostVerifier: (key: Buffer) => {
					verdict = checkHostKey(knownHosts, name, key);
					return verdict.kind === 'known';
				},
				// `remove` then `prepend` (ssh2 applies them in this order) moves them to the front.
				...(preferred.length > 0 ? {algorithms: {serverHostKey: {remove: preferred, prepend: preferred} as never}} : {}),
			});
		});
	} catch (error) {
		client.end();
		if (verdict !== undefined && verdict.kind !== 'known') {
			throw hostKeyError(verdict, name, tilde(userKnownHosts[0] ?? '~/.ssh/known_hosts', home), home);
		}

		const level = (error as {level?: unknown}).level;
		if (level === 'client-authentication') {
			const note = skipped.length > 0 ? `; skipped ${skipped.join(', ')}` : '';
			throw new EngineError('denied', `ssh authentication to ${at} failed (tried ${tried.join(', ')}${note})`);
		}

		if (level === 'client-timeout') throw new EngineError('timeout', `the ssh server at ${name} did not finish logging in within ${loginTimeoutMs / 1000} s`);
		// Socket errors (refused, unknown host…) keep their code for describeConnectError.
		throw error;
	}

	return {client, name, ended};
}
