// The Markdown table the README's "Performance" section shows, from the JSON records.

const figures = [
	['first frame with rows (median)', 'first_frame_ms', 'ms', '≤ 250 (N = 200)'],
	['… and answering a key sent then', 'usable_ms', 'ms', ''],
	['`docker ps -a` (the floor, median)', 'docker_ps_ms', 'ms', ''],
	['idle CPU, dtui', 'idle_cpu_pct', '%', '≤ 0.5'],
	['idle CPU, the daemon', 'daemon_cpu_pct', '%', ''],
	['… the daemon without dtui', 'daemon_cpu_baseline_pct', '%', ''],
	['… caused by dtui (difference)', 'daemon_cpu_by_dtui_pct', '%', '≤ 1'],
	['written to the terminal while idle', 'idle_bytes_per_s', 'B/s', '0'],
	['the next 30 s, one safety poll in it: CPU, dtui', 'poll_cpu_pct', '%', ''],
	['… the daemon', 'poll_daemon_cpu_pct', '%', ''],
	['… written (the AGE / STATUS text that changed)', 'poll_bytes_per_s', 'B/s', ''],
	['RSS after idling', 'rss_mib', 'MiB', '≤ 80; ≤ 120 at N = 1000'],
	['peak RSS', 'rss_peak_mib', 'MiB', ''],
	['key → frame, median', 'key_ms_median', 'ms', '≤ 10'],
	['key → frame, p95', 'key_ms_p95', 'ms', '≤ 30 at N = 1000'],
];

const show = value => (typeof value === 'number' && Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '—');

export function report(results, flood, fleet) {
	const header = `| | ${results.map(result => `N = ${result.n} (${result.running} running)`).join(' | ')} | target |`;
	const rule = `|---|${results.map(() => '---:').join('|')}|---|`;
	const rows = figures.map(([label, key, unit, target]) => `| ${label} (${unit}) | ${results.map(result => show(result[key])).join(' | ')} | ${target} |`);
	const lines = [header, rule, ...rows];
	if (flood) {
		lines.push('');
		lines.push(
			flood.supported
				? `Following a container writing ~10 000 lines/s (N = ${flood.n}): key → frame median ${show(flood.key_ms_median)} ms, p95 ${show(flood.key_ms_p95)} ms (target ≤ 50); RSS ${show(flood.rss_start_mib)} → ${show(flood.rss_end_mib)} MiB (peak ${show(flood.rss_peak_mib)}); dtui CPU ${show(flood.cpu_pct)} %.`
				: `Following a flooding container: not measured (${flood.note}).`,
		);
	}

	if (fleet) {
		lines.push('');
		lines.push(
			`Two daemons in one dashboard (N = ${fleet.n_per_host} on each): first frame ${show(fleet.first_frame_ms)} ms; idle CPU dtui ${show(fleet.idle_cpu_pct)} %, both daemons ${show(fleet.daemons_cpu_pct)} %; ${show(fleet.idle_bytes_per_s)} B/s written while idle; RSS ${show(fleet.rss_mib)} MiB; key → frame median ${show(fleet.key_ms_median)} ms, p95 ${show(fleet.key_ms_p95)} ms.`,
		);
	}

	return lines.join('\n');
}
