import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Route} from '../../source/state/app-state.js';
import {runCommandLine, type CommandLineHandlers} from '../../source/app/command-line.js';
import {navigationFor, systemRoute} from '../../source/app/navigation.js';
import {reclaimableText, usageRows} from '../../source/views/disk-usage-summary.js';
import {documentLines, highlight, lineText, matchingLines} from '../../source/views/document-lines.js';
import {actorText, keyAttributes} from '../../source/views/events.js';

const list = (kind: 'containers' | 'images' | 'networks' | 'volumes'): Route => ({screen: 'list', kind});

describe('navigation', () => {
	test('tab and shift+tab go round the four resources; 1–4 go straight there', () => {
		assert.deepEqual(navigationFor('app.nextResource', list('containers')), list('images'));
		assert.deepEqual(navigationFor('app.nextResource', list('volumes')), list('containers'));
		assert.deepEqual(navigationFor('app.previousResource', list('containers')), list('volumes'));
		assert.deepEqual(navigationFor('app.networks', list('images')), list('networks'));
		assert.equal(navigationFor('list.down', list('images')), undefined);
	});

	test('system views remember where they were opened; they never stack; tab from them goes on from that list', () => {
		const events = systemRoute('events', list('images'));
		assert.deepEqual(events, {screen: 'list', kind: 'events', back: list('images')});
		assert.deepEqual(systemRoute('df', events), {screen: 'df', back: list('images')});
		assert.deepEqual(navigationFor('app.nextResource', events), list('networks'));
		assert.deepEqual(navigationFor('app.previousResource', events), list('images'));
	});

	test('the command line knows every view and its short names', () => {
		const seen: string[] = [];
		const handlers: CommandLineHandlers = {quit: () => seen.push('quit'), showList: kind => seen.push(kind), showView: view => seen.push(view), help: () => seen.push('help'), flash: text => seen.push(text)};
		for (const line of ['images', 'i', 'net', 'vol', 'events', 'df', 'info', 'toString', 'df x']) runCommandLine(line, handlers);
		assert.deepEqual(seen.slice(0, 7), ['images', 'images', 'networks', 'volumes', 'events', 'df', 'info']);
		assert.match(seen[7]!, /^Unknown command :toString/);
		assert.match(seen[8]!, /^Unknown command :df x/);
	});
});

describe('docker system df', () => {
	test('active, size and reclaimable as the docker CLI computes them', () => {
		const rows = usageRows({
			layersSize: 1000,
			images: [{id: '1', parentId: '', tags: [], digests: [], created: 0, size: 600, sharedSize: 100, containers: 1, labels: {}}, {id: '2', parentId: '', tags: [], digests: [], created: 0, size: 400, sharedSize: 100, containers: 0, labels: {}}],
			containers: [{id: 'a', name: 'a', state: 'running', sizeRw: 30}, {id: 'b', name: 'b', state: 'exited', sizeRw: 10}],
			volumes: [{name: 'v', driver: 'local', mountpoint: '', scope: 'local', created: 0, labels: {}, size: 50, refCount: 1}, {name: 'w', driver: 'local', mountpoint: '', scope: 'local', created: 0, labels: {}, size: 150, refCount: 0}],
			buildCache: [{id: 'x', type: 'regular', size: 70, inUse: false, shared: false}, {id: 'y', type: 'regular', size: 30, inUse: true, shared: false}, {id: 'z', type: 'regular', size: 5, inUse: false, shared: true}],
		});
		assert.deepEqual(rows.map(row => [row.type, row.total, row.active, row.size, reclaimableText(row)]), [
			['Images', 2, 1, 1000, '500B (50%)'],
			['Containers', 2, 1, 40, '10B (25%)'],
			['Local Volumes', 2, 1, 200, '150B (75%)'],
			['Build Cache', 3, 1, 100, '70B'],
		]);
	});
});

describe('inspect documents', () => {
	const document = {Id: 'sha256:1', RepoTags: ['a:1'], Config: {Env: [], Labels: {}, Cmd: ['sh', '-c', 'echo']}, Size: 5, Dead: false, Gone: null, Empty: ''};

	test('read as indented YAML-like lines', () => {
		assert.deepEqual(documentLines(document).map(lineText), ['Id: sha256:1', 'RepoTags:', '  - a:1', 'Config:', '  Env: []', '  Labels: {}', '  Cmd:', '    - sh', '    - -c', '    - echo', 'Size: 5', 'Dead: false', 'Gone: null', 'Empty: ""']);
	});

	test('search finds lines case-insensitively and marks each occurrence', () => {
		const lines = documentLines(document);
		assert.deepEqual(matchingLines(lines, 'SH'), [0, 7]);
		assert.deepEqual(matchingLines(lines, ''), []);
		const marked = highlight(lines[7]!, 'sh');
		assert.deepEqual(marked.filter(segment => segment.mark).map(segment => segment.text), ['sh']);
		assert.equal(lineText(marked), '    - sh');
	});
});

describe('event lines', () => {
	test('actor: name and short id; attributes: the detail and plain keys, not labels or the name', () => {
		const event = {type: 'container', action: 'exec_start', detail: 'sh -c ls', id: 'a'.repeat(64), name: 'web', time: 0, attributes: {name: 'web', execID: 'e1', 'com.docker.compose.project': 'p'}};
		assert.equal(actorText(event), 'web (aaaaaaaaaaaa)');
		assert.equal(keyAttributes(event), 'sh -c ls execID=e1');
		assert.equal(actorText({...event, type: 'volume', id: 'data', name: 'data'}), 'data');
		assert.equal(actorText({...event, type: 'image', id: '', name: undefined}), '');
	});
});

test('objects in a list start on the dash\'s line', () => {
	assert.deepEqual(documentLines({Mounts: [{Type: 'volume', Name: 'data', Opts: {a: 1}}, []]}).map(lineText), ['Mounts:', '  - Type: volume', '    Name: data', '    Opts:', '      a: 1', '  - []']);
});
