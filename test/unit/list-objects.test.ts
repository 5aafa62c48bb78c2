// `dtui images`, `dtui networks`, `dtui volumes`: the rows, the tables and the JSON lines
// docker's own commands print, and the filters checked before anything is sent.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {fakeImage} from '../fakes/fake-images.js';
import {fakeNetwork, fakeVolume} from '../fakes/fake-objects.js';
import {mapNetworks} from '../../source/docker/map-objects.js';
import {formatBytes} from '../../source/text/format.js';
import {FilterError, imageFilterKeys, networkFilterKeys, parseFilters, volumeFilterKeys} from '../../source/one-shot/filters.js';
import {imageListing} from '../../source/one-shot/images.js';
import {renderListings, type Listing, type OutputMode} from '../../source/one-shot/listing.js';
import {compareNatural} from '../../source/one-shot/natural-order.js';
import {networkListing} from '../../source/one-shot/networks.js';
import {volumeListing} from '../../source/one-shot/volumes.js';

const now = Date.UTC(2026, 10, 27, 12, 0, 0);
const options = {noTrunc: false, now};
const render = (listing: Listing, mode: OutputMode = 'table') => renderListings([{listing}], mode);
const jsonLines = (text: string) => text.trim().split('\n').map(line => JSON.parse(line) as Record<string, string>);

const tagged = fakeImage({id: `sha256:${'a'.repeat(64)}`, tags: ['nginx:1.27', 'registry.local:5000/team/app:2', 'nginx:latest'], created: now / 1000 - 7200, size: 187_654_321});
const dangling = fakeImage({id: `sha256:${'b'.repeat(64)}`, tags: [], created: now / 1000 - 3 * 86_400, size: 1_985_472});
const digestOnly = fakeImage({id: `sha256:${'c'.repeat(64)}`, tags: [], digests: [`busybox@sha256:${'d'.repeat(64)}`], created: now / 1000 - 3 * 86_400, size: 4_261_550});

describe('dtui images', () => {
	test('one row per repository and tag, a dangling image as <none>, a digest-only one with its repository', () => {
		assert.equal(
			render(imageListing([tagged, dangling, digestOnly], options)),
			[
				'REPOSITORY                     TAG      IMAGE ID       CREATED       SIZE',
				'nginx                          1.27     aaaaaaaaaaaa   2 hours ago   188MB',
				'nginx                          latest   aaaaaaaaaaaa   2 hours ago   188MB',
				'registry.local:5000/team/app   2        aaaaaaaaaaaa   2 hours ago   188MB',
				'<none>                         <none>   bbbbbbbbbbbb   3 days ago    1.99MB',
				'busybox                        <none>   cccccccccccc   3 days ago    4.26MB',
				'',
			].join('\n'),
		);
	});

	test('references are shown as docker shows them: docker.io/library/ dropped; unparseable ones skipped', () => {
		const image = fakeImage({id: `sha256:${'e'.repeat(64)}`, tags: ['docker.io/library/alpine:3.20', 'Not^[Valid:1'], created: now / 1000 - 60, size: 0});
		assert.equal(render(imageListing([image], options)), 'REPOSITORY   TAG    IMAGE ID       CREATED              SIZE\nalpine       3.20   eeeeeeeeeeee   About a minute ago   0B\n');
	});

	test('-q prints an id per row, as docker images -q does; --no-trunc the whole sha256 id', () => {
		assert.equal(render(imageListing([tagged, dangling], options), 'quiet'), 'aaaaaaaaaaaa\naaaaaaaaaaaa\naaaaaaaaaaaa\nbbbbbbbbbbbb\n');
		assert.equal(render(imageListing([dangling], {...options, noTrunc: true}), 'quiet'), `sha256:${'b'.repeat(64)}\n`);
		assert.match(render(imageListing([dangling], {...options, noTrunc: true})), new RegExp(`^<none>       <none>   sha256:${'b'.repeat(64)}   3 days ago   1.99MB$`, 'm'));
	});

	test('--format json: the fields of docker images --format json', () => {
		assert.deepEqual(jsonLines(render(imageListing([tagged, dangling], options), 'json'))[0], {
			Containers: 'N/A',
			CreatedAt: '2026-11-27 10:00:00 +0000 UTC',
			CreatedSince: '2 hours ago',
			Digest: '<none>',
			ID: 'aaaaaaaaaaaa',
			Repository: 'nginx',
			SharedSize: 'N/A',
			Size: '188MB',
			Tag: '1.27',
			UniqueSize: 'N/A',
			VirtualSize: '187.7MB',
		});
		const [, , , none] = jsonLines(render(imageListing([tagged, dangling], options), 'json'));
		assert.deepEqual([none?.['Repository'], none?.['Tag'], none?.['Digest']], ['<none>', '<none>', '<none>']);
		// Disk-usage answers know sharing and users; a list answer does not (N/A above).
		const [used] = jsonLines(render(imageListing([{...dangling, sharedSize: 1_000_000, containers: 2}], options), 'json'));
		assert.deepEqual([used?.['Containers'], used?.['SharedSize'], used?.['UniqueSize']], ['2', '1MB', '985.5kB']);
	});

	test('sizes: 3 significant digits in the table, 4 where the CLI uses HumanSize', () => {
		assert.equal(formatBytes(1_985_472), '1.99MB');
		assert.equal(formatBytes(1_985_472, 4), '1.985MB');
		assert.equal(formatBytes(999_999, 4), '1MB');
	});
});

