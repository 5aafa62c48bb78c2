// Pure formatters for the tables, following the docker CLI's conventions so a
// dtui column reads like the same column of `docker ps` / `docker images`.
const ID_LENGTH = 12;

/** `sha256:4f0c…` or a bare 64-hex id → the 12 characters `docker ps` shows. */
export function shortId(id: string): string {
	const hex = id.startsWith('sha256:') ? id.slice('sha256:'.length) : id;
	return hex.slice(0, ID_LENGTH);
}

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'] as const;

/** `%.3g` without Go's exponent form: 3 (or `digits`) significant digits, trailing zeros dropped. */
function significant(value: number, digits: number): number {
	return Number(value.toPrecision(digits));
}

/**
 * A byte count as the docker CLI prints it (go-units HumanSizeWithPrecision): SI units,
 * base 1000, 3 significant digits: `0B`, `999B`, `12.3kB`, `1.99MB`, `117MB` (4 is
 * go-units' plain HumanSize: `1.985MB`). Unlike the CLI, a value that rounds up to 1000
 * moves to the next unit (`1MB`, not `1e+03kB`). Fractions of a byte round to whole
 * bytes. Negative, NaN, infinite or missing → `-`.
 */
export function formatBytes(bytes: number | undefined, digits = 3): string {
	if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '-';
	let size = Math.round(bytes);
	let unit = 0;
	while (significant(size, digits) >= 1000 && unit < BYTE_UNITS.length - 1) {
		size /= 1000;
		unit++;
	}

	return `${significant(size, digits)}${BYTE_UNITS[unit]}`;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const YEAR = 365 * DAY;

/**
 * How long ago, in one compact unit like k9s (fits a 3-cell column for all
 * but a century): seconds below a minute (`59s`), minutes below an hour
 * (`59m`), hours below a day (`23h`), days below two weeks (`13d`), weeks
 * below a year (`52w`), then years of 365 days (`2y`). Always rounded down:
 * `2h` means at least two hours. Times in the future (clock skew between the
 * daemon and us) → `0s`; a missing or zero creation time → `-`.
 */
export function formatAge(createdUnixSeconds: number | undefined, nowMs: number): string {
	if (createdUnixSeconds === undefined || !Number.isFinite(createdUnixSeconds) || createdUnixSeconds <= 0) return '-';
	const seconds = Math.max(0, Math.floor(nowMs / 1000 - createdUnixSeconds));
	if (seconds < MINUTE) return `${seconds}s`;
	if (seconds < HOUR) return `${Math.floor(seconds / MINUTE)}m`;
	if (seconds < DAY) return `${Math.floor(seconds / HOUR)}h`;
	if (seconds < 2 * WEEK) return `${Math.floor(seconds / DAY)}d`;
	if (seconds < YEAR) return `${Math.floor(seconds / WEEK)}w`;
	return `${Math.floor(seconds / YEAR)}y`;
}

/** `1 container`, `3 containers`, `0 containers`; irregular plurals passed in. */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
	return `${count} ${count === 1 ? singular : plural}`;
}

/**
 * How the docker CLI words a duration ("Less than a second", "About a minute",
 * "3 hours", "2 weeks"): docker/go-units HumanDuration, so `dtui ps` reads like `docker ps`.
 */
export function humanDuration(seconds: number): string {
	const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
	if (seconds < 1) return 'Less than a second';
	if (seconds === 1) return '1 second';
	if (seconds < 60) return `${Math.floor(seconds)} seconds`;
	const minutes = Math.floor(seconds / 60);
	if (minutes === 1) return 'About a minute';
	if (minutes < 60) return plural(minutes, 'minute');
	const hours = Math.round(seconds / 3600);
	if (hours === 1) return 'About an hour';
	if (hours < 48) return plural(hours, 'hour');
	if (hours < 24 * 7 * 2) return plural(Math.floor(hours / 24), 'day');
	if (hours < 24 * 30 * 2) return plural(Math.floor(hours / 24 / 7), 'week');
	if (hours < 24 * 365 * 2) return plural(Math.floor(hours / 24 / 30), 'month');
	return plural(Math.floor(hours / 24 / 365), 'year');
}
