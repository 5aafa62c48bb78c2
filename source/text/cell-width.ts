// Width-correct text for the terminal's cells: measured with `string-width`, the same
// library Ink lays out with, so dtui's columns and Ink's boxes agree; cut and padded by
// grapheme cluster, never through one. Takes text that sanitize.ts made inert.
import stringWidth from 'string-width';

/**
 * One cell per UTF-16 unit, for measuring: printable ASCII and the few symbols dtui draws
 * itself (separators, the cursor, the mark, the ellipsis, fold arrows), which string-width
 * measures as 1 each whatever follows them. Most screens then need no grapheme segmenter
 * at all, which costs ~20 ms to create (the first frame's budget, see bench/).
 */
const ONE_CELL_EACH = /^[\u0020-\u007e·›●…▸▾—✖]*$/;
// East Asian Ambiguous, so one cell for string-width (and Ink) as for most terminals.
const ELLIPSIS = '…';

// Made when first needed: see ONE_CELL_EACH.
let graphemes: Intl.Segmenter | undefined;

/**
 * Code units handed to Intl.Segmenter at a time. V8's segment iterator costs
 * time proportional to the whole string on every step (a 64 KB string takes
 * over a second to walk), so long text is segmented a window at a time.
 */
const SEGMENT_WINDOW = 256;

type Cluster = {readonly segment: string; readonly index: number};

/**
 * The grapheme clusters of `text`, as `Intl.Segmenter` finds them, in linear
 * time. Whether a boundary falls before a character depends only on what comes
 * before it and on that character, so every boundary inside a window is right
 * except the window's end: the last cluster of a window (which may continue
 * past it) is segmented again as the start of the next window.
 */
function* clusters(text: string): Generator<Cluster> {
	let start = 0;
	let size = SEGMENT_WINDOW;
	while (start < text.length) {
		let end = Math.min(text.length, start + size);
		// Never split a surrogate pair: half a character would fake a boundary.
		if (end < text.length && (text.charCodeAt(end - 1) & 0xfc_00) === 0xd8_00) end++;
		let pending: Intl.SegmentData | undefined;
		graphemes ??= new Intl.Segmenter();
		for (const data of graphemes.segment(text.slice(start, end))) {
			if (pending) yield {segment: pending.segment, index: start + pending.index};
			pending = data;
		}

		if (pending === undefined) return;
		if (end === text.length) {
			yield {segment: pending.segment, index: start + pending.index};
			return;
		}

		// One cluster filled the whole window (a base with a huge tail of marks): look further.
		if (pending.index === 0) {
			size *= 2;
			continue;
		}

		start += pending.index;
		size = SEGMENT_WINDOW;
	}
}

// string-width spends microseconds per call (segmenting, emoji regexes) and the
// same clusters come back all the time (a CJK line, the same emoji), so widths
// are remembered. Cleared when full, which keeps it bounded without bookkeeping.
const clusterWidthCache = new Map<string, number>();
const CLUSTER_WIDTH_CACHE_SIZE = 4096;

function clusterWidth(cluster: string): number {
	if (cluster.length === 1) {
		const code = cluster.charCodeAt(0);
		if (code >= 0x20 && code <= 0x7e) return 1;
	}

	let width = clusterWidthCache.get(cluster);
	if (width === undefined) {
		width = stringWidth(cluster);
		if (clusterWidthCache.size >= CLUSTER_WIDTH_CACHE_SIZE) clusterWidthCache.clear();
		clusterWidthCache.set(cluster, width);
	}

	return width;
}

/**
 * Terminal cells `text` takes, as Ink will measure it (string-width). Meant for
 * sanitized text; raw text with escape sequences is measured as string-width
 * does, with the sequences stripped.
 */
export function displayWidth(text: string): number {
	if (ONE_CELL_EACH.test(text)) return text.length;
	// string-width strips ANSI sequences from the whole string before measuring,
	// which a cluster at a time cannot reproduce; short strings are cheap anyway.
	if (text.length <= SEGMENT_WINDOW || text.includes('\u001b') || text.includes('\u009b')) return stringWidth(text);
	let width = 0;
	for (const {segment} of clusters(text)) width += clusterWidth(segment);
	return width;
}

type Fitted = {readonly text: string; readonly width: number};

/**
 * Cut `text` to at most `width` cells, with `…` when cut, and report the width
 * of the result. Walks grapheme clusters and stops as soon as the limit is
 * passed, so it costs O(width), not O(text). A wide character that would not
 * fit is dropped whole; the result may then be a cell short of `width`.
 */
function fit(text: string, maxWidth: number): Fitted {
	const width = Math.floor(maxWidth);
	if (!(width > 0)) return {text: '', width: 0};
	if (ONE_CELL_EACH.test(text)) {
		if (text.length <= width) return {text, width: text.length};
		return {text: text.slice(0, width - 1) + ELLIPSIS, width};
	}

	// Where the text must end if it gets cut: the ellipsis needs one cell.
	let cutAt = 0;
	let cutWidth = 0;
	let used = 0;
	for (const {segment, index} of clusters(text)) {
		used += clusterWidth(segment);
		if (used > width) return {text: text.slice(0, cutAt) + ELLIPSIS, width: cutWidth + 1};
		if (used <= width - 1) {
			cutAt = index + segment.length;
			cutWidth = used;
		}
	}

	return {text, width: used};
}

function spaces(count: number): string {
	return count > 0 && Number.isFinite(count) ? ' '.repeat(count) : '';
}

/** At most `width` cells of `text`, ending in `…` when cut. `width` ≤ 0 gives ''. */
export function truncate(text: string, width: number): string {
	return fit(text, width).text;
}

/** Exactly `width` cells: `text` cut to fit, then spaces after it (left-aligned columns). */
export function padEnd(text: string, width: number): string {
	const fitted = fit(text, width);
	return fitted.text + spaces(Math.floor(width) - fitted.width);
}

/** Exactly `width` cells: `text` cut to fit, then spaces before it (right-aligned numeric columns). */
export function padStart(text: string, width: number): string {
	const fitted = fit(text, width);
	return spaces(Math.floor(width) - fitted.width) + fitted.text;
}
