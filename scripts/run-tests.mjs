// Runs every *.test.ts / *.test.tsx under the given folders (default: test/) with
// Node's own runner. Node 20's `--test` takes no globs, hence this file.
//
// Two runs: files that only use fakes run in parallel; files that use the real daemon
// (contract, e2e, integration) run one at a time, because they share one dockerd and
// the e2e dashboard shows every container on it. Both runs always happen, so one
// failure does not hide the other's. The output ends with the totals of both, in the
// same `ℹ tests N` lines as Node's spec summary, for CI to read.
//
// DTUI_TEST_ENGINES="trixie=/tmp/a/docker.sock,sid=/tmp/b/docker.sock" runs the suites that
// speak to the daemon as a user's engine (engineSuites below) once more against each of
// those engines, after the main runs: the same contract and screens, other Engine versions.
// An engine named podman… gets podmanSuites.
import {mkdtempSync, readFileSync, readdirSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative, resolve, sep} from 'node:path';
import {spawnSync} from 'node:child_process';

const serialFolders = ['test/contract', 'test/e2e', 'test/integration'];
// What depends on the engine's version: the engine contract, the dashboard's screens,
// and dtui's one-shot output beside the docker CLI's. (Tests that start daemons of their
// own, or test the terminal or the transports, say nothing more on another engine.)
const engineSuites = [
	'test/contract/real.test.ts',
	'test/contract/objects-real.test.ts',
	'test/contract/container-io-real.test.ts',
	'test/contract/registry-real.test.ts',
	'test/integration/ps-vs-docker.test.ts',
	'test/integration/objects-vs-docker.test.ts',
	'test/e2e/dashboard.test.ts',
	'test/e2e/container-detail.test.ts',
	'test/e2e/objects.test.ts',
	'test/e2e/read-only.test.ts',
	'test/e2e/hostile-text.test.ts',
	'test/e2e/registry.test.ts',
];

// Podman's Docker-compatible API is held to the engine and container contracts; the other
// suites assume Docker's image naming and wording (Podman lists `docker.io/library/…`,
// words every refusal its own way) and would test those rather than dtui.
const podmanSuites = ['test/contract/real.test.ts', 'test/contract/container-io-real.test.ts'];

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
function run(files, extraArgs, tapFile, env = {}) {
	const args = ['--import', 'tsx', '--test', ...extraArgs];
	args.push('--test-reporter=spec', '--test-reporter-destination=stdout');
	args.push('--test-reporter=tap', `--test-reporter-destination=${tapFile}`);
	const result = spawnSync(process.execPath, [...args, ...files], {
		stdio: 'inherit',
		env: {...process.env, NODE_ENV: 'test', ...env},
	});
	const counts = {};
	const skipped = [];
	let tap = '';
	try {
		tap = readFileSync(tapFile, 'utf8');
	} catch {}
	for (const line of tap.split('\n')) {
		const match = /^# (\w+) ([\d.]+)$/.exec(line);
		if (match && summaryKeys.includes(match[1])) counts[match[1]] = Number(match[2]);
		// A skipped suite counts as no test at all in the totals: its reason is said below them.
		const skip = /^\s*ok \d+ - .* # SKIP (.+)$/.exec(line);
		if (skip) skipped.push(skip[1]);
	}
	return {ok: result.status === 0, counts, skipped};
}

const files = roots.flatMap(root => find(root));
if (files.length === 0) {
	console.error(`run-tests: no *.test.ts(x) files under ${roots.join(', ')}`);
	process.exit(1);
}

/** `name=socket,…` → [{name, socket}]; a malformed entry stops the run before anything runs. */
function enginesFrom(value) {
	if (!value) return [];
	return value.split(',').map(entry => {
		const match = /^([\w.-]+)=(\/.+)$/.exec(entry.trim());
		if (!match) {
			console.error(`run-tests: DTUI_TEST_ENGINES entry "${entry}" is not name=/path/to/docker.sock`);
			process.exit(1);
		}

		return {name: match[1], socket: match[2]};
	});
}

const engines = enginesFrom(process.env['DTUI_TEST_ENGINES']);
const asked = new Set(files.map(file => relative(process.cwd(), resolve(file)).split(sep).join('/')));
const engineFiles = engineSuites.filter(file => asked.has(file));

const groups = [
	{files: files.filter(file => !usesDaemon(file)), args: []},
	// --test-concurrency exists since Node 20.10.
	{files: files.filter(file => usesDaemon(file)), args: ['--test-concurrency=1']},
	...engines.map(engine => ({
		files: engine.name.startsWith('podman') ? podmanSuites.filter(file => asked.has(file)) : engineFiles,
		args: ['--test-concurrency=1'],
		env: {DTUI_TEST_SOCKET: engine.socket, DTUI_TEST_ENGINE: engine.name},
		title: `against the ${engine.name} engine (${engine.socket})`,
	})),
].filter(group => group.files.length > 0);

const temporary = mkdtempSync(join(tmpdir(), 'dtui-tests-'));
const results = groups.map((group, index) => {
	if (group.title) console.log(`\nℹ ${group.files.length} test files ${group.title}`);
	const result = run(group.files, group.args, join(temporary, `${index}.tap`), group.env);
	return {...result, title: group.title};
});
rmSync(temporary, {recursive: true, force: true});

const total = Object.fromEntries(summaryKeys.map(key => [key, results.reduce((sum, result) => sum + (result.counts[key] ?? 0), 0)]));
// Before the totals, which CI reads last: a skipped suite counts as no test there.
const reasons = new Map();
for (const reason of results.flatMap(result => result.skipped)) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
for (const [reason, count] of reasons) console.log(`\nℹ ${count} skipped (tests or whole suites): ${reason}`);
console.log(`\nℹ all ${files.length} test files (${groups.length} runs)`);
for (const result of results.filter(result => result.title)) console.log(`ℹ ${result.title}: ${result.counts.pass ?? 0} passed, ${result.counts.fail ?? 0} failed`);
for (const key of summaryKeys) console.log(`ℹ ${key} ${key === 'duration_ms' ? total[key].toFixed(3) : total[key]}`);

process.exit(results.every(result => result.ok) ? 0 : 1);
