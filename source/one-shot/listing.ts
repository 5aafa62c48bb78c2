// What every `dtui ps|images|networks|volumes` prints, from rows each command builds:
// a table, JSON lines or ids; for several hosts, the same with the host first.
import {humanDuration} from '../text/format.js';
import {formatTable} from './print-table.js';

export type ListFormat = 'table' | 'wide' | 'json';

/** The flags every list command takes, checked (`wide` is ps only, `all` ps and images). */
export type ListOptions = {
	readonly all: boolean;
	readonly quiet: boolean;
	readonly noTrunc: boolean;
	readonly format: ListFormat;
	readonly filters: Readonly<Record<string, readonly string[]>>;
	/** Milliseconds; "2 hours ago" is counted from it, once for every row. */
	readonly now: number;
};

/** What building rows needs of them. */
export type RowOptions = Pick<ListOptions, 'noTrunc' | 'now'>;

/** One object as each output shows it. Every string is already sanitised. */
export type ListingRow = {
	/** The table's cells, in the order of the listing's headers. */
	readonly cells: readonly string[];
	/** `--format json`: docker's field names. */
	readonly json: Readonly<Record<string, string>>;
	/** `-q`. */
	readonly id: string;
};

export type Listing = {
	readonly headers: readonly string[];
	readonly rows: readonly ListingRow[];
	/** Columns cut with an ellipsis, by index (see formatTable). */
	readonly maxWidth?: Readonly<Record<number, number>>;
};

export type OutputMode = 'table' | 'json' | 'quiet';

/** `-q` wins over --format, as in docker. */
export function outputMode(options: Pick<ListOptions, 'quiet' | 'format'>): OutputMode {
	return options.quiet ? 'quiet' : options.format === 'json' ? 'json' : 'table';
}

/** One host's answer; `label` only when several hosts are listed together. */
export type HostListing = {
	readonly label?: string;
	readonly listing: Listing;
};

function shifted(maxWidth: Readonly<Record<number, number>> = {}): Record<number, number> {
	return Object.fromEntries(Object.entries(maxWidth).map(([index, width]) => [Number(index) + 1, width]));
}

/**
 * The hosts' rows in the order given. With labels, a HOST column leads the table and a
 * `Host` field each JSON line (ids stay bare, for `xargs`). Nothing at all when no host
 * answered; a header alone when they answered with nothing.
 */
export function renderListings(hosts: readonly HostListing[], mode: OutputMode): string {
	const first = hosts[0];
	if (first === undefined) return '';
	const rows = hosts.flatMap(host => host.listing.rows.map(row => ({label: host.label, row})));
	if (mode === 'quiet') return rows.map(({row}) => `${row.id}\n`).join('');
	if (mode === 'json') return rows.map(({label, row}) => `${JSON.stringify(label === undefined ? row.json : {Host: label, ...row.json})}\n`).join('');
	const {headers, maxWidth} = first.listing;
	if (first.label === undefined) return formatTable(headers, rows.map(({row}) => row.cells), maxWidth);
	return formatTable(['HOST', ...headers], rows.map(({label, row}) => [label ?? '', ...row.cells]), shifted(maxWidth));
}

/** docker's CREATED column ("2 hours ago"); `nowMs` fixed once per command. */
export function timeAgo(unixSeconds: number, nowMs: number): string {
	return `${humanDuration(Math.max(0, nowMs / 1000 - unixSeconds))} ago`;
}

/** Go's time.Time.String() layout, "2006-01-02 15:04:05 -0700 MST", in UTC: what docker's JSON has for CreatedAt. */
export function goTime(unixSeconds: number): string {
	return `${new Date(unixSeconds * 1000).toISOString().replace('T', ' ').slice(0, 19)} +0000 UTC`;
}

/** `a=1,b=2`: labels as docker's JSON lines join them. */
export function joinLabels(labels: Readonly<Record<string, string>>): string {
	return Object.entries(labels).map(([key, value]) => `${key}=${value}`).join(',');
}
