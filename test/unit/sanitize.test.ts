import {test, describe} from 'node:test';
import assert from 'node:assert/strict';
import stringWidth from 'string-width';
import {sanitize, sanitizeMultiline} from '../../source/text/sanitize.js';
import {displayWidth, padEnd, padStart, truncate} from '../../source/text/cell-width.js';
import {hostileCorpus, hugeLine, hugeLinePiece} from '../helpers/hostile-corpus.js';

/** What sanitize() must make of each corpus entry, by name. */
const expected: Record<string, string> = {
	'NUL': 'a^@b',
	'bell': 'ding^G',
	'every C0 control': '^@^A^B^C^D^E^F^G^H ^J^K^L^M^N^O^P^Q^R^S^T^U^V^W^X^Y^Z^[^\\^]^^^_',
	'DEL': 'abc^?',
	'tab': 'a b  c',
	'newline in a single-line value': 'line1^Jline2',
	'vertical tab and form feed': 'a^Kb^Lc',
	'carriage return overwrite': 'evil-command^Mnice-name   ',
	'backspace overwrite': 'rm -rf /^H^H^H^H^H^H^H^Hls -la   ',
	'fake prompt after carriage return': 'ok^M^[[2K$ sudo rm -rf /',
	'shift out to the line-drawing charset': '^Nlqqk^O',
	'ESC ( 0 line-drawing charset': '^[(0lqqk^[(B',
	'lone ESC at the end': 'trailing^[',

	'CSI clear screen': '^[[2J',
	'CSI clear screen and home': '^[[2J^[[H',
	'cursor up and erase line': '^[[1A^[[2K',
	'cursor position': '^[[10;20H',
	'save and restore cursor': '^[7^[[5;5Hx^[8',
	'scroll region': '^[[1;3r',
	'SGR colours': '^[[31;1mred^[[0m',
	'SGR concealed text': '^[[8msecret^[[28m',
	'alternate screen': '^[[?1049h',
	'cursor hide': '^[[?25l',
	'mouse tracking on': '^[[?1000h^[[?1006h',
	'bracketed paste end': '^[[201~',
	'device status queries': '^[[c^[[6n',
	'window title report': '^[[21t',
	'window resize': '^[[8;100;300t',
	'full reset': '^[c',
	'keypad application mode': '^[=',

	'8-bit CSI clear screen': '<9B>2J',
	'every C1 control':
		'<80><81><82><83><84><85><86><87><88><89><8A><8B><8C><8D><8E><8F><90><91><92><93><94><95><96><97><98><99><9A><9B><9C><9D><9E><9F>',
	'NEL': 'a<85>b',

	'OSC 0 title': '^[]0;pwned^G',
	'OSC 2 title ended by ST': '^[]2;pwned^[\\',
	'OSC 8 hyperlink': '^[]8;;https://evil.example/^[\\click^[]8;;^[\\',
	'OSC 52 clipboard write': '^[]52;c;aGk=^G',
	'8-bit OSC title': '<9D>0;pwned<9C>',
	'DCS XTGETTCAP request': '^[P+q544e^[\\',
	'8-bit DCS': '<90>$q"p<9C>',
	'APC kitty graphics': '^[_Gf=100;AAAA^[\\',
	'PM': '^[^privacy^[\\',
	'SOS': '^[Xstring^[\\',

	'RLO file name spoof': 'invoice<U+202E>fdp.exe',
	'LRO and PDF': '<U+202D>abc<U+202C>',
	'LRE and RLE embeddings': '<U+202A>a<U+202B>b',
	'bidi isolates': '<U+2066>a<U+2067>b<U+2068>c<U+2069>',
	'LRM, RLM and ALM': '<U+200E>a<U+200F>b<U+061C>c',
	'Trojan Source comment': 'level != "user<U+202E> <U+2066>// admin<U+2069> <U+2066>"',

	'zero-width space in a name': 'ng<U+200B>inx',
	'ZWNJ and ZWJ between letters': 'a<U+200C>b<U+200D>c',
	'word joiner and invisible operators': '<U+2060><U+2061><U+2062><U+2063><U+2064>',
	'byte order mark': '<U+FEFF>log line',
	'soft hyphen': 'pass<U+00AD>word',
	'Mongolian vowel separator': 'a<U+180E>b',
	'Hangul filler blank name': '<U+3164><U+3164>',
	'tag characters smuggling text': 'hi<U+E0069><U+E0067><U+E006E>',
	'line and paragraph separators': 'a<U+2028>b<U+2029>c',
	'private use characters': '<U+E000><U+F0000>',
	'unassigned code point and noncharacter': '<U+0378><U+FFFF>',

	'zalgo stack': 'Z\u0351\u036b',
	'two combining marks are kept': 'e\u0323\u0302',
	'leading combining marks': ' \u0301\u0302abc',
	'leading zalgo stack': ' \u0301\u0302x',
	'combining marks after an escape': '^[\u0301\u0302',
	'combining marks on an emoji': '\u{1f433}\u0301\u0302',

	'CJK': '\u5bb9\u5668\u540d\u524d',
	'fullwidth letters': '\uff44\uff4f\uff43\uff4b\uff45\uff52',
	'emoji': '\u{1f433} whale',
	'emoji ZWJ family': '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}\u200d\u{1f466}',
	'emoji ZWJ with skin tone': '\u{1f9d1}\u{1f3fd}\u200d\u{1f4bb}',
	'rainbow flag': '\u{1f3f3}\ufe0f\u200d\u{1f308}',
	'country flags': '\u{1f1ef}\u{1f1f5}\u{1f1fa}\u{1f1e6}',
	'subdivision flag': '\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}',
	'keycaps': '1\ufe0f\u20e3#\ufe0f\u20e3',
	'emoji with skin tone': '\u{1f44b}\u{1f3ff}',
	'stray skin tone': 'a<U+1F3FF>',
	'ZWJ after an emoji but not before one': '\u{1f468}<U+200D>x',
	'spaces that are visible': 'a\u00a0b\u3000c',

	'lone high surrogate': 'a\ufffdb',
	'lone low surrogate': 'a\ufffdb',
	'reversed surrogate pair': '\ufffd\ufffd',
	'replacement character': 'bad \ufffd byte',

	'100 KB line': 'log ^[[31mERROR^[[0m <U+202E>evil<U+202C> \u4e2d\u6587 e\u0301\u0302 \u{1f433} <9B>2J^M'.repeat(
		Math.ceil(100_000 / hugeLinePiece.length),
	),
};

