// Runs every *.test.ts / *.test.tsx under the given folders (default: test/) with
// Node's own runner. Node 20's `--test` takes no globs, hence this file.
import {readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {spawnSync} from 'node:child_process';

const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['test'];

function find(path) {
	if (statSync(path).isFile()) return [path];
	return readdirSync(path)
		.sort()
		.flatMap(name => {
			const child = join(path, name);
			if (statSync(child).isDirectory()) return find(child);
			return /\.test\.tsx?$/.test(name) ? [child] : [];
		});
}

const files = roots.flatMap(root => find(root));
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
	stdio: 'inherit',
	env: {...process.env, NODE_ENV: 'test'},
});
process.exit(result.status ?? 1);
