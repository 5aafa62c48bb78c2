import assert from 'node:assert/strict';
import Docker from 'dockerode';
import {execFileSync} from 'node:child_process';
import {copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir, userInfo} from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {resolveEndpoint, type ResolveOptions} from '../../source/transport/connection.js';
import {createDockerodeEngine} from '../../source/docker/dockerode-engine.js';
import type {Engine} from '../../source/engine/engine.js';
import {EngineError} from '../../source/engine/errors.js';
import {connectMany} from '../../source/start/connect.js';
import {createFleetSession} from '../../source/start/fleet-session.js';
import {makeCertificates, type Certificates} from '../helpers/certificates.js';
import {daemonSocket, realDaemonSkip, removeTestContainers, testDocker, createTestContainer} from '../helpers/daemon.js';
import {writeContext} from '../helpers/docker-config.js';
import {freePort, toolSkip} from '../helpers/free-port.js';
import {podmanBinary, startPodman, type PodmanService} from '../helpers/podman.js';
import {sshdBinary, startSshd, type Sshd} from '../helpers/sshd.js';
import {readUntil} from '../helpers/session-output.js';

// Every way dtui reaches a daemon other than the local socket, against real servers on
// loopback: a second dockerd with TLS, an OpenSSH server in front of the test daemon,
// and Podman's API service. Each failure must be one line that says what to fix.

const skip = realDaemonSkip();
const root = mkdtempSync(path.join(tmpdir(), 'dtui-connections-'));
const emptyConfig = path.join(root, 'empty-config');
mkdirSync(emptyConfig);
after(() => {
	rmSync(root, {recursive: true, force: true});
});

async function withEngine<T>(options: ResolveOptions, use: (engine: Engine) => Promise<T>): Promise<T> {
	const engine = createDockerodeEngine(resolveEndpoint({...options, env: {DOCKER_CONFIG: emptyConfig, ...options.env}}), {pingTimeoutMs: 15_000});
	try {
		return await use(engine);
	} finally {
		engine.close();
	}
}

async function pingFails(options: ResolveOptions, kind: EngineError['kind'], message: string): Promise<void> {
	await withEngine(options, async engine => {
		await assert.rejects(engine.ping(), (error: unknown) => {
			assert.ok(error instanceof EngineError, String(error));
			assert.equal(error.message, message);
			assert.equal(error.kind, kind);
			return true;
		});
	});
}

