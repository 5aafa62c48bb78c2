import {createFakeEngine, fakeContainer} from '../fakes/fake-engine.js';
import {fakeImage} from '../fakes/fake-images.js';
import {fakeNetwork, fakeVolume} from '../fakes/fake-objects.js';
import {objectsContract} from './objects-contract.js';

objectsContract('fake', async () => {
	const base = fakeImage({tags: ['busybox:local']});
	const engine = createFakeEngine({images: [base]});
	let built = 0;
	return {
		engine,
		async build(tag, lines) {
			built += 1;
			const labels = Object.fromEntries(lines.flatMap(line => /^LABEL (\S+)=(\S+)$/.exec(line)?.slice(1, 3) ?? []).reduce<Array<[string, string]>>((pairs, item, index, all) => (index % 2 === 0 ? [...pairs, [item, all[index + 1]!]] : pairs), []));
			const image = fakeImage({tags: [tag], parentId: base.id, labels, size: base.size + built});
			const others = (await engine.listImages()).map(other => ({...other, tags: other.tags.filter(item => item !== tag)}));
			engine.setImages([...others, image]);
			return image.id;
		},
		async tag(source, reference) {
			engine.setImages((await engine.listImages()).map(image => (image.id === source || image.tags.includes(source) ? {...image, tags: [...image.tags, reference]} : image)));
		},
		async network(name) {
			const network = fakeNetwork({name, internal: true});
			engine.setNetworks([...(await engine.listNetworks()), network]);
			return network.id;
		},
		async volume(name) {
			engine.setVolumes([...(await engine.listVolumes()), fakeVolume({name, size: 0})]);
		},
		async container({name, image = 'busybox:local', network, volume, start}) {
			const found = (await engine.listImages()).find(item => item.id === image || item.tags.includes(image));
			const container = fakeContainer({name, image, imageId: found?.id, state: start ? 'running' : 'created', networks: network ? [{name: network, id: ''}] : undefined, volumes: volume ? [volume] : undefined});
			engine.set([...(await engine.listContainers()), container]);
			return container.id;
		},
		async removeContainer(id) {
			await engine.remove('containers', id, {force: true});
		},
		async cleanup() {
			engine.close();
		},
	};
});
