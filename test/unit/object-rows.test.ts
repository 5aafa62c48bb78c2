import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {fakeContainer} from '../fakes/fake-engine.js';
import {fakeImage} from '../fakes/fake-images.js';
import {fakeNetwork, fakeVolume} from '../fakes/fake-objects.js';
import {bulkRequest, forceRetryRequest} from '../../source/hooks/confirm-requests.js';
import {imageRows, images, splitReference} from '../../source/views/images.js';
import {networkRows, networks} from '../../source/views/networks.js';
import {volumeRows} from '../../source/views/volumes.js';
import {containers} from '../../source/views/containers.js';
import {arrangeRows, displayColumns} from '../../source/views/row-groups.js';
import {EngineError} from '../../source/engine/errors.js';

describe('image rows', () => {
	test('references split at the tag\'s colon, not a registry port\'s', () => {
		assert.deepEqual(splitReference('busybox:local'), ['busybox', 'local']);
		assert.deepEqual(splitReference('registry:5000/team/app:1.2'), ['registry:5000/team/app', '1.2']);
		assert.deepEqual(splitReference('registry:5000/team/app'), ['registry:5000/team/app', '<none>']);
	});

	test('one row per tag, one for a dangling image; users are the containers made from it', () => {
		const image = fakeImage({tags: ['a:1', 'b:2']});
		const dangling = fakeImage({tags: []});
		const rows = imageRows([image, dangling], [fakeContainer({name: 'web', imageId: image.id}), fakeContainer({name: 'other'})]);
		assert.deepEqual(rows.map(row => [row.key, row.repository, row.tag, row.users]), [['a:1', 'a', '1', ['web']], ['b:2', 'b', '2', ['web']], [dangling.id, '<none>', '<none>', []]]);
	});

	test('removing one tag of several untags; the last reference removes; force is offered only for "must force"', () => {
		const rows = imageRows([fakeImage({tags: ['a:1', 'b:2']}), fakeImage({tags: ['c:3']})], []);
		const remove = images.actions['resource.remove']!;
		assert.equal(remove.plan!(rows[0]!)?.progress, 'Untagging');
		assert.equal(remove.plan!(rows[2]!)?.progress, 'Removing');
		assert.equal(remove.verb([rows[0]!]), 'Untag');
		assert.equal(remove.verb([rows[0]!, rows[2]!]), 'Remove');
		assert.equal(remove.retryWithForce!(new EngineError('conflict', 'conflict: unable to delete 1 (must be forced) - image is referenced in multiple repositories')), true);
		assert.equal(remove.retryWithForce!(new EngineError('conflict', 'conflict: unable to remove repository reference "a" (must force) - container 1 is using its referenced image 2')), true);
		assert.equal(remove.retryWithForce!(new EngineError('conflict', 'conflict: unable to delete 1 (cannot be forced) - image is being used by running container 2')), false);
	});
});

describe('network and volume rows', () => {
	test('running containers are attached; stopped ones only configured (their network id is empty)', () => {
		const network = fakeNetwork({name: 'front'});
		const [row] = networkRows([network], [fakeContainer({name: 'web', state: 'running', networks: [{name: 'front', id: network.id}]}), fakeContainer({name: 'job', state: 'exited', networks: [{name: 'front', id: ''}]})]);
		assert.deepEqual([row?.attached, row?.configured], [['web'], ['job']]);
		const builtin = networkRows([fakeNetwork({name: 'host'})], [])[0]!;
		assert.equal(networks.actions['resource.remove']!.plan!(builtin), undefined);
		assert.match(networks.stateOf!(builtin), /built in/);
	});

	test('volumes get sizes from disk usage where it has them; users are every container mounting it', () => {
		const rows = volumeRows([fakeVolume({name: 'a'}), fakeVolume({name: 'b'})], [fakeVolume({name: 'a', size: 10, refCount: 1})], [fakeContainer({name: 'web', state: 'exited', volumes: ['a']})]);
		assert.deepEqual(rows.map(row => [row.volume.name, row.volume.size, row.users]), [['a', 10, ['web']], ['b', undefined, []]]);
	});
});

describe('confirmation dialogs', () => {
	const rows = imageRows([fakeImage({tags: [], size: 1_000_000}), fakeImage({tags: ['old:1'], size: 2_000_000}), fakeImage({tags: ['used:1']})], []).map((row, index) => (index === 2 ? {...row, users: ['web']} : row));
	const prune = images.actions['resource.prune']!;

	test('a prune lists exactly what would go, what it frees and the other choice', () => {
		const dangling = bulkRequest(images, 'resource.prune', prune, {spec: prune.bulk!, all: false}, rows);
		assert.equal(dangling.question, 'Prune 1 image (dangling only)?');
		assert.deepEqual(dangling.details, [`  <none> ${rows[0]!.image.id.slice(7, 19)}`, 'Frees up to 1MB (layers kept images share stay)', 'a: all unused instead']);
		const all = bulkRequest(images, 'resource.prune', prune, {spec: prune.bulk!, all: true}, rows);
		assert.equal(all.question, 'Prune 2 images (all unused)?');
		assert.deepEqual(all.details.slice(-2), ['Frees up to 3MB (layers kept images share stay)', 'a: dangling only instead']);
		assert.deepEqual(all.targetIds, [rows[0]!.key, 'old:1']);
		const nothing = bulkRequest(images, 'resource.prune', prune, {spec: prune.bulk!, all: false}, [rows[2]!]);
		assert.equal(nothing.question, 'Prune: nothing would go (dangling only)');
	});

	test('after a refusal force could overcome, the same action is offered with force on and the daemon\'s words', () => {
		const remove = images.actions['resource.remove']!;
		const request = forceRetryRequest(images, 'resource.remove', remove, [{item: rows[1]!, error: new EngineError('conflict', 'conflict: (must force) - x')}]);
		assert.equal(request.question, 'Remove old:1 with force?');
		assert.deepEqual(request.details, ['  old:1: conflict: (must force) - x']);
		assert.equal(request.force, true);
		assert.equal(request.offersForce, true);
		assert.match(request.forceMeaning!, /removes it anyway/);
	});
});

describe('grouped rows', () => {
	const project = (name: string) => ({'com.docker.compose.project': name});
	const items = [fakeContainer({name: 'a', labels: project('p')}), fakeContainer({name: 'b'}), fakeContainer({name: 'c', labels: project('p')})];

	test('without groups the rows are the items, untouched', () => {
		const plain = items.map(item => ({...item, labels: {}}));
		assert.deepEqual(arrangeRows(containers, plain, plain).map(row => row.kind === 'item' && row.item.name), ['a', 'b', 'c']);
	});

	test('a group row where its first member is, members right after it; folded hides them', () => {
		const rows = arrangeRows(containers, items, items);
		assert.deepEqual(rows.map(row => (row.kind === 'group' ? `[${row.key}]` : row.item.name)), ['[p]', 'a', 'c', 'b']);
		const folded = arrangeRows(containers, items, items, new Set(['group:p']));
		assert.deepEqual(folded.map(row => (row.kind === 'group' ? `[${row.key}:${row.members.length}]` : row.item.name)), ['[p:2]', 'b']);
		const columns = displayColumns(containers.columns, containers.group);
		assert.equal(columns[0]!.value(rows[0]!, 0), '▾ p');
		assert.equal(columns[0]!.value(rows[1]!, 0), '  a');
		assert.equal(columns[0]!.value(folded[0]!, 0), '▸ p');
	});
});