describe('a TLS daemon on 127.0.0.1', {skip}, () => {
	const base = '/tmp/dtui-tls';
	const script = path.resolve('scripts/test-daemon.sh');
	let certs: Certificates;
	let host = '';

	before(async () => {
		certs = makeCertificates(path.join(root, 'certs'));
		const port = await freePort();
		host = `tcp://127.0.0.1:${port}`;
		execFileSync(script, ['--stop', base], {stdio: 'ignore'});
		execFileSync(script, [base, '--tlsverify', `--tlscacert=${certs.server.ca}`, `--tlscert=${certs.server.cert}`, `--tlskey=${certs.server.key}`, '-H', host], {
			// With busybox:local: a shell over TLS needs a container to run in.
			env: process.env,
			stdio: ['ignore', 'ignore', 'pipe'],
			timeout: 60_000,
		});
	});

	after(() => {
		execFileSync(script, ['--stop', base], {stdio: 'ignore'});
	});

	const env = (folder: string) => ({DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: folder});

	test('with the client certificate: ping and list', async () => {
		await withEngine({host, env: env(certs.client)}, async engine => {
			const info = await engine.ping();
			assert.equal(info.host, host);
			assert.equal(info.engine, 'Docker Engine');
			assert.deepEqual(await engine.listContainers(), []);
		});
	});

	test('a shell over TLS runs what is typed and ends when it exits', async () => {
		// Made through the daemon's own unix socket: the test's tools do not speak TLS.
		const local = new Docker({socketPath: `${base}/docker.sock`});
		const id = await createTestContainer(local, {name: 'dtui-tls-exec', start: true});
		try {
			await withEngine({host, env: env(certs.client)}, async engine => {
				assert.deepEqual(await engine.execRun(id, ['echo', 'over-tls']), {exitCode: 0, output: 'over-tls'});
				const session = await engine.execSession(id, ['sh'], {columns: 80, rows: 24});
				const answered = readUntil(session, output => output.includes('typed-42\r\n'));
				session.stream.write('echo typed-$((40 + 2))\r');
				await answered;
				session.stream.write('exit 5\r');
				assert.deepEqual(await session.ended, {exitCode: 5});
			});
		} finally {
			await local.getContainer(id).remove({force: true});
		}
	});

	test('from a context with TLS files', async () => {
		const config = path.join(root, 'tls-context');
		writeContext(config, 'secure', {host, tls: {ca: certs.server.ca, cert: path.join(certs.client, 'cert.pem'), key: path.join(certs.client, 'key.pem')}});
		await withEngine({context: 'secure', env: {DOCKER_CONFIG: config}}, async engine => {
			assert.equal((await engine.ping()).host, host);
		});
	});

	test('SkipTLSVerify: a server certificate from an unknown CA is accepted', async () => {
		const config = path.join(root, 'skip-context');
		writeContext(config, 'lax', {host, skipTlsVerify: true, tls: {cert: path.join(certs.client, 'cert.pem'), key: path.join(certs.client, 'key.pem')}});
		await withEngine({context: 'lax', env: {DOCKER_CONFIG: config}}, async engine => {
			assert.equal((await engine.ping()).host, host);
		});
	});

	test('refused, each with its one line', async () => {
		const failed = `TLS with the Docker daemon at ${host} failed: `;
		await pingFails({host, env: env(certs.caOnly)}, 'denied', `${failed}it refused your client certificate (none given, or not signed by a CA it trusts)`);
		await pingFails({host, env: env(certs.foreignClient)}, 'denied', `${failed}it refused your client certificate (none given, or not signed by a CA it trusts)`);
		await pingFails({host, env: env(certs.foreignCa)}, 'denied', `${failed}its certificate is not signed by your CA (ca.pem)`);
		await pingFails({host, env: {}}, 'denied', `the Docker daemon at ${host} wants TLS: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH, or use a context with TLS`);
	});
});