const TERMINAL_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/;
// Bidi controls and invisible format characters that must only ever appear spelled out.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff]/;
const LONE_SURROGATE = /\p{Cs}/u;

function sanitizedCorpus(): Array<{name: string; text: string; output: string}> {
	return hostileCorpus.map(({name, text}) => ({name, text, output: sanitize(text)}));
}

describe('hostile corpus', () => {
	test('has at least 50 distinctly named cases, each with an expected output', () => {
		const names = hostileCorpus.map(({name}) => name);
		assert.ok(names.length >= 50);
		assert.equal(new Set(names).size, names.length);
		assert.deepEqual([...names].sort(), Object.keys(expected).sort());
	});

	test('the 100 KB line is at least 100 KB', () => {
		const huge = hostileCorpus.find(({name}) => name === '100 KB line');
		assert.ok(huge && huge.text.length >= 100_000);
	});
});

describe('sanitize: each hostile case', () => {
	for (const {name, text} of hostileCorpus) {
		test(name, () => {
			assert.equal(sanitize(text), expected[name]);
		});
	}
});

describe('sanitize: properties over the whole corpus', () => {
	test('no output holds a C0, DEL or C1 character', () => {
		for (const {name, output} of sanitizedCorpus()) {
			assert.ok(!TERMINAL_CONTROLS.test(output), name);
		}
	});

	test('no output holds a bidi control or an unspelled invisible character', () => {
		for (const {name, output} of sanitizedCorpus()) {
			assert.ok(!INVISIBLE.test(output), name);
		}
	});

	test('no output holds a lone surrogate', () => {
		for (const {name, output} of sanitizedCorpus()) {
			assert.ok(!LONE_SURROGATE.test(output), name);
		}
	});

	test('sanitizing twice changes nothing', () => {
		for (const {name, output} of sanitizedCorpus()) {
			assert.equal(sanitize(output), output, name);
		}
	});

	test('padEnd gives exactly the asked cells for every output and width', () => {
		for (const {name, output} of sanitizedCorpus()) {
			for (let width = 0; width <= 24; width++) {
				const padded = padEnd(output, width);
				assert.equal(stringWidth(padded), width, `${name} @ ${width}`);
				assert.ok(!TERMINAL_CONTROLS.test(padded), `${name} @ ${width}`);
			}
		}
	});
});

