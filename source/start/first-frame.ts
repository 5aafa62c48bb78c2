// The dashboard's first frame as plain text, for start.ts to write before Ink, React
// and dockerode have loaded (loading them takes longer here than everything else
// before the first frame together). It is the frame Ink then draws itself: the same
// header, title and table text (header-text.ts, table-text.ts and the containers view's
// own pure pieces), the cursor on the first row. The status lines are left blank.
// test/components/first-frame.test.tsx holds the two to the same text.
import {emptyList, place} from '../state/app-state.js';
import type {ContainerSummary, EngineInfo} from '../engine/engine.js';
import {headerText} from '../components/header-text.js';
import {headerLine, markerText, placeColumns, rowCells} from '../components/table-text.js';
import {displayWidth, truncate} from '../text/cell-width.js';
import {toneColor, theme} from '../components/theme.js';
import {containers} from '../views/containers.js';
import {arrangeRows, displayColumns} from '../views/row-groups.js';
import {visibleRows} from '../state/visible-rows.js';

export type FirstFrameInput = {
	readonly host: string;
	readonly info: EngineInfo;
	/** As the daemon listed them (sorted here, as the list store sorts them). */
	readonly containers: readonly ContainerSummary[];
	readonly readOnly: boolean;
	readonly columns: number;
	readonly rows: number;
	readonly now: number;
	readonly color: boolean;
};

// The SGR codes chalk (Ink's colours) uses for the few styles the first frame has.
const colors: Record<string, readonly [string, string]> = {
	cyan: ['\u001B[36m', '\u001B[39m'],
	gray: ['\u001B[90m', '\u001B[39m'],
	green: ['\u001B[32m', '\u001B[39m'],
	yellow: ['\u001B[33m', '\u001B[39m'],
	red: ['\u001B[31m', '\u001B[39m'],
	magenta: ['\u001B[35m', '\u001B[39m'],
};

/** The frame's lines (as many as the dashboard uses: one less than the terminal's), styled unless `color` is false. */
export function firstFrameLines(input: FirstFrameInput): string[] {
	const style = (text: string, color: string | undefined, bold = false, inverse = false): string => {
		if (!input.color || text === '') return text;
		const [open, close] = color ? (colors[color] ?? ['', '']) : ['', ''];
		return `${inverse ? '\u001B[7m' : ''}${bold ? '\u001B[1m' : ''}${open}${text}${close}${bold ? '\u001B[22m' : ''}${inverse ? '\u001B[27m' : ''}`;
	};

	const width = input.columns;
	// The layout app.tsx and resource-view.tsx give the containers view, nothing else open.
	const usable = Math.max(6, input.rows - 1);
	const screenHeight = Math.max(3, usable - 3);
	const tableHeight = Math.max(2, screenHeight - 1);
	const page = Math.max(1, tableHeight - 1);

	const items = [...input.containers].sort(containers.sort);
	const shown = visibleRows(containers, items, emptyList);
	const display = arrangeRows(containers, shown, items, emptyList.folded);
	const list = place(emptyList, display.map(row => row.id), page);
	const visible = display.slice(list.scrollTop, list.scrollTop + page);
	const columns = displayColumns(containers.columns, containers.group);
	const placed = placeColumns(columns, visible, width, input.now);

	const counts = {running: items.filter(item => item.state === 'running').length, total: items.length};
	const title = [`${containers.title} (${list.showAll ? 'all' : 'running'})`, `${shown.length} shown`].join(' · ');
	const head = [
		style(truncate(headerText(input.host, {state: 'connected', info: input.info}, counts, input.readOnly), width), theme.accent),
		style(truncate(title, width), theme.accent, true),
	];
	// Every container is shown (the view starts on all of them): no rows means none at all.
	const lines = shown.length === 0 ? [...head, style(truncate(containers.emptyMessage, width), theme.muted)] : [
		...head,
		style(truncate(headerLine(placed), width), undefined, true),
		...visible.map(row => {
			const selected = row.id === list.selectedId;
			const parts = [{text: markerText(selected, false), color: theme.mark}, ...rowCells(row, placed, input.now).map(cell => ({text: cell.text, color: cell.tone && toneColor[cell.tone]}))];
			const text = parts.map(part => part.text).join('');
			// The columns are laid out to fit; only a terminal narrower than the fixed
			// columns can overflow, and then the row is cut, unstyled, rather than wrap.
			if (displayWidth(text) > width) return truncate(text, width);
			return style(parts.map(part => style(part.text, part.color)).join(''), undefined, false, selected);
		}),
	];
	while (lines.length < usable) lines.push('');
	return lines;
}
