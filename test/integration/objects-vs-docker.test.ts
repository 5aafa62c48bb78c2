// dtui images / networks / volumes against docker images / network ls / volume ls on the
// same daemon: the same header, the same rows in the same order, the same JSON fields
// and ids, for each filter (both hand the filters to the daemon).
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {daemonSocket, dockerCliApiVersion, realDaemonSkip, testDocker} from '../helpers/daemon.js';

// dtui speaks the docker CLI's version here: the same answer, compared cell by cell.
let apiVersion: string | undefined;
const cliApiVersion = () => (apiVersion ??= dockerCliApiVersion());
import {buildTestImage, createLinkedContainer, createTestVolume, removeTestObjects, tagImage} from '../helpers/objects-daemon.js';

const prefix = 'lscmp-';
type Command = 'images' | 'networks' | 'volumes';
const dockerCommand: Record<Command, string[]> = {images: ['images'], networks: ['network', 'ls'], volumes: ['volume', 'ls']};
/** Columns and fields that count time from now: a second apart, the two commands may differ. */
const relativeColumn: Partial<Record<Command, number>> = {images: 3};

function docker(command: Command, args: string[]): string {
	return execFileSync('docker', ['-H', `unix://${daemonSocket!}`, ...dockerCommand[command], ...args], {encoding: 'utf8'});
}

function dtui(command: Command, args: string[]): string {
	const result = spawnSync(process.execPath, ['bin/dtui.js', command, ...args], {encoding: 'utf8', env: {...process.env, DOCKER_HOST: `unix://${daemonSocket!}`, DOCKER_API_VERSION: cliApiVersion()}});
	assert.equal(result.stderr, '');
	assert.equal(result.status, 0);
	return result.stdout;
}

/** A table as cells (docker pads to at least 10 columns, dtui to the widest cell: the cells are what must agree). */
function cells(command: Command, table: string): string[][] {
	const skipped = relativeColumn[command];
	return table.split('\n').filter(Boolean).map(line => line.split(/ {2,}/).filter((_cell, index) => index !== skipped));
}

/** JSON lines without the "2 minutes ago" field; networks' CreatedAt to whole seconds (dtui keeps no nanoseconds). */
function objects(text: string): Array<Record<string, unknown>> {
	return text.split('\n').filter(Boolean).map(line => {
		const {CreatedSince: _since, ...fields} = JSON.parse(line) as Record<string, unknown>;
		return typeof fields['CreatedAt'] === 'string' ? {...fields, CreatedAt: fields['CreatedAt'].replace(/\.\d+ /, ' ')} : fields;
	});
}

/** docker images lists an image's repositories in Go map order: rows of one image come in any order. */
const inOrder = (command: Command, rows: unknown[]) => (command === 'images' ? rows.map(row => JSON.stringify(row)).sort() : rows.map(row => JSON.stringify(row)));

describe('dtui images, networks, volumes agree with the docker CLI', {skip: realDaemonSkip()}, () => {
	before(async () => {
		const api = testDocker();
		await removeTestObjects(api, prefix);
		await buildTestImage(api, `${prefix}app:1`, ['LABEL tier=app']);
		await tagImage(api, `${prefix}app:1`, `${prefix}app:2`);
		await tagImage(api, `${prefix}app:1`, `${prefix}team/tool:1`);
		await buildTestImage(api, `${prefix}base:1`, ['LABEL tier=base', 'ENV X=1']);
		for (const name of ['net1', 'net10', 'net2']) await api.createNetwork({Name: `${prefix}${name}`, Internal: true, CheckDuplicate: true, Labels: name === 'net2' ? {team: 'a'} : {}});
		for (const name of ['v1', 'v10', 'v2']) await createTestVolume(api, `${prefix}${name}`);
		await api.createVolume({Name: `${prefix}kept`, Labels: {keep: '1'}});
		await createLinkedContainer(api, {name: `${prefix}user`, image: `${prefix}app:1`, network: `${prefix}net1`, volume: `${prefix}v1`, start: true});
	});

	after(async () => {
		await removeTestObjects(testDocker(), prefix);
	});

	const cases: Array<[Command, string[]]> = [
		['images', []],
		['images', ['-a']],
		['images', ['--filter', `reference=${prefix}*`]],
		['images', ['--filter', 'label=tier=app']],
		['images', ['--filter', 'dangling=false', '--filter', `reference=${prefix}app`]],
		['images', ['--no-trunc', '--filter', `reference=${prefix}base`]],
		['networks', []],
		['networks', ['--filter', `name=${prefix}`]],
		['networks', ['--filter', 'label=team=a']],
		['networks', ['--filter', 'dangling=true', '--filter', `name=${prefix}`]],
		['networks', ['--filter', 'type=builtin']],
		['networks', ['--no-trunc', '--filter', 'driver=bridge', '--filter', `name=${prefix}net1`]],
		['volumes', []],
		['volumes', ['--filter', 'dangling=true', '--filter', `name=${prefix}`]],
		['volumes', ['--filter', 'label=keep']],
		['volumes', ['--filter', `name=${prefix}v1`]],
		['volumes', ['--filter', 'driver=local', '--filter', `name=${prefix}v`]],
	];

	for (const [command, args] of cases) {
		test(`${command} ${args.join(' ') || '(everything)'}`, () => {
			const table = cells(command, dtui(command, args));
			const expected = cells(command, docker(command, args));
			assert.deepEqual(table[0], expected[0], 'the header');
			assert.deepEqual(inOrder(command, table.slice(1)), inOrder(command, expected.slice(1)), 'the rows');
			assert.deepEqual(inOrder(command, objects(dtui(command, [...args, '--format', 'json']))), inOrder(command, objects(docker(command, [...args, '--format', 'json']))), 'the JSON lines');
			const ids = (text: string) => inOrder(command, text.split('\n').filter(Boolean));
			assert.deepEqual(ids(dtui(command, [...args, '-q'])), ids(docker(command, [...args, '-q'])), '-q');
		});
	}

	test('the cases are not vacuous: they select different, non-empty sets', () => {
		const sets = cases.map(([command, args]) => `${command}:${docker(command, [...args, '-q']).trim()}`);
		assert.ok(sets.every(set => !set.endsWith(':')), sets.join('\n'));
		assert.ok(new Set(sets).size >= 14, sets.join('\n'));
	});

	test('names in natural order, as the CLI sorts them: net1, net2, net10', () => {
		assert.deepEqual(dtui('networks', ['--filter', `name=${prefix}net`, '--format', 'json']).split('\n').filter(Boolean).map(line => (JSON.parse(line) as {Name: string}).Name), [`${prefix}net1`, `${prefix}net2`, `${prefix}net10`]);
	});

	test('a bad filter or format is a usage error before any request: one line, exit 2', () => {
		const run = (args: string[]) => spawnSync(process.execPath, ['bin/dtui.js', ...args], {encoding: 'utf8', env: {...process.env, DOCKER_HOST: `unix://${daemonSocket!}`, DOCKER_API_VERSION: cliApiVersion()}});
		const badFilter = run(['images', '--filter', 'colour=red']);
		assert.deepEqual([badFilter.status, badFilter.stdout, badFilter.stderr], [2, '', 'dtui: unknown filter "colour": use one of dangling, label, before, since, reference, until\n']);
		const badFormat = run(['volumes', '--format', 'wide']);
		assert.deepEqual([badFormat.status, badFormat.stdout, badFormat.stderr], [2, '', 'dtui: unknown format "wide": use table, json\n']);
	});
});
