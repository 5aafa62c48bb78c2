import {describe} from 'node:test';
import {daemonSocket, negotiatedEngine, realDaemonSkip, testDocker, testImage} from '../helpers/daemon.js';
import {registrySkip, startRegistry, type TestRegistry} from '../helpers/registry.js';
import {registryContract} from './registry-contract.js';

// The registry contract against a real dockerd and two real distribution registries on
// 127.0.0.1 (the daemon must share our network namespace to reach them).

const skip = realDaemonSkip() || registrySkip();

describe('real daemon and registries', {skip}, () => {
	if (skip !== false || daemonSocket === undefined) return;
	const socket = daemonSocket;

	registryContract('dockerode, distribution registry', async () => {
		const login = {username: 'dtui', password: `pw-${process.pid}`};
		const registries: TestRegistry[] = [];
		const open = await startRegistry();
		registries.push(open);
		const locked = await startRegistry({login});
		registries.push(locked);
		// A port that was free a moment ago and that nothing listens on: this registry is stopped at once.
		const gone = await startRegistry();
		await gone.stop();

		const engine = await negotiatedEngine(socket);
		const docker = testDocker();
		const ours = (tag: string) => [open.address, locked.address].some(address => tag.startsWith(`${address}/`));
		return {
			engine,
			open: open.address,
			locked: locked.address,
			login,
			closed: gone.address,
			async makeImage(reference) {
				// One layer of its own: a container writes a file, and is committed.
				const container = await docker.createContainer({Image: testImage, Cmd: ['sh', '-c', 'head -c 3000000 /dev/urandom > /blob'], HostConfig: {NetworkMode: 'none'}});
				try {
					await container.start();
					await container.wait();
					const at = reference.lastIndexOf(':');
					await container.commit({repo: reference.slice(0, at), tag: reference.slice(at + 1)});
				} finally {
					await container.remove({force: true});
				}
			},
			async remoteDigest(domain, pathAndTag) {
				const registry = domain === open.address ? open : locked;
				const at = pathAndTag.lastIndexOf(':');
				const answer = await registry.api(`/v2/${pathAndTag.slice(0, at)}/manifests/${pathAndTag.slice(at + 1)}`, {
					method: 'HEAD',
					accept: 'application/vnd.docker.distribution.manifest.v2+json',
					...(registry === locked ? {login} : {}),
				});
				const digest = answer.headers['docker-content-digest'];
				return answer.status === 200 && typeof digest === 'string' ? digest : undefined;
			},
			async cleanup() {
				// Every image tagged into our registries goes, then the registries stop.
				for (const image of await docker.listImages()) {
					for (const tag of (image.RepoTags ?? []).filter(ours)) {
						try {
							await docker.getImage(tag).remove({force: true});
						} catch (error) {
							if ((error as {statusCode?: unknown}).statusCode !== 404) throw error;
						}
					}
				}

				engine.close();
				await Promise.all(registries.map(async registry => registry.stop()));
			},
		};
	});
});