describe('sanitize', () => {
	test('returns printable ASCII as it is', () => {
		const text = 'nginx:1.27-alpine "/docker-entrypoint.sh nginx -g \'daemon off;\'"';
		assert.equal(sanitize(text), text);
		assert.equal(sanitize(''), '');
	});

	test('keeps text in other scripts', () => {
		assert.equal(sanitize('caf\u00e9 \u043f\u0440\u0438\u0432\u0435\u0442 \u0645\u0631\u062d\u0628\u0627'), 'caf\u00e9 \u043f\u0440\u0438\u0432\u0435\u0442 \u0645\u0631\u062d\u0628\u0627');
	});

	test('caps combining marks per character, not per string', () => {
		assert.equal(sanitize('a\u0301\u0302\u0303b\u0301\u0302\u0303'), 'a\u0301\u0302b\u0301\u0302');
	});

	test('keeps astral combining marks whole when capping', () => {
		// U+1D167..U+1D169: musical combining marks, two code units each.
		assert.equal(sanitize('x\u{1d167}\u{1d168}\u{1d169}'), 'x\u{1d167}\u{1d168}');
	});

	test('sanitizes 100 KB of mixed junk quickly', () => {
		sanitize(hugeLine);
		let best = Number.POSITIVE_INFINITY;
		for (let run = 0; run < 3; run++) {
			const start = performance.now();
			sanitize(hugeLine);
			best = Math.min(best, performance.now() - start);
		}

		// Typically 10-20 ms warm; the loose bound only catches a super-linear regression.
		assert.ok(best < 250, `${best} ms`);
	});

	test('stays linear on a 100 KB run of combining marks', () => {
		const zalgo = 'e' + '\u0301'.repeat(100_000);
		const start = performance.now();
		assert.equal(sanitize(zalgo), 'e\u0301\u0301');
		assert.ok(performance.now() - start < 250);
	});
});

describe('sanitizeMultiline', () => {
	const cases: Array<[string, string, string[]]> = [
		['splits on \\n', 'a\nb', ['a', 'b']],
		['splits on \\r\\n', 'a\r\nb\r\n', ['a', 'b']],
		['gives no lines for empty text', '', []],
		['gives one empty line for a lone newline', '\n', ['']],
		['keeps empty lines in the middle', 'a\n\nb', ['a', '', 'b']],
		['keeps a bare \\r visible, so progress bars cannot overwrite', 'progress 10%\rprogress 100%\n', ['progress 10%^Mprogress 100%']],
		['keeps a \\r before the line break visible', 'a\r\r\nb', ['a^M', 'b']],
		['keeps a lone \\r as ^M', '\r', ['^M']],
		['sanitizes each line', 'a\u001b[2J\nb\u202e', ['a^[[2J', 'b<U+202E>']],
		['does not split on Unicode line separators', 'x\u2028y', ['x<U+2028>y']],
		['gives each line its own start for combining marks', 'a\n\u0301b', ['a', ' \u0301b']],
	];
	for (const [name, text, lines] of cases) {
		test(name, () => {
			assert.deepEqual(sanitizeMultiline(text), lines);
		});
	}
});

describe('displayWidth', () => {
	const cases: Array<[string, string, number]> = [
		['empty', '', 0],
		['ASCII', 'abc', 3],
		['CJK', '\u4e2d\u6587', 4],
		['fullwidth letter', '\uff44', 2],
		['emoji', '\u{1f433}', 2],
		['ZWJ family as one glyph', '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}\u200d\u{1f466}', 2],
		['flag', '\u{1f1ef}\u{1f1f5}', 2],
		['subdivision flag', '\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}', 2],
		['combining mark adds nothing', 'e\u0301', 1],
		['ellipsis', '\u2026', 1],
		['caret notation', '^[[2J', 5],
		['spelled-out code point', '<U+202E>', 8],
		['long CJK', '\u4e2d'.repeat(1000), 2000],
		['long mixed', 'a\u4e2d\u{1f433}e\u0301'.repeat(300), 1800],
		// Windows of 256 code units: these put a window edge inside a cluster / surrogate pair.
		['long ZWJ sequences', '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}\u200d\u{1f466}'.repeat(100), 200],
		['long flags, misaligned', 'x' + '\u{1f1ef}\u{1f1f5}'.repeat(200), 401],
	];
	for (const [name, text, width] of cases) {
		test(name, () => {
			assert.equal(displayWidth(text), width);
			assert.equal(displayWidth(text), stringWidth(text), 'agrees with string-width, as Ink measures');
		});
	}

	test('agrees with string-width on every sanitized corpus case', () => {
		for (const {name, output} of sanitizedCorpus()) {
			// string-width itself is quadratic on 100 KB (V8's segmenter); measured below from its piece.
			if (name === '100 KB line') continue;
			assert.equal(displayWidth(output), stringWidth(output), name);
		}
	});

	test('measures the 100 KB line as the sum of its pieces', () => {
		const piece = sanitize(hugeLinePiece);
		assert.equal(displayWidth(sanitize(hugeLine)), stringWidth(piece) * (hugeLine.length / hugeLinePiece.length));
	});

	test('counts marks after a window edge with their base', () => {
		const text = ('x'.repeat(253) + 'e\u0301\u0302').repeat(3);
		assert.equal(displayWidth(text), 254 * 3);
	});
});

