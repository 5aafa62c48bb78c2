// Fails when source/ has an import cycle, printing each cycle as a chain of files.
// Type-only imports count too: a cycle of types is still two modules that cannot be
// understood (or moved) one without the other.
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';

const root = resolve(process.argv[2] ?? 'source');

function files(folder) {
	return readdirSync(folder).flatMap(name => {
		const path = join(folder, name);
		if (statSync(path).isDirectory()) return files(path);
		return /\.tsx?$/.test(name) ? [path] : [];
	});
}

const importPattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** `./x.js` as written in source → the .ts or .tsx file it names. */
function target(from, specifier) {
	const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
	for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
		try {
			if (statSync(candidate).isFile()) return candidate;
		} catch {}
	}

	return undefined;
}

const graph = new Map();
for (const file of files(root)) {
	const text = readFileSync(file, 'utf8');
	const edges = new Set();
	for (const match of text.matchAll(importPattern)) {
		const found = target(file, match[1] ?? match[2]);
		if (found) edges.add(found);
	}

	graph.set(file, [...edges].sort());
}

// Tarjan's strongly connected components: every component of more than one file (or a
// file importing itself) is a cycle.
let index = 0;
const indices = new Map();
const lowLinks = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];

function connect(node) {
	indices.set(node, index);
	lowLinks.set(node, index);
	index++;
	stack.push(node);
	onStack.add(node);
	for (const next of graph.get(node) ?? []) {
		if (!indices.has(next)) {
			connect(next);
			lowLinks.set(node, Math.min(lowLinks.get(node), lowLinks.get(next)));
		} else if (onStack.has(next)) {
			lowLinks.set(node, Math.min(lowLinks.get(node), indices.get(next)));
		}
	}

	if (lowLinks.get(node) === indices.get(node)) {
		const component = [];
		let member;
		do {
			member = stack.pop();
			onStack.delete(member);
			component.push(member);
		} while (member !== node);
		if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
	}
}

for (const node of [...graph.keys()].sort()) if (!indices.has(node)) connect(node);

const shown = file => relative(process.cwd(), file);
if (cycles.length > 0) {
	console.error(`check-cycles: ${cycles.length} import cycle(s) in ${shown(root)}/:`);
	for (const cycle of cycles) console.error(`  ${cycle.map(shown).join(' ↔ ')}`);
	process.exit(1);
}

console.log(`check-cycles: no import cycle among ${graph.size} files in ${shown(root)}/`);
