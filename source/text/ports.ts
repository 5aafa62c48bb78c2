// The PORTS column as `docker ps` writes it.
import type {PortMapping} from '../engine/engine.js';

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
