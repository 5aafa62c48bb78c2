// A raw stats reading → StatsSample, with the docker CLI's own formulas
// (cli/command/container/stats_helpers.go), so dtui and `docker stats` agree.
// Podman and old daemons leave fields out: every one may be missing.
import type {StatsSample} from '../engine/container-io.js';

type Json = Record<string, unknown>;

function record(value: unknown): Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function count(value: unknown): number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

/** CPUs online; old daemons only list per-CPU usage. */
function onlineCpus(cpuStats: Json): number {
	const perCpu = record(cpuStats['cpu_usage'])['percpu_usage'];
	return count(cpuStats['online_cpus']) || (Array.isArray(perCpu) ? perCpu.length : 0);
}

/**
 * A reading whose `precpu_stats` is empty (Podman's: it leaves the previous reading to
 * the client) gets the previous reading's `cpu_stats` there, as dockerd would have sent.
 */
export function withPreviousCpu(raw: unknown, previous: unknown): unknown {
	const reading = record(raw);
	const before = record(reading['precpu_stats']);
	if (previous === undefined || count(before['system_cpu_usage']) !== 0 || count(record(before['cpu_usage'])['total_usage']) !== 0) return raw;
	return {...reading, precpu_stats: record(previous)['cpu_stats']};
}

/**
 * CPU % as `docker stats` computes it: the container's CPU time over the host's in the
 * same interval, times the CPUs online, × 100. Undefined without a previous reading.
 */
export function cpuPercent(raw: unknown): number | undefined {
	const now = record(record(raw)['cpu_stats']);
	const before = record(record(raw)['precpu_stats']);
	const usage = count(record(now['cpu_usage'])['total_usage']);
	const previousUsage = count(record(before['cpu_usage'])['total_usage']);
	const system = count(now['system_cpu_usage']);
	const previousSystem = count(before['system_cpu_usage']);
	if (previousSystem === 0 && previousUsage === 0) return undefined;
	const online = onlineCpus(now);
	const cpuDelta = usage - previousUsage;
	const systemDelta = system - previousSystem;
	return systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * online * 100 : 0;
}

/**
 * Memory in use without the page cache the kernel can drop, as `docker stats` shows:
 * usage less total_inactive_file (cgroup v1) or inactive_file (cgroup v2).
 */
export function memoryUsage(raw: unknown): number {
	const memory = record(record(raw)['memory_stats']);
	const usage = count(memory['usage']);
	const stats = record(memory['stats']);
	if ('total_inactive_file' in stats) {
		const inactive = count(stats['total_inactive_file']);
		if (inactive < usage) return usage - inactive;
	}

	const inactive = count(stats['inactive_file']);
	return inactive < usage ? usage - inactive : usage;
}

function sumNetworks(raw: unknown, key: 'rx_bytes' | 'tx_bytes'): number {
	return Object.values(record(record(raw)['networks'])).reduce<number>((sum, network) => sum + count(record(network)[key]), 0);
}

/** Bytes read and written, summed over devices (cgroup v1 says Read/Write, v2 read/write). */
function blockIo(raw: unknown): {read: number; write: number} {
	const entries = record(record(raw)['blkio_stats'])['io_service_bytes_recursive'];
	let read = 0;
	let write = 0;
	for (const entry of Array.isArray(entries) ? entries : []) {
		const op = String(record(entry)['op']).toLowerCase();
		if (op === 'read') read += count(record(entry)['value']);
		if (op === 'write') write += count(record(entry)['value']);
	}

	return {read, write};
}

export function mapStats(raw: unknown): StatsSample {
	const json = record(raw);
	const read = typeof json['read'] === 'string' ? Date.parse(json['read']) : Number.NaN;
	// A stopped container's reading has the zero time (0001-01-01): use the clock instead.
	const time = Number.isFinite(read) && read > 0 ? read : Date.now();
	const limit = count(record(json['memory_stats'])['limit']);
	const usage = memoryUsage(raw);
	const cpu = cpuPercent(raw);
	const io = blockIo(raw);
	const pids = record(json['pids_stats'])['current'];
	return {
		time,
		...(cpu === undefined ? {} : {cpuPercent: cpu}),
		onlineCpus: onlineCpus(record(json['cpu_stats'])),
		memoryUsage: usage,
		memoryLimit: limit,
		...(limit > 0 ? {memoryPercent: (usage / limit) * 100} : {}),
		networkRx: sumNetworks(raw, 'rx_bytes'),
		networkTx: sumNetworks(raw, 'tx_bytes'),
		blockRead: io.read,
		blockWrite: io.write,
		...(typeof pids === 'number' && Number.isFinite(pids) ? {pids} : {}),
	};
}
