import {createFakeEngine, fakeContainer} from '../fakes/fake-engine.js';
import {engineContract} from './engine-contract.js';

engineContract('fake', async () => {
	const engine = createFakeEngine();
	return {
		engine,
		async create(name, options) {
			const container = fakeContainer({
				name,
				image: 'busybox:local',
				state: 'created',
				created: Math.floor(Date.now() / 1000),
			});
			engine.set([...(await engine.listContainers()), container]);
			engine.emit({
				type: 'container',
				action: 'create',
				id: container.id,
				name,
				time: Math.floor(Date.now() / 1000),
				attributes: {image: container.image, name},
			});
			if (options?.start) await engine.containerAction(container.id, 'start');
			return container.id;
		},
		async cleanup() {
			engine.close();
		},
	};
});
