#!/usr/bin/env node
// The installed command. It only runs the bundle that scripts/build.mjs writes, since
// the bundle starts far faster than the sources would (see scripts/build.mjs).
import {existsSync} from 'node:fs';

const bundle = new URL('../dist/dtui.js', import.meta.url);
if (!existsSync(bundle)) {
	process.stderr.write('dtui: dist/dtui.js is missing; run `npm run build` first.\n');
	process.exit(1);
}

await import(bundle.href);
