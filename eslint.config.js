// ESLint 9 flat config. Deliberately not type-aware (no parserOptions.project): `tsc`
// already runs in `npm test`, and type-aware linting would parse the program twice.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Node's globals, for the plain .js/.mjs scripts (TypeScript files get theirs from tsc).
const nodeGlobals = Object.fromEntries(
	['process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'AbortController', 'AbortSignal', 'TextEncoder', 'TextDecoder', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'structuredClone', 'performance', 'fetch'].map(name => [name, 'readonly']),
);

const dockerodeOutsideEngine = {
	paths: [{name: 'dockerode', message: 'Only source/docker/ (and tests) may use dockerode: go through the Engine seam (source/docker/engine.ts).'}],
	patterns: [{group: ['dockerode/*', 'docker-modem', 'docker-modem/*'], message: 'Only source/docker/ may talk to the daemon directly.'}],
};

const uiInsideEngine = {
	paths: [
		{name: 'react', message: 'source/docker/ is the React-free engine layer.'},
		{name: 'ink', message: 'source/docker/ is the React-free engine layer.'},
	],
	patterns: [
		{group: ['react/*', 'react-*', 'ink/*', 'ink-*'], message: 'source/docker/ is the React-free engine layer.'},
		{
			group: ['**/hooks', '**/hooks/*', '**/components', '**/components/*', '**/views', '**/views/*'],
			message: 'source/docker/ must not depend on the UI layers above it.',
		},
	],
};

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
	// Layering. A later block replaces the rule's options rather than merging them, so
	// each block below states the whole list for its files.
	{
		files: ['source/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx,js,mjs}', 'scripts/**/*.{ts,js,mjs}', 'bin/**/*.js'],
		ignores: ['source/docker/**'],
		rules: {'no-restricted-imports': ['error', dockerodeOutsideEngine]},
	},
	{
		files: ['source/docker/**/*.{ts,tsx}'],
		rules: {'no-restricted-imports': ['error', uiInsideEngine]},
	},
);