describe('dtui networks', () => {
	const app = fakeNetwork({id: 'f'.repeat(64), name: 'app10', driver: 'bridge', scope: 'local', created: now / 1000, labels: {team: 'a'}});
	const app2 = fakeNetwork({id: '1'.repeat(64), name: 'app2', driver: 'overlay', scope: 'swarm', created: now / 1000, internal: true});
	const wide = fakeNetwork({id: '2'.repeat(64), name: '日本語-net', driver: 'macvlan', scope: 'local', created: now / 1000});

	test('the columns of docker network ls, by name in natural order, aligned by display width', () => {
		assert.equal(
			render(networkListing([app, wide, app2], options)),
			[
				'NETWORK ID     NAME         DRIVER    SCOPE',
				'111111111111   app2         overlay   swarm',
				'ffffffffffff   app10        bridge    local',
				'222222222222   日本語-net   macvlan   local',
				'',
			].join('\n'),
		);
	});

	test('-q: ids, whole with --no-trunc', () => {
		assert.equal(render(networkListing([app, app2], options), 'quiet'), '111111111111\nffffffffffff\n');
		assert.equal(render(networkListing([app], {...options, noTrunc: true}), 'quiet'), `${'f'.repeat(64)}\n`);
	});

	test('--format json: the fields of docker network ls --format json', () => {
		assert.deepEqual(jsonLines(render(networkListing([app, app2], options), 'json')), [
			{CreatedAt: '2026-11-27 12:00:00 +0000 UTC', Driver: 'overlay', ID: '111111111111', IPv4: 'false', IPv6: 'false', Internal: 'true', Labels: '', Name: 'app2', Scope: 'swarm'},
			{CreatedAt: '2026-11-27 12:00:00 +0000 UTC', Driver: 'bridge', ID: 'ffffffffffff', IPv4: 'false', IPv6: 'false', Internal: 'false', Labels: 'team=a', Name: 'app10', Scope: 'local'},
		]);
		const [v6] = mapNetworks([{Id: 'ab', Name: 'v6', EnableIPv6: true}]);
		assert.equal(jsonLines(render(networkListing([v6!], options), 'json'))[0]?.['IPv6'], 'true');
	});
});

describe('dtui volumes', () => {
	const volumes = [fakeVolume({name: 'data10', labels: {keep: '1'}}), fakeVolume({name: 'data2', driver: 'nfs-driver'}), fakeVolume({name: '0cache'})];

	test('the columns of docker volume ls, by name in natural order', () => {
		assert.equal(render(volumeListing(volumes)), 'DRIVER       VOLUME NAME\nlocal        0cache\nnfs-driver   data2\nlocal        data10\n');
		assert.equal(render(volumeListing(volumes), 'quiet'), '0cache\ndata2\ndata10\n');
		assert.equal(render(volumeListing([])), 'DRIVER   VOLUME NAME\n');
	});

	test('--format json: the fields of docker volume ls --format json', () => {
		assert.deepEqual(jsonLines(render(volumeListing(volumes), 'json'))[2], {
			Availability: 'N/A',
			Driver: 'local',
			Group: 'N/A',
			Labels: 'keep=1',
			Links: 'N/A',
			Mountpoint: '/var/lib/docker/volumes/data10/_data',
			Name: 'data10',
			Scope: 'local',
			Size: 'N/A',
			Status: 'N/A',
		});
	});
});

test('natural order is the docker CLI\'s: numbers by value (then fewer leading zeros first), digits before letters, bytes otherwise', () => {
	const names = ['b', 'a10', 'a2', 'a02', 'A', 'a', '10', '9', 'a2b', 'é'];
	assert.deepEqual([...names].sort(compareNatural), ['9', '10', 'A', 'a', 'a2', 'a2b', 'a02', 'a10', 'b', 'é']);
});

test('filters: each list knows its own keys; dangling and type are checked here', () => {
	assert.deepEqual(parseFilters(['dangling=true', 'reference=busybox*', 'label=a=b'], imageFilterKeys), {dangling: ['true'], reference: ['busybox*'], label: ['a=b']});
	assert.throws(() => parseFilters(['status=running'], imageFilterKeys), new FilterError('unknown filter "status": use one of dangling, label, before, since, reference, until'));
	assert.throws(() => parseFilters(['dangling=maybe'], volumeFilterKeys), new FilterError('invalid dangling "maybe": use true or false'));
	assert.throws(() => parseFilters(['type=weird'], networkFilterKeys), new FilterError('invalid network type "weird": use custom or builtin'));
	assert.throws(() => parseFilters(['driver'], networkFilterKeys), new FilterError('bad filter "driver": expected KEY=VALUE, e.g. dangling=true'));
});
