import {describe} from 'node:test';
import {createTestContainer, daemonSocket, negotiatedEngine, realDaemonSkip, testDocker} from '../helpers/daemon.js';
import {engineContract} from './engine-contract.js';

const skip = realDaemonSkip();

describe('real daemon', {skip}, () => {
	if (skip !== false || daemonSocket === undefined) return;
	const socket = daemonSocket;

	engineContract('dockerode on a real dockerd', async () => {
		const engine = await negotiatedEngine(socket);
		const docker = testDocker();
		const names: string[] = [];
		return {
			engine,
			async create(name, options) {
				names.push(name);
				return createTestContainer(docker, {name, start: options?.start ?? false});
			},
			async cleanup() {
				await Promise.all(
					names.map(async name => {
						try {
							await docker.getContainer(name).remove({force: true});
						} catch (error) {
							if ((error as {statusCode?: unknown}).statusCode !== 404) throw error;
						}
					}),
				);
				engine.close();
			},
		};
	});
});
