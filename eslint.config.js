// ESLint 9 flat config. Deliberately not type-aware (no parserOptions.project): `tsc`
// already runs in `npm test`, and type-aware linting would parse the program twice.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Node's globals, for the plain .js/.mjs scripts (TypeScript files get theirs from tsc).
const nodeGlobals = Object.fromEntries(
	['process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'AbortController', 'AbortSignal', 'TextEncoder', 'TextDecoder', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'structuredClone', 'performance', 'fetch'].map(name => [name, 'readonly']),
);

const dockerode = {group: ['dockerode', 'dockerode/*', 'docker-modem', 'docker-modem/*'], message: 'Only source/docker/ talks to the daemon through dockerode: go through the Engine seam (source/engine/engine.ts).'};
const react = {group: ['react', 'react/*', 'react-*', 'ink', 'ink/*', 'ink-*'], message: 'This layer is React-free: UI belongs in hooks/, components/, views/, app/.'};

// The layers, bottom to top: what each folder of source/ may not import (ARCHITECTURE.md
// draws the same picture). A folder not listed may import anything (start/ wires it all).
const folders = ['engine', 'text', 'keymap', 'state', 'transport', 'docker', 'fleet', 'logs', 'terminal', 'transfers', 'hooks', 'components', 'views', 'app', 'start', 'one-shot'];
const allowed = {
	engine: [],
	text: ['engine'],
	keymap: [],
	state: ['engine', 'keymap', 'text'],
	transport: ['engine', 'text'],
	docker: ['engine', 'text', 'transport'],
	fleet: ['engine', 'text'],
	logs: ['engine', 'state', 'text'],
	terminal: ['engine', 'state', 'text'],
	transfers: ['engine', 'fleet', 'keymap', 'state', 'text', 'transport'],
	hooks: ['engine', 'fleet', 'keymap', 'logs', 'state', 'terminal', 'text', 'transfers'],
	components: ['engine', 'keymap', 'logs', 'state', 'text'],
	views: ['components', 'engine', 'fleet', 'hooks', 'keymap', 'logs', 'state', 'terminal', 'text', 'transfers'],
	app: ['components', 'engine', 'fleet', 'hooks', 'keymap', 'logs', 'state', 'terminal', 'text', 'transfers', 'transport', 'views'],
	'one-shot': ['engine', 'start', 'text'],
};
const reactFree = new Set(['engine', 'text', 'state', 'transport', 'docker', 'fleet', 'logs', 'terminal', 'transfers', 'one-shot']);

function layerRules(folder) {
	const forbidden = folders.filter(other => other !== folder && !allowed[folder].includes(other));
	const patterns = [{group: forbidden.flatMap(other => [`../${other}`, `../${other}/*`]), message: allowed[folder].length === 0 ? `source/${folder}/ imports nothing of the project (see ARCHITECTURE.md).` : `source/${folder}/ may import only ${allowed[folder].map(other => `${other}/`).join(', ')} (see ARCHITECTURE.md).`}];
	if (folder !== 'docker') patterns.push(dockerode);
	if (reactFree.has(folder)) patterns.push(react);
	return {files: [`source/${folder}/**/*.{ts,tsx}`], rules: {'no-restricted-imports': ['error', {patterns}]}};
}

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'coverage/']},
	{
		files: ['{source,test,scripts,bench,bin}/**/*.{ts,tsx,mts,js,mjs}', '*.{js,mjs}'],
		extends: [js.configs.recommended, ...tseslint.configs.recommended],
		rules: {
			// `_name` marks a parameter kept for its position in a signature.
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
			// Best-effort cleanup (unmount while crashing, closing a dead stream) has nothing to do on failure.
			'no-empty': ['error', {allowEmptyCatch: true}],
			// Control characters are this project's subject: the sanitiser and its tests match ESC, BEL, C1…
			'no-control-regex': 'off',
		},
	},
	{
		// Fixtures copy the daemon's JSON as it is, e.g. event timeNano beyond 2^53, which
		// JSON.parse rounds exactly as such a literal does.
		files: ['test/**'],
		rules: {'no-loss-of-precision': 'off'},
	},
	{
		files: ['**/*.{js,mjs}'],
		languageOptions: {globals: nodeGlobals},
	},
	// Outside the layered folders (the entry points, bench/, scripts/) only dockerode is kept out.
	{
		files: ['source/*.{ts,tsx}', 'bench/**/*.{ts,tsx,js,mjs}', 'scripts/**/*.{ts,js,mjs}', 'bin/**/*.js'],
		rules: {'no-restricted-imports': ['error', {patterns: [dockerode]}]},
	},
	...Object.keys(allowed).map(folder => layerRules(folder)),
);
