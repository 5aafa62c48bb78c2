// Untrusted text → inert, width-correct text.
//
// Everything dtui draws that came from a container (names, commands, labels,
// image names, log lines) is attacker-controlled. A terminal acts on some of
// those characters (escape sequences can clear the screen, set the title, write
// the clipboard, hide the cursor…) and others lie about what is on screen (bidi
// overrides, zero-width characters, `\r` / `\b` overwrites). `sanitize` turns
// all of them into plain, visible ASCII so the user sees that they are there,
// and so the text can do nothing but be displayed. cell-width.ts then measures
// and cuts it as Ink lays it out.
/** Nothing to do for these: every byte is a printable ASCII character, one cell wide. */
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;

const ZERO_WIDTH_JOINER = 0x20_0d;
const REPLACEMENT_CHARACTER = '\ufffd';
/** How many combining marks a base character may carry; more is zalgo stacking that paints over neighbouring lines. */
const MAX_COMBINING_MARKS = 2;

// One pass, one regex, so the cost is linear in the input. The groups let the
// callback tell the cases apart without re-testing the match:
//   1. an RGI emoji tag sequence (the England / Scotland / Wales flags): kept
//      whole; outside of one, tag characters are invisible text smuggling.
//   2. a run of combining marks that is too long, or one at the very start
//      (nothing to sit on).
//   3. any single character that must not reach the terminal as it is: C0, DEL,
//      C1, lone surrogates, format characters (bidi controls, zero-width
//      characters, soft hyphen, BOM, tags…), private use, unassigned, line and
//      paragraph separators, the Hangul fillers (blank glyphs that string-width
//      counts as 0 cells but terminals draw as 1 or 2), and emoji skin-tone
//      modifiers (the callback keeps those that follow an emoji that takes one).
// Built from a string because tsc only accepts a /v literal when targeting
// ES2024; Node 20 (V8 11.3) runs it. The v flag is what lets \p{} name a
// sequence property (RGI_Emoji_Tag_Sequence) and keeps paired surrogates whole.
const UNSAFE = new RegExp(
	String.raw`(\p{RGI_Emoji_Tag_Sequence})|(\p{M}{3,}|^\p{M}{1,2})|[\u0000-\u001f\u007f-\u009f\p{Cs}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Emoji_Modifier}\u115f\u1160\u3164\uffa0]`,
	'gv',
);

const EXTENDED_PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
const EMOJI_MODIFIER_BASE = /^\p{Emoji_Modifier_Base}$/u;
const EMOJI_MODIFIER = /^\p{Emoji_Modifier}$/u;

/** What each code point below U+00A0 becomes: caret notation for C0 and DEL, `<XX>` for C1. */
const CONTROL_TEXT: readonly string[] = Array.from({length: 0xa0}, (_, code) => {
	// A tab's width depends on the cursor column, which a table cell cannot know.
	if (code === 0x09) return ' ';
	if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
	if (code === 0x7f) return '^?';
	if (code >= 0x80) return `<${code.toString(16).toUpperCase()}>`;
	return String.fromCharCode(code);
});

