import {createFakeEngine} from '../fakes/fake-engine.js';
import {fakeImage} from '../fakes/fake-images.js';
import {registryContract} from './registry-contract.js';

registryContract('fake', async () => {
	const login = {username: 'alice', password: 's3cret'};
	const engine = createFakeEngine({
		images: [fakeImage({tags: ['busybox:local']})],
		registries: {'127.0.0.1:5000': {}, '127.0.0.1:5001': {login}},
	});
	return {
		engine,
		open: '127.0.0.1:5000',
		locked: '127.0.0.1:5001',
		login,
		closed: '127.0.0.1:9',
		async makeImage(reference) {
			// Like a commit: the base image's layers and one of its own.
			const images = await engine.listImages();
			const base = images.find(image => image.tags.includes('busybox:local'))!;
			engine.setImages([...images, fakeImage({tags: [reference], parentId: base.id, size: base.size + 3_000_000})]);
		},
		async remoteDigest(domain, pathAndTag) {
			return engine.remoteImages(domain).get(pathAndTag)?.digest;
		},
		async cleanup() {
			engine.close();
		},
	};
});
