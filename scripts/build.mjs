// Bundles source/start.ts (then cli.tsx, loaded by it) into dist/dtui.js (what bin/dtui.js runs). A bundle because
// start-up time matters: resolving and evaluating hundreds of files from node_modules
// costs ~2.5× the bundle's time here (see ENGINE-NOTES.md, "Start-up cost").
//
//   node scripts/build.mjs             build
//   node scripts/build.mjs --analyze   build, then print what takes room in the bundle
//
// Other scripts (bench/) can import {bundle} to build their own entry the same way.
import {rm} from 'node:fs/promises';
import {fileURLToPath, pathToFileURL} from 'node:url';
import * as esbuild from 'esbuild';
import {stubs, yogaWasmBinary} from './build-plugins.mjs';
import {patches, sourcePatches} from './bundle-patches.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// Bundled CommonJS (dockerode, docker-modem, ssh2…) calls require('fs') and friends and
// reads __dirname at load time (ssh2's agent code); an ESM bundle has neither.
const banner = [
	"import {createRequire as dtuiCreateRequire} from 'node:module';",
	"import {fileURLToPath as dtuiFileURLToPath} from 'node:url';",
	"import {dirname as dtuiDirname} from 'node:path';",
	'const require = dtuiCreateRequire(import.meta.url);',
	'const __filename = dtuiFileURLToPath(import.meta.url);',
	'const __dirname = dtuiDirname(__filename);',
].join('\n');

/**
 * @param {import('esbuild').BuildOptions} [overrides] e.g. {entryPoints, outdir} for a bench entry
 * @returns {Promise<import('esbuild').BuildResult>}
 */
export async function bundle(overrides = {}) {
	const used = new Set();
	const result = await esbuild.build({
		absWorkingDir: root,
		// start.ts paints the dashboard's first frame before loading cli.tsx and the rest.
		entryPoints: {dtui: 'source/start.ts'},
		outdir: 'dist',
		bundle: true,
		// With splitting, a dynamic import() in the sources becomes a chunk loaded only
		// when reached: `--version` or one-shot output need not load Ink, React and yoga.
		splitting: true,
		chunkNames: 'chunks/[name]-[hash]',
		format: 'esm',
		platform: 'node',
		target: 'node20',
		minify: true,
		sourcemap: 'linked',
		sourcesContent: false,
		jsx: 'automatic',
		define: {'process.env.NODE_ENV': '"production"'},
		alias: {'react-devtools-core': './scripts/stub-devtools.js'},
		banner: {js: banner},
		plugins: [stubs(used), yogaWasmBinary(used), sourcePatches(used)],
		logLevel: 'warning',
		...overrides,
		metafile: true,
	});
	const inputs = Object.keys(result.metafile.inputs).join('\n');
	const patched = patches.map(patch => [patch.name, `node_modules/${patch.dependency}/`]);
	for (const [name, dependency] of [['dockerode-session', 'node_modules/dockerode/'], ['yoga-wasm', 'node_modules/yoga-layout/'], ...patched]) {
		if (inputs.includes(dependency) && !used.has(name)) {
			console.warn(`build: the ${name} rewrite matched nothing; did ${dependency} change? The bundle works but starts slower.`);
		}
	}

	return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	await rm(new URL('../dist', import.meta.url), {recursive: true, force: true});
	const result = await bundle();
	if (process.argv.includes('--analyze')) {
		console.log(await esbuild.analyzeMetafile(result.metafile));
	}
}