/** `<U+202E>`: the code point spelled out, so the user sees that something was there and what. */
function visibleCodePoint(codePoint: number): string {
	return `<U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** The code point that ends just before `index`, or undefined at the start. */
function codePointBefore(text: string, index: number): number | undefined {
	if (index <= 0) return undefined;
	const low = text.charCodeAt(index - 1);
	if (low >= 0xdc_00 && low <= 0xdf_ff && index >= 2) {
		const high = text.charCodeAt(index - 2);
		if (high >= 0xd8_00 && high <= 0xdb_ff) return text.codePointAt(index - 2);
	}

	return low;
}

function isExtendedPictographic(codePoint: number | undefined): boolean {
	return codePoint !== undefined && EXTENDED_PICTOGRAPHIC.test(String.fromCodePoint(codePoint));
}

/**
 * A ZWJ between two emoji (👨‍👩‍👧, 🏳️‍🌈, 🧑🏽‍💻) builds one glyph, and string-width
 * measures such a cluster as one wide character; anywhere else it is an
 * invisible character, so it is shown.
 */
function joinsEmoji(text: string, offset: number): boolean {
	let before = codePointBefore(text, offset);
	// Skip the VS16 or skin tone that may sit between the emoji and the joiner.
	if (before !== undefined && (before === 0xfe_0f || EMOJI_MODIFIER.test(String.fromCodePoint(before)))) {
		before = codePointBefore(text, offset - (before > 0xff_ff ? 2 : 1));
	}

	return isExtendedPictographic(before) && isExtendedPictographic(text.codePointAt(offset + 1));
}

/**
 * A skin tone after an emoji that takes one is part of that emoji (👍🏻). After
 * anything else the terminal draws a 2-cell swatch while string-width, seeing
 * it inside the previous character's cluster, counts 0: shown as text instead.
 */
function modifiesEmoji(text: string, offset: number): boolean {
	const before = codePointBefore(text, offset);
	return before !== undefined && EMOJI_MODIFIER_BASE.test(String.fromCodePoint(before));
}

/**
 * Keep the first marks of a run and drop the rest. A run at the very start gets
 * a space to sit on: otherwise the terminal would stack it onto whatever is
 * drawn to the left of the cell (a border, the previous column).
 */
function limitMarks(run: string, offset: number): string {
	let end = 0;
	for (let kept = 0; kept < MAX_COMBINING_MARKS && end < run.length; kept++) {
		end += run.codePointAt(end)! > 0xff_ff ? 2 : 1;
	}

	const marks = run.slice(0, end);
	return offset === 0 ? ` ${marks}` : marks;
}

function neutralise(match: string, tagSequence: string | undefined, markRun: string | undefined, offset: number, text: string): string {
	if (tagSequence !== undefined) return match;
	if (markRun !== undefined) return limitMarks(markRun, offset);
	const codePoint = match.codePointAt(0)!;
	if (codePoint < 0xa0) return CONTROL_TEXT[codePoint] ?? REPLACEMENT_CHARACTER;
	// With the v flag a surrogate only matches on its own, i.e. unpaired.
	if (codePoint >= 0xd8_00 && codePoint <= 0xdf_ff) return REPLACEMENT_CHARACTER;
	if (codePoint === ZERO_WIDTH_JOINER && joinsEmoji(text, offset)) return match;
	if (EMOJI_MODIFIER.test(match) && modifiesEmoji(text, offset)) return match;
	return visibleCodePoint(codePoint);
}

/**
 * Make one line of untrusted text inert: the result holds no character a
 * terminal acts on (no C0, DEL or C1 at all) and nothing invisible that could
 * disguise it. Control characters read as caret notation (`^[`, `^M`, `^?`),
 * C1 as `<9B>`, TAB as one space, invisible and bidi characters as `<U+202E>`,
 * lone surrogates as U+FFFD; combining marks are capped at two per character.
 * Emoji (also ZWJ sequences, flags, skin tones) and CJK stay as they are.
 * Idempotent: sanitizing sanitized text changes nothing.
 */
export function sanitize(text: string): string {
	if (PRINTABLE_ASCII.test(text)) return text;
	return text.replace(UNSAFE, neutralise);
}

/**
 * Split untrusted multi-line text (a log chunk, a label value) on `\n` and
 * `\r\n`, and sanitize each line. A `\r` anywhere else stays visible as `^M`,
 * so a line cannot rewrite itself. A final line break ends the last line rather
 * than starting an empty one, so `''` gives no lines and `'a\n'` gives `['a']`.
 */
export function sanitizeMultiline(text: string): string[] {
	if (text === '') return [];
	const lines = text.split(/\r?\n/);
	if (lines.at(-1) === '') lines.pop();
	return lines.map(line => sanitize(line));
}
