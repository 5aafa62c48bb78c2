// esbuild plugins that keep code dtui never runs out of the start-up path.
// Each one checks that it really matched something: when a dependency changes shape
// the build warns (and still works, only slower) instead of silently doing nothing.
import {readFile} from 'node:fs/promises';

const stubNamespace = 'dtui-stub';

// A module whose evaluation throws, for optional native addons that their importers
// already load inside try/catch (ssh2 falls back to Node's own crypto without them).
const missingAddon = 'throw new Error("native addon left out of the dtui bundle");';

// dockerode requires its BuildKit session code (@grpc/grpc-js, protobufjs: ~330 KB
// minified) at import time, although only buildImage({version: "2"}) uses it and dtui
// never builds. Same signature as dockerode/lib/session.js; it fails the way a refused
// session would, so such a build would reject instead of crashing.
const sessionStub = `module.exports = function withSession(docker, auth, handler) {
	handler(new Error("BuildKit sessions are not included in the dtui bundle"), null, () => undefined);
};`;

/** @type {(used: Set<string>) => import('esbuild').Plugin} */
export function stubs(used) {
	return {
		name: 'dtui-stubs',
		setup(build) {
			build.onResolve({filter: /^\.\/session(\.js)?$/}, args => {
				if (!/[\\/]node_modules[\\/]dockerode[\\/]lib$/.test(args.resolveDir)) return undefined;
				used.add('dockerode-session');
				return {path: 'dockerode-session', namespace: stubNamespace};
			});
			build.onResolve({filter: /^cpu-features$|[\\/]sshcrypto\.node$/}, args => {
				used.add(args.path.includes('sshcrypto') ? 'sshcrypto' : 'cpu-features');
				return {path: 'missing-addon', namespace: stubNamespace};
			});
			build.onLoad({filter: /.*/, namespace: stubNamespace}, args => ({
				contents: args.path === 'dockerode-session' ? sessionStub : missingAddon,
				loader: 'js',
			}));
		},
	};
}

const wasmPrefix = 'data:application/octet-stream;base64,';
const wasmLiteral = /"data:application\/octet-stream;base64,[A-Za-z0-9+/=]+"/g;
const yogaExport = 'export default loadYoga;';

// yoga-layout's Emscripten loader keeps its WebAssembly as a base64 data: URL and,
// because Node has a global fetch(), loads it with fetch(): the first fetch() in a
// process initialises undici, 25–35 ms of start-up. The loader skips fetch() when
// given `wasmBinary`, so the default export is rewrapped to pass the bytes, decoded
// by Buffer (native) from the same single copy of the base64 text.
/** @type {(used: Set<string>) => import('esbuild').Plugin} */
export function yogaWasmBinary(used) {
	return {
		name: 'dtui-yoga-wasm-binary',
		setup(build) {
			build.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async args => {
				const source = await readFile(args.path, 'utf8');
				const literals = source.match(wasmLiteral) ?? [];
				if (literals.length !== 1 || source.split(yogaExport).length !== 2) {
					return {contents: source, loader: 'js'};
				}

				used.add('yoga-wasm');
				const contents = [
					`const dtuiYogaWasm = ${literals[0]};`,
					source.replace(wasmLiteral, () => 'dtuiYogaWasm').replace(yogaExport, () => ''),
					`export default (options = {}) => loadYoga({wasmBinary: Buffer.from(dtuiYogaWasm.slice(${wasmPrefix.length}), 'base64'), ...options});`,
				].join('\n');
				return {contents, loader: 'js'};
			});
		},
	};
}
