import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';

// scripts/check-cycles.mjs runs in `npm run lint`; here it must find a cycle when one is there.
describe('the import cycle check', () => {
	const root = mkdtempSync(join(tmpdir(), 'dtui-cycles-'));
	after(() => rmSync(root, {recursive: true, force: true}));

	function check(files: Record<string, string>) {
		const folder = mkdtempSync(join(root, 'tree-'));
		for (const [name, text] of Object.entries(files)) {
			mkdirSync(join(folder, name, '..'), {recursive: true});
			writeFileSync(join(folder, name), text);
		}

		return spawnSync(process.execPath, ['scripts/check-cycles.mjs', folder], {encoding: 'utf8'});
	}

	test('a cycle through a type-only import, across folders, fails with its files named', () => {
		const result = check({
			'a/one.ts': "import {two} from '../b/two.js';\nexport const one = two;\n",
			'b/two.ts': "import type {Three} from './three.js';\nexport const two: Three = 2;\n",
			'b/three.ts': "export {one} from '../a/one.js';\nexport type Three = number;\n",
			'c/alone.tsx': "import {one} from '../a/one.js';\nexport const alone = one;\n",
		});
		assert.equal(result.status, 1);
		assert.match(result.stderr, /1 import cycle\(s\)/);
		assert.match(result.stderr, /a\/one\.ts ↔ .*b\/three\.ts ↔ .*b\/two\.ts/);
		assert.doesNotMatch(result.stderr, /alone/);
	});

	test('a tree without one passes', () => {
		const result = check({'a/one.ts': "import {two} from '../b/two.js';\nexport const one = two;\n", 'b/two.ts': 'export const two = 2;\n'});
		assert.equal(result.status, 0, result.stderr);
		assert.match(result.stdout, /no import cycle among 2 files/);
	});
});
