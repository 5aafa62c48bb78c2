// Pure formatters for the tables, following the docker CLI's conventions so a
// dtui column reads like the same column of `docker ps` / `docker images`.
import type {PortMapping} from '../engine/engine.js';

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

/** One published or exposed port, with the host address already reduced to what is shown. */
type Port = {
	/** '' when bound to every address (or the daemon did not say). */
	readonly host: string;
	readonly publicPort: number | undefined;
	readonly privatePort: number;
	readonly type: string;
};

/** A run of ports that differ only by a constant step of 1 on both sides. */
type PortRange = {
	readonly first: Port;
	readonly count: number;
};

const IPV4_ANY = '0.0.0.0';
const IPV6_ANY = '::';

function mappingKey(port: PortMapping): string {
	return `${port.publicPort ?? ''}->${port.privatePort}/${port.type}`;
}

/** `127.0.0.1:`, `[::1]:`, as net.JoinHostPort would write the host part. */
function hostPrefix(ip: string): string {
	return ip.includes(':') ? `[${ip}]:` : `${ip}:`;
}

/**
 * Dockerd reports a port published on all addresses twice, as 0.0.0.0 and ::.
 * Such a pair is shown once without an address; a lone wildcard keeps its own
 * (a port bound on 0.0.0.0 only is not reachable over IPv6), and so does a
 * specific address. Exact duplicates are dropped.
 */
function normalisePorts(ports: readonly PortMapping[]): Port[] {
	const ipsByMapping = new Map<string, Set<string>>();
	for (const port of ports) {
		const key = mappingKey(port);
		const ips = ipsByMapping.get(key) ?? new Set<string>();
		ips.add(port.publicPort === undefined ? '' : port.ip ?? '');
		ipsByMapping.set(key, ips);
	}

	const seen = new Set<string>();
	const result: Port[] = [];
	for (const port of ports) {
		const key = mappingKey(port);
		const ips = ipsByMapping.get(key)!;
		let ip = port.publicPort === undefined ? '' : port.ip ?? '';
		if ((ip === IPV4_ANY || ip === IPV6_ANY) && ips.has(IPV4_ANY) && ips.has(IPV6_ANY)) ip = '';
		const host = ip === '' ? '' : hostPrefix(ip);
		if (seen.has(`${host}${key}`)) continue;
		seen.add(`${host}${key}`);
		result.push({host, publicPort: port.publicPort, privatePort: port.privatePort, type: port.type});
	}

	return result;
}

/** Published ports first, by host port; then exposed-only ones; then by container port, protocol and address. */
function comparePorts(a: Port, b: Port): number {
	const aPublic = a.publicPort ?? Number.POSITIVE_INFINITY;
	const bPublic = b.publicPort ?? Number.POSITIVE_INFINITY;
	if (aPublic !== bPublic) return aPublic - bPublic;
	if (a.privatePort !== b.privatePort) return a.privatePort - b.privatePort;
	if (a.type !== b.type) return a.type < b.type ? -1 : 1;
	if (a.host !== b.host) return a.host < b.host ? -1 : 1;
	return 0;
}

function continues(range: PortRange, next: Port): boolean {
	const {first, count} = range;
	if (next.host !== first.host || next.type !== first.type || next.privatePort !== first.privatePort + count) return false;
	if (first.publicPort === undefined || next.publicPort === undefined) return first.publicPort === next.publicPort;
	return next.publicPort === first.publicPort + count;
}

/**
 * Consecutive ports collapse into ranges, as `docker ps` does for ports
 * published one-to-one (`8000-8002->8000-8002/tcp`); here also when host and
 * container ports are offset by a constant (`9000-9001->80-81/tcp`).
 */
function collapseRanges(ports: readonly Port[]): PortRange[] {
	// Group by address and protocol first: in the sorted list a run of one
	// address can be interleaved with another's.
	const groups = new Map<string, Port[]>();
	for (const port of [...ports].sort(comparePorts)) {
		const key = `${port.host} ${port.type} ${port.publicPort === undefined}`;
		const group = groups.get(key) ?? [];
		group.push(port);
		groups.set(key, group);
	}

	const ranges: PortRange[] = [];
	for (const group of groups.values()) {
		let current: PortRange | undefined;
		for (const port of group) {
			if (current && continues(current, port)) {
				current = {first: current.first, count: current.count + 1};
				continue;
			}

			if (current) ranges.push(current);
			current = {first: port, count: 1};
		}

		if (current) ranges.push(current);
	}

	return ranges.sort((a, b) => comparePorts(a.first, b.first));
}

function portSpan(first: number, count: number): string {
	return count === 1 ? `${first}` : `${first}-${first + count - 1}`;
}

function formatRange({first, count}: PortRange): string {
	const container = `${portSpan(first.privatePort, count)}/${first.type}`;
	if (first.publicPort === undefined) return container;
	return `${first.host}${portSpan(first.publicPort, count)}->${container}`;
}

/**
 * The PORTS column: `0.0.0.0:8080->80/tcp, 443/tcp` in the manner of
 * `docker ps`, sorted by host port (exposed-only ports last), the IPv4/IPv6
 * wildcard pair shown once as `8080->80/tcp`, consecutive ports as ranges.
 */
export function formatPorts(ports: readonly PortMapping[]): string {
	return collapseRanges(normalisePorts(ports)).map(formatRange).join(', ');
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