describe('ssh:// through OpenSSH on 127.0.0.1', {skip: skip || toolSkip(sshdBinary, 'openssh-server')}, () => {
	const user = userInfo().username;
	let sshd: Sshd;
	const url = (port: number, who = user) => `ssh://${who}@127.0.0.1:${port}`;
	// Only what a login needs: no SSH_AUTH_SOCK, so the test's own agent cannot help.
	const env = (home: string) => ({HOME: home, USER: user});

	/** A client HOME with the same key and the given known_hosts text. */
	function homeWith(name: string, knownHosts: string): string {
		const home = path.join(root, name);
		mkdirSync(path.join(home, '.ssh'), {recursive: true});
		copyFileSync(path.join(sshd.home, '.ssh', 'id_ed25519'), path.join(home, '.ssh', 'id_ed25519'));
		writeFileSync(path.join(home, '.ssh', 'known_hosts'), knownHosts);
		return home;
	}

	before(async () => {
		sshd = await startSshd(path.join(root, 'sshd'), daemonSocket ?? '');
	});

	after(async () => {
		await sshd.stop();
		await removeTestContainers(testDocker(), 'dtui-ssh-');
	});

	test('lists what the daemon has; every request rides one ssh connection', async () => {
		// Other suites share the daemon: look for our own container, not for an exact list.
		const id = await createTestContainer(testDocker(), {name: 'dtui-ssh-listed'});
		const before = sshd.logins();
		await withEngine({host: url(sshd.ports.normal), env: env(sshd.home)}, async engine => {
			const info = await engine.ping();
			assert.equal(info.host, url(sshd.ports.normal));
			assert.equal(info.engine, 'Docker Engine');
			const listed = (await engine.listContainers()).find(container => container.id === id);
			assert.equal(listed?.name, 'dtui-ssh-listed');
			await Promise.all(Array.from({length: 12}, async () => engine.listContainers()));
			for (let index = 0; index < 3; index++) await engine.ping();
		});
		assert.equal(sshd.logins() - before, 1);
	});

	test('an event stream stays open on its channel while other requests come and go', async () => {
		await withEngine({host: url(sshd.ports.normal), env: env(sshd.home)}, async engine => {
			await engine.ping();
			const stop = new AbortController();
			const seen = (async () => {
				for await (const event of engine.events(stop.signal)) {
					if (event.type === 'container' && event.action === 'create' && event.name === 'dtui-ssh-event') return event.id;
				}

				return undefined;
			})();
			await engine.listContainers();
			const id = await createTestContainer(testDocker(), {name: 'dtui-ssh-event'});
			assert.equal(await seen, id);
			stop.abort();
		});
	});

	test('a fleet of the local socket and ssh:// lists the daemon once per host and acts through the row\'s host', async () => {
		const id = await createTestContainer(testDocker(), {name: 'dtui-ssh-fleet', start: true});
		const before = sshd.logins();
		const hosts = await connectMany([{host: `unix://${daemonSocket!}`}, {host: url(sshd.ports.normal)}], {readOnly: false, env: {...env(sshd.home), DOCKER_CONFIG: emptyConfig}});
		const session = createFleetSession(hosts);
		try {
			assert.deepEqual(hosts.map(host => [host.label, host.error]), [[daemonSocket!.replace(/\/docker\.sock$/, ''), undefined], ['127.0.0.1:' + String(sshd.ports.normal), undefined]]);
			const rows = (await session.engine.listContainers()).filter(container => container.name === 'dtui-ssh-fleet');
			assert.deepEqual(rows.map(row => row.id), [`${id}#1`, `${id}#2`]);
			await session.engine.containerAction(`${id}#2`, 'kill');
			assert.equal((await testDocker().getContainer(id).inspect()).State.Running, false);
			assert.equal(sshd.logins() - before, 1, 'the kill went over the ssh host\'s one connection');
		} finally {
			session.monitor.stop();
			session.engine.close();
		}
	});

	test('exec rides ssh:// too, forwarded or through dial-stdio: a command\'s output, an interactive shell', async () => {
		const id = await createTestContainer(testDocker(), {name: 'dtui-ssh-exec', start: true});
		for (const port of [sshd.ports.normal, sshd.ports.noForwarding]) {
			await withEngine({host: url(port), env: env(sshd.home)}, async engine => {
				assert.deepEqual(await engine.execRun(id, ['echo', 'over-ssh']), {exitCode: 0, output: 'over-ssh'});
				const session = await engine.execSession(id, ['sh'], {columns: 80, rows: 24});
				// The shell's answer, not the echo of what was typed.
				const answered = readUntil(session, output => output.includes('typed-42\r\n'));
				session.stream.write('echo typed-$((40 + 2))\r');
				await answered;
				session.stream.write('exit 4\r');
				assert.deepEqual(await session.ended, {exitCode: 4}, `port ${port}`);
			});
		}
	});

	test('sshd forbids forwarding: dial-stdio channels, still one connection', async () => {
		const before = sshd.logins();
		await withEngine({host: url(sshd.ports.noForwarding), env: env(sshd.home)}, async engine => {
			await engine.ping();
			await Promise.all(Array.from({length: 10}, async () => engine.listContainers()));
		});
		assert.equal(sshd.logins() - before, 1);
	});

	test('dial-stdio that fails says what the remote docker said', async () => {
		await withEngine({host: `${url(sshd.ports.noForwarding)}/nonexistent/docker.sock`, env: env(sshd.home)}, async engine => {
			await assert.rejects(engine.ping(), (error: unknown) => {
				assert.ok(error instanceof EngineError, String(error));
				assert.equal(error.kind, 'unreachable');
				// The wording after "failed: " is the remote docker CLI's own, and varies by version.
				assert.match(error.message, new RegExp(`^docker system dial-stdio on \\[127\\.0\\.0\\.1\\]:${sshd.ports.noForwarding} failed: .*/nonexistent/docker\\.sock`));
				return true;
			});
		});
	});

	test('a remote without docker', async () => {
		await pingFails({host: url(sshd.ports.noDocker), env: env(sshd.home)}, 'unreachable', 'the remote host has no docker command for dial-stdio');
	});

	test('an unknown host key is refused', async () => {
		const home = homeWith('unknown-host', '');
		const name = `[127.0.0.1]:${sshd.ports.normal}`;
		await pingFails({host: url(sshd.ports.normal), env: env(home)}, 'denied', `host key for ${name} is not in ~/.ssh/known_hosts (add it with ssh-keyscan or connect once with ssh)`);
	});

	test('a changed host key is refused, naming the file and line', async () => {
		const impostor = path.join(root, 'impostor');
		execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', impostor], {stdio: 'ignore'});
		const name = `[127.0.0.1]:${sshd.ports.normal}`;
		const otherKey = execFileSync('cat', [`${impostor}.pub`], {encoding: 'utf8'}).trim();
		const home = homeWith('changed-host', `# dtui test\n${name} ${otherKey}\n`);
		await pingFails(
			{host: url(sshd.ports.normal), env: env(home)},
			'denied',
			`host key for ${name} has changed: it does not match ~/.ssh/known_hosts line 2 (if the change is expected, remove that line with ssh-keygen -R '${name}')`,
		);
	});

	test('hashed known_hosts entries match', async () => {
		const home = homeWith('hashed', `[127.0.0.1]:${sshd.ports.normal} ${sshd.hostKey}\n`);
		execFileSync('ssh-keygen', ['-H', '-f', path.join(home, '.ssh', 'known_hosts')], {stdio: 'ignore'});
		await withEngine({host: url(sshd.ports.normal), env: env(home)}, async engine => {
			assert.equal((await engine.ping()).engine, 'Docker Engine');
		});
	});

	test('~/.ssh/config: an alias with HostName, Port, User and IdentityFile', async () => {
		const home = homeWith('config', `[127.0.0.1]:${sshd.ports.normal} ${sshd.hostKey}\n`);
		const key = path.join(home, '.ssh', 'dtui_key');
		execFileSync('mv', [path.join(home, '.ssh', 'id_ed25519'), key]);
		writeFileSync(path.join(home, '.ssh', 'config'), `Host dtui-box\n\tHostName 127.0.0.1\n\tPort ${sshd.ports.normal}\n\tUser ${user}\n\tIdentityFile ~/.ssh/dtui_key\n`);
		await withEngine({host: 'ssh://dtui-box', env: env(home)}, async engine => {
			const info = await engine.ping();
			assert.equal(info.host, 'ssh://dtui-box');
		});
	});

	test('a key the server does not accept', async () => {
		const home = homeWith('wrong-key', `[127.0.0.1]:${sshd.ports.normal} ${sshd.hostKey}\n`);
		const key = path.join(home, '.ssh', 'id_ed25519');
		rmSync(key);
		execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key], {stdio: 'ignore'});
		await pingFails(
			{host: url(sshd.ports.normal), env: env(home)},
			'denied',
			`ssh authentication to ${user}@[127.0.0.1]:${sshd.ports.normal} failed (tried ~/.ssh/id_ed25519)`,
		);
	});
});

describe('Podman when the Docker socket is absent', {skip: skip || toolSkip(podmanBinary, 'podman')}, () => {
	let podman: PodmanService;
	before(async () => {
		podman = await startPodman(path.join(root, 'podman'));
	});
	after(async () => {
		await podman.stop();
	});

	test('found at $XDG_RUNTIME_DIR/podman/podman.sock, and reported as Podman', async () => {
		// As if /var/run/docker.sock were absent; every other path is looked up for real.
		const socketExists = (file: string) => file !== '/var/run/docker.sock' && statSync(file, {throwIfNoEntry: false})?.isSocket() === true;
		await withEngine({env: {XDG_RUNTIME_DIR: podman.runtimeDirectory}, socketExists}, async engine => {
			const info = await engine.ping();
			assert.equal(info.host, `unix://${podman.socket}`);
			assert.equal(info.engine, 'Podman');
			assert.deepEqual(await engine.listContainers(), []);
		});
	});
});
