import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {freePort} from './free-port.js';

// A private OpenSSH server on 127.0.0.1 (Debian's `openssh-server`), as ENGINE-NOTES'
// recipe: generated host and client keys, key login only, and DOCKER_HOST pointing the
// remote docker CLI at the test daemon. It listens on three ports that behave
// differently (sshd's `Match LocalPort`): a normal one, one where `docker` is not on
// PATH, and one that forbids forwarding to unix sockets (dial-stdio is left).

export const sshdBinary = '/usr/sbin/sshd';

export type Sshd = {
	readonly ports: {readonly normal: number; readonly noDocker: number; readonly noForwarding: number};
	/** A HOME for the client: .ssh/id_ed25519, and .ssh/known_hosts naming every port. */
	readonly home: string;
	/** The server's public host key line ("ssh-ed25519 AAAA… comment"). */
	readonly hostKey: string;
	/** How many logins sshd has accepted so far (from its log). */
	logins(): number;
	stop(): Promise<void>;
};

function keygen(file: string): void {
	execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'dtui-test', '-f', file], {stdio: 'ignore'});
}

async function waitForPort(port: number, child: ChildProcess, log: string): Promise<void> {
	for (let attempt = 0; attempt < 100; attempt++) {
		if (child.exitCode !== null) break;
		const open = await new Promise<boolean>(resolve => {
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await new Promise(resolve => setTimeout(resolve, 50));
	}

	throw new Error(`sshd did not start: ${existsSync(log) ? readFileSync(log, 'utf8') : 'no log'}`);
}

export async function startSshd(directory: string, dockerSocket: string): Promise<Sshd> {
	const home = path.join(directory, 'home');
	mkdirSync(path.join(home, '.ssh'), {recursive: true});
	// sshd's privilege-separation directory; Debian makes it only when the service starts.
	mkdirSync('/run/sshd', {recursive: true});
	const hostKeyFile = path.join(directory, 'host_key');
	const clientKey = path.join(home, '.ssh', 'id_ed25519');
	keygen(hostKeyFile);
	keygen(clientKey);
	const authorizedKeys = path.join(directory, 'authorized_keys');
	writeFileSync(authorizedKeys, readFileSync(`${clientKey}.pub`));
	const ports = {normal: await freePort(), noDocker: await freePort(), noForwarding: await freePort()};
	const config = path.join(directory, 'sshd_config');
	const log = path.join(directory, 'sshd.log');
	writeFileSync(
		config,
		[
			...Object.values(ports).map(port => `ListenAddress 127.0.0.1:${port}`),
			`HostKey ${hostKeyFile}`,
			`PidFile ${path.join(directory, 'sshd.pid')}`,
			`AuthorizedKeysFile ${authorizedKeys}`,
			'PasswordAuthentication no',
			'KbdInteractiveAuthentication no',
			'UsePAM no',
			// The keys live under /tmp, which StrictModes would reject.
			'StrictModes no',
			'PermitRootLogin prohibit-password',
			`SetEnv DOCKER_HOST=unix://${dockerSocket}`,
			'LogLevel VERBOSE',
			`Match LocalPort ${ports.noDocker}`,
			'\tSetEnv PATH=/nonexistent',
			`Match LocalPort ${ports.noForwarding}`,
			'\tAllowStreamLocalForwarding no',
			'',
		].join('\n'),
	);
	const hostKey = readFileSync(`${hostKeyFile}.pub`, 'utf8').trim();
	writeFileSync(
		path.join(home, '.ssh', 'known_hosts'),
		Object.values(ports)
			.map(port => `[127.0.0.1]:${port} ${hostKey}\n`)
			.join(''),
	);

	const child = spawn(sshdBinary, ['-D', '-f', config, '-E', log], {stdio: 'ignore'});
	const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
	await waitForPort(ports.normal, child, log);
	return {
		ports,
		home,
		hostKey,
		logins: () => readFileSync(log, 'utf8').split('\n').filter(line => line.includes('Accepted publickey for')).length,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		},
	};
}
