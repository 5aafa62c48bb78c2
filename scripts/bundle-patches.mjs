// Small source edits to dependencies, made while bundling (node_modules is untouched;
// tests that import the packages directly see them as published). Each one fixes a
// cost or a bug measured with `npm run bench`. Every edit must match exactly once:
// when a dependency changes shape, the file is bundled unedited and build.mjs warns.
import {readFile} from 'node:fs/promises';

/** @type {Array<{name: string, dependency: string, file: RegExp, edits: Array<[string, string]>}>} */
export const patches = [
	{
		// Ink builds every frame from scratch: a width × height grid of cells, each line
		// tokenised into styled cells (@alcalzone/ansi-tokenize, with caches that live for
		// one frame), placed cell by cell, and each row turned back into a string, style
		// diff by style diff. Moving the cursor changes two rows of forty, yet all forty
		// went both ways again: most of the CPU from a key to its frame. Now:
		// - tokenised lines outlive a frame (the last two frames' lines are kept, so the
		//   cache stays small whatever scrolls by);
		// - a row that is one line written at x = 0 (a table row, a header) has its cells
		//   placed only if a second write comes to it; its string is the one made the
		//   last time from those same cells (a WeakMap keyed by the cached cells, so it
		//   goes with them), else made as before;
		// - a row nothing was written to is '' without walking its blank cells.
		// Cells are only ever read (get() places references, never edits one), so the blank
		// cell can be one object, not width × height new ones a frame.
		name: 'ink-output-cache',
		dependency: 'ink',
		file: /[\\/]ink[\\/]build[\\/]output\.js$/,
		edits: [
			[
				'let cached = this.styledChars.get(line);\n        if (cached === undefined) {\n            cached = styledCharsFromTokens(tokenize(line));\n            this.styledChars.set(line, cached);\n        }\n        return cached;',
				'let cached = this.styledChars.get(line) ?? this.previousStyledChars?.get(line);\n        if (cached === undefined) {\n            cached = styledCharsFromTokens(tokenize(line));\n        }\n        this.styledChars.set(line, cached);\n        return cached;\n    }\n    nextFrame() {\n        this.previousStyledChars = this.styledChars;\n        this.styledChars = new Map();\n        if (this.widths.size > 20000) this.widths.clear();\n        if (this.blockWidths.size > 20000) this.blockWidths.clear();',
			],
			[
				'export default class Output {',
				[
					'const dtuiSharedCaches = new OutputCaches();',
					'const dtuiRowStrings = new WeakMap();',
					"const dtuiBlankCell = {type: 'char', value: ' ', fullWidth: false, styles: []};",
					'// The original placing loop, for a line whose cells were held back.',
					'const dtuiPlace = (currentLine, x, characters, caches) => {',
					'    let offsetX = x;',
					'    for (const character of characters) {',
					'        currentLine[offsetX] = character;',
					'        const characterWidth = Math.max(1, caches.getStringWidth(character.value));',
					'        if (characterWidth > 1) {',
					'            for (let index = 1; index < characterWidth; index++) {',
					"                currentLine[offsetX + index] = {type: 'char', value: '', fullWidth: false, styles: character.styles};",
					'            }',
					'        }',
					'        offsetX += characterWidth;',
					'    }',
					'};',
					'export default class Output {',
				].join('\n'),
			],
			['caches = new OutputCaches();', 'caches = dtuiSharedCaches;'],
			['    get() {\n', '    get() {\n        this.caches.nextFrame();\n        // Per row: undefined (nothing written), the cells of its one write at x = 0 (not placed yet), or null (placed).\n        const dtuiRowSources = [];\n'],
			[
				"            const row = [];\n            for (let x = 0; x < this.width; x++) {\n                row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });\n            }\n",
				'            const row = new Array(this.width).fill(dtuiBlankCell);\n',
			],
			[
				'const characters = this.caches.getStyledChars(line);\n',
				[
					'const characters = this.caches.getStyledChars(line);',
					'                    const dtuiRow = y + offsetY;',
					'                    if (dtuiRowSources[dtuiRow] === undefined && x === 0) {',
					'                        dtuiRowSources[dtuiRow] = characters;',
					'                        offsetY++;',
					'                        continue;',
					'                    }',
					'                    if (dtuiRowSources[dtuiRow]) dtuiPlace(currentLine, 0, dtuiRowSources[dtuiRow], this.caches);',
					'                    dtuiRowSources[dtuiRow] = null;',
					'',
				].join('\n'),
			],
			[
				'.map(line => {\n            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742\n            const lineWithoutEmptyItems = line.filter(item => item !== undefined);\n            return styledCharsToString(lineWithoutEmptyItems).trimEnd();\n        })',
				[
					'.map((line, dtuiY) => {',
					'            const dtuiSource = dtuiRowSources[dtuiY];',
					"            if (dtuiSource === undefined) return '';",
					'            if (dtuiSource) {',
					'                const dtuiCached = dtuiRowStrings.get(dtuiSource);',
					'                if (dtuiCached !== undefined && dtuiCached.width === this.width) return dtuiCached.text;',
					'                dtuiPlace(line, 0, dtuiSource, this.caches);',
					'            }',
					'            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742',
					'            const lineWithoutEmptyItems = line.filter(item => item !== undefined);',
					'            const dtuiText = styledCharsToString(lineWithoutEmptyItems).trimEnd();',
					'            if (dtuiSource) dtuiRowStrings.set(dtuiSource, {width: this.width, text: dtuiText});',
					'            return dtuiText;',
					'        })',
				].join('\n'),
			],
		],
	},
	{
		// Ink tokenises each new line with Intl.Segmenter, one grapheme object at a time:
		// the largest cost of drawing a followed log (each frame brings dozens of new
		// lines) and of the rows a key changes. A line of plain ASCII, dtui's own
		// symbols and SGR colour codes (almost every line dtui draws) has one grapheme per
		// character and nothing wide, so it is tokenised by character codes, into the very
		// tokens the segmenter path makes (test/unit/bundle-patches.test.ts compares them).
		// The segmenter itself (~20 ms to create) is made when a line first needs it.
		name: 'ansi-tokenize-fast-path',
		dependency: '@alcalzone/ansi-tokenize',
		file: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/,
		edits: [
			['const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });', 'let segmenter;'],
			[
				'export function tokenize(str, endChar = Number.POSITIVE_INFINITY) {\n',
				[
					'const dtuiSimpleLine = /^(?:[\\u0020-\\u007E·›●…▸▾—✖]|\\u001B\\[[0-9;]*m)*$/;',
					'function dtuiTokenize(str) {',
					'    const ret = [];',
					'    for (let index = 0; index < str.length; index++) {',
					'        if (str.charCodeAt(index) === 27) {',
					'            const code = parseSGRSequence(str, index);',
					'            for (const individualCode of splitCompoundSGRSequences(code)) {',
					'                ret.push({ type: "ansi", code: individualCode, endCode: getEndCode(individualCode) });',
					'            }',
					'            index += code.length - 1;',
					'            continue;',
					'        }',
					'        ret.push({ type: "char", value: str[index], fullWidth: false });',
					'    }',
					'    return ret;',
					'}',
					'export function tokenize(str, endChar = Number.POSITIVE_INFINITY) {',
					'    if (endChar === Number.POSITIVE_INFINITY && dtuiSimpleLine.test(str)) return dtuiTokenize(str);',
					'    segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });',
					'',
				].join('\n'),
			],
		],
	},
	{
		// Each styled cell got its own copy of the active styles, and turning cells back
		// into a string compared every cell's styles with its neighbour's (three Sets and
		// four arrays a cell). Cells of one run now share one styles array (they are only
		// read), and neighbours sharing one need no comparison: the difference between a
		// style and itself is empty.
		name: 'ansi-tokenize-shared-styles',
		dependency: '@alcalzone/ansi-tokenize',
		file: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/,
		edits: [
			['    let codes = [];\n    const ret = [];\n', '    let codes = [];\n    let dtuiStyles = [];\n    const ret = [];\n'],
			['            codes = reduceAnsiCodesIncremental(codes, [token]);\n', '            codes = reduceAnsiCodesIncremental(codes, [token]);\n            dtuiStyles = [...codes];\n'],
			['                styles: [...codes],\n', '                styles: dtuiStyles,\n'],
			['        else {\n            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));\n        }', '        else if (chars[i - 1].styles !== char.styles) {\n            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));\n        }'],
		],
	},
	{
		// Ink measures every text on screen again on every frame (widest-line, then
		// string-width's grapheme segmenter for anything not plain ASCII, such as a row
		// with the cursor's ›), although almost every text is the one it measured in the
		// frame before. Remembered here, in a map emptied when it grows large.
		name: 'ink-text-width-cache',
		dependency: 'ink',
		file: /[\\/]ink[\\/]build[\\/]render-node-to-output\.js$/,
		edits: [
			[
				'const applyPaddingToText = ',
				'const dtuiWidths = new Map();\nconst dtuiWidestLine = text => {\n    let width = dtuiWidths.get(text);\n    if (width === undefined) {\n        if (dtuiWidths.size > 5000) dtuiWidths.clear();\n        width = widestLine(text);\n        dtuiWidths.set(text, width);\n    }\n    return width;\n};\nconst applyPaddingToText = ',
			],
			['const currentWidth = widestLine(text);', 'const currentWidth = dtuiWidestLine(text);'],
		],
	},
	{
		// Ink's text measuring and wrapping caches keep every text they ever saw, for as
		// long as the process runs: a followed log that scrolls ten thousand new lines a
		// second through them grows without end. Same caches, emptied when they grow large.
		name: 'ink-bounded-measure-cache',
		dependency: 'ink',
		file: /[\\/]ink[\\/]build[\\/]measure-text\.js$/,
		edits: [['    cache.set(text, dimensions);', '    if (cache.size > 5000) cache.clear();\n    cache.set(text, dimensions);']],
	},
	{
		name: 'ink-bounded-wrap-cache',
		dependency: 'ink',
		file: /[\\/]ink[\\/]build[\\/]wrap-text\.js$/,
		edits: [
			['const cache = {};', 'let cache = {};\nlet dtuiCached = 0;'],
			['    cache[cacheKey] = wrappedText;', '    if (++dtuiCached > 5000) {\n        cache = {};\n        dtuiCached = 1;\n    }\n    cache[cacheKey] = wrappedText;'],
		],
	},
	{
		// Ink 6.8's incremental mode moves the cursor up one line too few before redrawing a
		// frame that ended in a newline (every frame shorter than the terminal ends in one),
		// so each frame landed a line low and left the old first line behind. The erase
		// path just above counts that last line (extraSlot); this does the same. It says so
		// on globalThis: dashboard.tsx turns the mode on only then (not unbundled, say).
		name: 'ink-incremental-newline',
		dependency: 'ink',
		file: /[\\/]ink[\\/]build[\\/]log-update\.js$/,
		edits: [
			['buffer.push(ansiEscapes.cursorUp(previousVisible - 1));', "buffer.push(ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)));"],
			['const logUpdate = { create };', 'globalThis.dtuiInkIncrementalFixed = true;\nconst logUpdate = { create };'],
		],
	},
	{
		// Ink clears and redraws the whole frame only when the terminal gets narrower; after
		// any other resize its incremental writer trusts the terminal to still hold the last
		// frame where it left it. A terminal that got shorter (tmux pushes lines off the top)
		// or reflowed does not: a resize storm could end with lines blank that Ink thought
		// drawn. Every change of width or height is now a full redraw.
		name: 'ink-redraw-on-resize',
		dependency: 'ink',
		file: /[\\/]ink[\\/]build[\\/]ink\.js$/,
		edits: [
			[
				'const currentWidth = this.getTerminalWidth();\n        if (currentWidth < this.lastTerminalWidth) {',
				'const currentWidth = this.getTerminalWidth();\n        const dtuiRows = this.options.stdout.rows;\n        if (currentWidth !== this.lastTerminalWidth || dtuiRows !== this.dtuiLastRows) {\n            this.dtuiLastRows = dtuiRows;',
			],
		],
	},
	{
		// string-width creates an Intl.Segmenter and the RGI_Emoji string set (the largest
		// Unicode property there is) when it is imported: 20–40 ms of CPU here, before the
		// first frame, for text of plain ASCII that never needs either. Made when first used.
		name: 'string-width-lazy',
		dependency: 'string-width',
		file: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
		edits: [
			['const segmenter = new Intl.Segmenter();', 'let segmenter;'],
			['for (const {segment} of segmenter.segment(string)) {', 'segmenter ??= new Intl.Segmenter();\n\tfor (const {segment} of segmenter.segment(string)) {'],
			['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let rgiEmojiRegex;'],
			['if (rgiEmojiRegex.test(segment)', 'if ((rgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(segment)'],
			// Its fast path (one cell per character) also takes the symbols dtui draws on
			// every screen, which it measures as one cell each anyway (sanitize.ts's
			// ONE_CELL_EACH; test/unit/bundle-patches.test.ts checks the two agree).
			['if (/^[\\u0020-\\u007E]*$/.test(string)) {', 'if (/^[\\u0020-\\u007E·›●…▸▾—✖]*$/.test(string)) {'],
		],
	},
	{
		// docker-modem formats every request's options, agent and sockets included, with
		// util.inspect(…, {showHidden: true, depth: null}) for a debug line that is off:
		// milliseconds of CPU per request (every heartbeat ping) to print nothing.
		//
		// It also requires its own SSH transport (ssh2, ~270 KB) when it loads. dtui never
		// uses it: connection.ts reaches an ssh:// daemon through its own agent (one SSH
		// connection, host keys checked) and hands docker-modem plain http. Left out, ssh2
		// loads only with dtui's SSH code, when the endpoint is ssh://.
		name: 'docker-modem',
		dependency: 'docker-modem',
		file: /[\\/]docker-modem[\\/]lib[\\/]modem\.js$/,
		edits: [
			["debug('Sending: %s', util.inspect(options, {", "debug.enabled && debug('Sending: %s', util.inspect(options, {"],
			["  ssh = require('./ssh'),", "  ssh = function () {\n    throw new Error('docker-modem\\'s own SSH transport is not in the dtui bundle');\n  },"],
		],
	},
	{
		// Ink's cli-cursor shows the cursor on exit by writing ESC [?25h to stderr, even
		// when stderr is a file: `dtui 2>errors.log` got an escape sequence after the one
		// line. dtui shows the cursor on stdout itself (terminal.ts) on every way out.
		name: 'restore-cursor-stderr',
		dependency: 'restore-cursor',
		file: /[\\/]restore-cursor[\\/]index\.js$/,
		edits: [["process.stderr.write('\\u001B[?25h');", "if (process.stderr.isTTY) process.stderr.write('\\u001B[?25h');"]],
	},
];

/** Each edit's text must occur exactly once; returns the edited source, or undefined. */
export function applyEdits(source, edits) {
	let result = source;
	for (const [from, to] of edits) {
		if (result.split(from).length !== 2) return undefined;
		result = result.replace(from, () => to);
	}

	return result;
}

/** @type {(used: Set<string>) => import('esbuild').Plugin} */
export function sourcePatches(used) {
	return {
		name: 'dtui-source-patches',
		setup(build) {
			for (const patch of patches) {
				build.onLoad({filter: patch.file}, async args => {
					const source = await readFile(args.path, 'utf8');
					const edited = applyEdits(source, patch.edits);
					if (edited === undefined) return {contents: source, loader: 'js'};
					used.add(patch.name);
					return {contents: edited, loader: 'js'};
				});
			}
		},
	};
}
