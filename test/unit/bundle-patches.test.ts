// scripts/bundle-patches.mjs edits dependencies while bundling. Each edit must still
// find its text in the installed version, and each patched module must give exactly
// what the published one gives: both are loaded here (the patched one bundled by
// esbuild with the same plugin) and fed the same inputs.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import * as esbuild from 'esbuild';
// @ts-expect-error plain .mjs build script, no types
import {applyEdits, patches, sourcePatches} from '../../scripts/bundle-patches.mjs';

type Patch = {name: string; dependency: string; file: RegExp; edits: Array<[string, string]>};

const root = fileURLToPath(new URL('../..', import.meta.url));
const modules = path.join(root, 'node_modules');
const file = (relative: string) => path.join(modules, relative);

function filesUnder(directory: string): string[] {
	return readdirSync(directory).flatMap(name => {
		const child = path.join(directory, name);
		return statSync(child).isDirectory() ? filesUnder(child) : [child];
	});
}

test('every edit still finds its text in the installed dependency', () => {
	for (const patch of patches as Patch[]) {
		const matching = filesUnder(path.join(modules, patch.dependency)).filter(candidate => patch.file.test(candidate));
		assert.ok(matching.length > 0, `${patch.name}: no file matches`);
		assert.ok(
			matching.some(candidate => applyEdits(readFileSync(candidate, 'utf8'), patch.edits) !== undefined),
			`${patch.name}: an edit no longer matches ${matching.join(', ')}`,
		);
	}
});

// A small deterministic generator, so a failure can be reproduced.
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

const pieces = ['a', 'b', 'Z', ' ', '  ', '~', '·', '›', '●', '…', '▸', '▾', '—', '✖', '\u001B[31m', '\u001B[39m', '\u001B[1m', '\u001B[22m', '\u001B[7m', '\u001B[27m', '\u001B[1;32m', '\u001B[m', '\u001B[0m', '\u001B[38;5;120m', '\u001B[90m'];
// Not for the fast paths: they must still go the published way.
const others = ['中', '文', 'é', 'e\u0301', '🐳', '👍🏽', '\u001B]8;;http://x\u0007', '\t', '\u200B'];

