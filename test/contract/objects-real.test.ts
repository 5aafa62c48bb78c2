import {describe} from 'node:test';
import {daemonSocket, negotiatedEngine, realDaemonSkip, testDocker} from '../helpers/daemon.js';
import {buildTestImage, createLinkedContainer, createTestNetwork, createTestVolume, removeImageIds, removeTestObjects, tagImage} from '../helpers/objects-daemon.js';
import {objectsContract} from './objects-contract.js';

const skip = realDaemonSkip();

describe('real daemon: objects', {skip}, () => {
	if (skip !== false || daemonSocket === undefined) return;
	const socket = daemonSocket;

	objectsContract('dockerode on a real dockerd', async prefix => {
		const engine = await negotiatedEngine(socket);
		const docker = testDocker();
		const built: string[] = [];
		return {
			engine,
			async build(tag, lines) {
				const id = await buildTestImage(docker, tag, lines);
				built.push(id);
				return id;
			},
			tag: async (source, reference) => tagImage(docker, source, reference),
			network: async name => createTestNetwork(docker, name),
			volume: async name => createTestVolume(docker, name),
			container: async options => createLinkedContainer(docker, options),
			async removeContainer(id) {
				await docker.getContainer(id).remove({force: true});
			},
			async cleanup() {
				await removeTestObjects(docker, prefix);
				// Images a test left dangling (rebuilt under the same tag) carry no prefix any more.
				await removeImageIds(docker, built);
				engine.close();
			},
		};
	});
});