describe('truncate', () => {
	const cases: Array<[string, string, number, string]> = [
		['fits', 'hello', 10, 'hello'],
		['fits exactly', 'hello', 5, 'hello'],
		['cut with an ellipsis', 'hello world', 5, 'hell\u2026'],
		['width 1 is only the ellipsis', 'hello', 1, '\u2026'],
		['width 0', 'hello', 0, ''],
		['negative width', 'hello', -3, ''],
		['empty text', '', 5, ''],
		['fractional width rounds down', 'hello world', 5.9, 'hell\u2026'],
		['wide char that would straddle the edge is dropped', 'ab\u4e2d\u6587', 4, 'ab\u2026'],
		['wide char that fits before the ellipsis', 'ab\u4e2d\u6587', 5, 'ab\u4e2d\u2026'],
		['wide chars that fit exactly', 'ab\u4e2d\u6587', 6, 'ab\u4e2d\u6587'],
		['CJK cut at an odd width', '\u4e2d\u6587\u5b57', 5, '\u4e2d\u6587\u2026'],
		['CJK cut at an even width', '\u4e2d\u6587\u5b57', 4, '\u4e2d\u2026'],
		['a wide char in 1 cell', '\u4e2d', 1, '\u2026'],
		['a wide char in 2 cells', '\u4e2d', 2, '\u4e2d'],
		['emoji', '\u{1f433}\u{1f433}', 3, '\u{1f433}\u2026'],
		['a ZWJ sequence is never split', '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}abc', 3, '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}\u2026'],
		['a flag is never split', '\u{1f1ef}\u{1f1f5}\u{1f1fa}\u{1f1e6}', 3, '\u{1f1ef}\u{1f1f5}\u2026'],
		['combining marks stay with their base', 'e\u0301e\u0301e\u0301', 2, 'e\u0301\u2026'],
		['long CJK', '\u4e2d'.repeat(50_000), 7, '\u4e2d\u4e2d\u4e2d\u2026'],
	];
	for (const [name, text, width, result] of cases) {
		test(name, () => {
			assert.equal(truncate(text, width), result);
		});
	}

	test('never returns more cells than asked', () => {
		const text = 'a\u4e2d\u{1f433}e\u0301\u{1f1ef}\u{1f1f5}b'.repeat(5);
		for (let width = 0; width <= 40; width++) {
			assert.ok(stringWidth(truncate(text, width)) <= width, `width ${width}`);
		}
	});

	test('handles a grapheme cluster longer than a segmenter window', () => {
		// Raw (unsanitized) text: a base with 1000 combining marks is one cluster of
		// 1001 code units. (A regression here loops forever, which the runner's
		// timeout cannot interrupt: the whole run hangs.)
		const marks = '\u0301'.repeat(1000);
		assert.equal(truncate(`e${marks}abc`, 3), `e${marks}a\u2026`);
		assert.equal(displayWidth(`${'x'.repeat(300)}e${marks}abc`), 304);
	});

	test('costs O(width) on a 100 KB line', () => {
		const huge = sanitize(hugeLine);
		truncate(huge, 80);
		const start = performance.now();
		for (let i = 0; i < 100; i++) truncate(huge, 80);
		const elapsed = performance.now() - start;
		// ~0.3 ms each; Intl.Segmenter over the whole string would take ~40 ms each.
		assert.ok(elapsed < 500, `${elapsed} ms for 100`);
		assert.equal(displayWidth(truncate(huge, 80)), 80);
	});
});

describe('padEnd', () => {
	const cases: Array<[string, string, number, string]> = [
		['pads ASCII', 'ab', 5, 'ab   '],
		['pads a wide char by cells', '\u4e2d', 3, '\u4e2d '],
		['pads the cell a dropped wide char leaves', 'ab\u4e2d\u6587', 4, 'ab\u2026 '],
		['cuts what is too wide', 'hello world', 5, 'hell\u2026'],
		['pads empty text', '', 3, '   '],
		['width 0', 'x', 0, ''],
		['negative width', 'x', -1, ''],
		['exact fit', 'abc', 3, 'abc'],
	];
	for (const [name, text, width, result] of cases) {
		test(name, () => {
			assert.equal(padEnd(text, width), result);
		});
	}
});

describe('padStart', () => {
	const cases: Array<[string, string, number, string]> = [
		['right-aligns a number', '42', 5, '   42'],
		['pads a wide char by cells', '\u4e2d', 3, ' \u4e2d'],
		['cuts what is too wide', '123456', 4, '123\u2026'],
		['pads the cell a dropped wide char leaves', 'ab\u4e2d\u6587', 4, ' ab\u2026'],
		['width 0', '1', 0, ''],
	];
	for (const [name, text, width, result] of cases) {
		test(name, () => {
			assert.equal(padStart(text, width), result);
		});
	}
});
