// Runs every *.test.ts / *.test.tsx under the given folders (default: test/) with
// Node's own runner. Node 20's `--test` takes no globs, hence this file.
//
// Two runs: files that only use fakes run in parallel; files that use the real daemon
// (contract, e2e, integration) run one at a time, because they share one dockerd and
// the e2e dashboard shows every container on it. Both runs always happen, so one
// failure does not hide the other's. The output ends with the totals of both, in the
// same `ℹ tests N` lines as Node's spec summary, for CI to read.
import {mkdtempSync, readFileSync, readdirSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative, resolve, sep} from 'node:path';
import {spawnSync} from 'node:child_process';

const serialFolders = ['test/contract', 'test/e2e', 'test/integration'];
const summaryKeys = ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo', 'duration_ms'];

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

function usesDaemon(file) {
	const path = relative(process.cwd(), resolve(file)).split(sep).join('/');
	return serialFolders.some(folder => path.startsWith(`${folder}/`));
}

// The spec reporter writes to the terminal; a TAP copy goes to a file whose footer
// (`# tests 12`, `# pass 11`, …) gives the counts without parsing coloured text.
function run(files, extraArgs, tapFile) {
	const args = ['--import', 'tsx', '--test', ...extraArgs];
	args.push('--test-reporter=spec', '--test-reporter-destination=stdout');
	args.push('--test-reporter=tap', `--test-reporter-destination=${tapFile}`);
	const result = spawnSync(process.execPath, [...args, ...files], {
		stdio: 'inherit',
		env: {...process.env, NODE_ENV: 'test'},
	});
	const counts = {};
	let tap = '';
	try {
		tap = readFileSync(tapFile, 'utf8');
	} catch {}
	for (const line of tap.split('\n')) {
		const match = /^# (\w+) ([\d.]+)$/.exec(line);
		if (match && summaryKeys.includes(match[1])) counts[match[1]] = Number(match[2]);
	}
	return {ok: result.status === 0, counts};
}

const files = roots.flatMap(root => find(root));
if (files.length === 0) {
	console.error(`run-tests: no *.test.ts(x) files under ${roots.join(', ')}`);
	process.exit(1);
}

const groups = [
	{files: files.filter(file => !usesDaemon(file)), args: []},
	// --test-concurrency exists since Node 20.10.
	{files: files.filter(file => usesDaemon(file)), args: ['--test-concurrency=1']},
].filter(group => group.files.length > 0);

const temporary = mkdtempSync(join(tmpdir(), 'dtui-tests-'));
const results = groups.map((group, index) => run(group.files, group.args, join(temporary, `${index}.tap`)));
rmSync(temporary, {recursive: true, force: true});

const total = Object.fromEntries(summaryKeys.map(key => [key, results.reduce((sum, result) => sum + (result.counts[key] ?? 0), 0)]));
console.log(`\nℹ all ${files.length} test files (${groups.length} runs)`);
for (const key of summaryKeys) console.log(`ℹ ${key} ${key === 'duration_ms' ? total[key].toFixed(3) : total[key]}`);

process.exit(results.every(result => result.ok) ? 0 : 1);