function line(next: () => number, alphabet: readonly string[], length: number): string {
	return Array.from({length}, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
}

type Modules = {
	tokenize(text: string): unknown[];
	styledCharsFromTokens(tokens: unknown[]): unknown[];
	styledCharsToString(chars: unknown[]): string;
	stringWidth(text: string): number;
	Output: new (options: {width: number; height: number}) => {
		write(x: number, y: number, text: string, options: {transformers: Array<(line: string, index: number) => string>}): void;
		clip(clip: {x1?: number; x2?: number; y1?: number; y2?: number}): void;
		unclip(): void;
		get(): {output: string; height: number};
	};
	logUpdate: {create(stream: {write(text: string): boolean}, options: {incremental: boolean}): (text: string) => void};
};

const sources = {
	tokenize: '@alcalzone/ansi-tokenize/build/tokenize.js',
	styledChars: '@alcalzone/ansi-tokenize/build/styledChars.js',
	stringWidth: 'string-width/index.js',
	output: 'ink/build/output.js',
	logUpdate: 'ink/build/log-update.js',
};

describe('patched modules behave as published', () => {
	let original: Modules;
	let patched: Modules;
	const directory = mkdtempSync(path.join(tmpdir(), 'dtui-patches-'));

	before(async () => {
		const load = async (relative: string) => import(pathToFileURL(file(relative)).href) as Promise<Record<string, unknown>>;
		const [tokenize, styledChars, stringWidth, output, logUpdate] = await Promise.all(Object.values(sources).map(load));
		original = {...tokenize, ...styledChars, stringWidth: stringWidth!['default'], Output: output!['default'], logUpdate: logUpdate!['default']} as unknown as Modules;

		const entry = [
			`export {tokenize} from ${JSON.stringify(file(sources.tokenize))};`,
			`export {styledCharsFromTokens, styledCharsToString} from ${JSON.stringify(file(sources.styledChars))};`,
			`export {default as stringWidth} from ${JSON.stringify(file(sources.stringWidth))};`,
			`export {default as Output} from ${JSON.stringify(file(sources.output))};`,
			`export {default as logUpdate} from ${JSON.stringify(file(sources.logUpdate))};`,
		].join('\n');
		const used = new Set<string>();
		await esbuild.build({
			stdin: {contents: entry, resolveDir: root, loader: 'js'},
			bundle: true,
			format: 'esm',
			platform: 'node',
			outfile: path.join(directory, 'patched.mjs'),
			plugins: [sourcePatches(used)],
			// Bundled CommonJS (Ink's dependencies) requires Node's own modules.
			banner: {js: "import {createRequire} from 'node:module'; const require = createRequire(import.meta.url);"},
			logLevel: 'silent',
		});
		for (const name of ['ink-output-cache', 'ink-incremental-newline', 'string-width-lazy', 'ansi-tokenize-fast-path', 'ansi-tokenize-shared-styles']) {
			assert.ok(used.has(name), `${name} applied`);
		}

		patched = (await import(pathToFileURL(path.join(directory, 'patched.mjs')).href)) as Modules;
	});

	after(() => {
		rmSync(directory, {recursive: true, force: true});
	});

	test('tokenize: the same tokens, fast path or not', () => {
		const next = random(1);
		for (let index = 0; index < 3000; index++) {
			const text = line(next, index % 4 === 0 ? [...pieces, ...others] : pieces, Math.floor(next() * 40));
			assert.deepEqual(patched.tokenize(text), original.tokenize(text), JSON.stringify(text));
		}
	});

	test('styled cells to a string: the same string', () => {
		const next = random(2);
		for (let index = 0; index < 3000; index++) {
			const text = line(next, index % 4 === 0 ? [...pieces, ...others] : pieces, Math.floor(next() * 40));
			const expected = original.styledCharsToString(original.styledCharsFromTokens(original.tokenize(text)));
			assert.equal(patched.styledCharsToString(patched.styledCharsFromTokens(patched.tokenize(text))), expected, JSON.stringify(text));
		}
	});

	test('string-width: the same widths (the symbols of its wider fast path are one cell each)', () => {
		const next = random(3);
		for (let index = 0; index < 3000; index++) {
			const text = line(next, [...pieces, ...others], Math.floor(next() * 30));
			assert.equal(patched.stringWidth(text), original.stringWidth(text), JSON.stringify(text));
		}
	});

	test('Ink output: the same frames, frame after frame (the caches span frames)', () => {
		const next = random(4);
		const width = 30;
		const height = 8;
		const rows = Array.from({length: height}, () => line(next, pieces, 20));
		for (let frame = 0; frame < 400; frame++) {
			const ops: Array<[method: 'write' | 'clip' | 'unclip', args: unknown[]]> = [];
			const write = (x: number, y: number, text: string) => ops.push(['write', [x, y, text, {transformers: []}]]);
			for (let y = 0; y < height; y++) {
				// Most rows come back unchanged, as when a key moves the cursor.
				if (next() < 0.3) rows[y] = line(next, frame % 5 === 0 ? [...pieces, ...others] : pieces, Math.floor(next() * 35));
				write(next() < 0.8 ? 0 : Math.floor(next() * 10), y, rows[y]!);
				if (next() < 0.1) write(Math.floor(next() * 20), y, line(next, pieces, 5));
			}

			if (next() < 0.2) {
				const x1 = Math.floor(next() * 10);
				ops.push(['clip', [{x1, x2: x1 + 12, y1: 1, y2: 5}]]);
				write(0, 2, `${line(next, pieces, 25)}\n${line(next, pieces, 25)}`);
				ops.push(['unclip', []]);
			}

			const draw = (Output: Modules['Output']) => {
				const output = new Output({width, height}) as unknown as Record<string, (...args: unknown[]) => void> & {get(): unknown};
				for (const [method, args] of ops) output[method]!(...args);
				return output.get();
			};

			assert.deepEqual(draw(patched.Output), draw(original.Output), `frame ${frame}`);
		}
	});

	test('Ink incremental rendering: frames ending in a newline land where they belong', () => {
		// A terminal of a few lines, enough of one to follow what log-update writes.
		function terminal() {
			const rows: string[][] = Array.from({length: 12}, () => []);
			let row = 0;
			let column = 0;
			return {
				write(text: string) {
					const pattern = /\u001B\[(\??)(\d*)([A-Za-z])|\n|[^\u001B\n]/gu;
					for (const [match, question, count, command] of text.matchAll(pattern)) {
						if (match === '\n') {
							row++;
							column = 0;
						} else if (command === undefined) {
							rows[row]![column++] = match;
						} else if (question === '') {
							const n = count === '' ? 1 : Number(count);
							if (command === 'A') row = Math.max(0, row - n);
							else if (command === 'B') row += n;
							else if (command === 'E') [row, column] = [row + n, 0];
							else if (command === 'G') column = n - 1;
							else if (command === 'K') rows[row]!.length = command === 'K' && count === '2' ? 0 : column;
						}
					}

					return true;
				},
				screen: () => rows.map(cells => Array.from(cells, cell => cell ?? ' ').join('').trimEnd()),
			};
		}

		const screen = terminal();
		const render = patched.logUpdate.create(screen, {incremental: true});
		const frames = ['one\ntwo\nthree\n', 'one\nTWO\nthree\n', 'uno\nTWO\n', 'uno\ndos\ntres\ncuatro\n', 'x\ndos\ntres\ncuatro\n'];
		for (const frame of frames) {
			render(frame);
			const expected = frame.split('\n');
			assert.deepEqual(screen.screen().slice(0, expected.length), expected, JSON.stringify(frame));
		}
	});
});
