// The benchmark's containers: N in all, a quarter of them running (the N = 200
// has 50), a fifth of the running ones writing a log line every second. Idle ones
// sleep in one process (no busy loop, no process spawned per second), so the fixture
// itself costs the machine next to nothing between measurements. Names carry a prefix
// and only those are ever removed: on a shared daemon nothing else is touched.
import {call, expect, inParallel} from './engine-api.mjs';

export const prefix = 'dtuib-';

const idle = ['sh', '-c', 'trap "exit 0" TERM; sleep 2147483647 & wait'];
const logger = ['sh', '-c', 'trap "exit 0" TERM; i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1 & wait $!; done'];
// ~10 000 lines a second: bursts of 1000 lines every 100 ms (awk prints them in a few ms).
const flooder = ['awk', 'BEGIN { while (1) { for (i = 0; i < 1000; i++) print "flood line " n++ " the quick brown fox jumps over the lazy dog"; fflush(); system("usleep 100000") } }'];

/** How many of N run and how many of those log: integers, at least one of each when N > 0. */
export function shape(n) {
	const running = n === 0 ? 0 : Math.max(1, Math.round(n / 4));
	const loggers = running === 0 ? 0 : Math.max(1, Math.round(running / 5));
	return {running, loggers, stopped: n - running};
}

/** Names in the fixture for N: running ones (loggers first), then stopped ones. */
function names(n) {
	const {running, loggers, stopped} = shape(n);
	const pad = index => String(index).padStart(4, '0');
	return {
		running: Array.from({length: running}, (_, index) => ({name: `${prefix}run-${pad(index)}`, cmd: index < loggers ? logger : idle})),
		stopped: Array.from({length: stopped}, (_, index) => ({name: `${prefix}stop-${pad(index)}`, cmd: idle})),
	};
}

async function existing(socket) {
	const list = await expect(socket, 'GET', '/containers/json?all=1');
	return new Map(list.flatMap(info => (info.Names ?? []).map(name => [name.replace(/^\//, ''), info])));
}

// Logs stay small on disk; the flooding container's are large enough (~1.3 MB/s) not to
// rotate while it is followed (dockerd 20.10 can lose a follower on rotation).
async function create(socket, image, name, cmd, maxLogSize = '1m') {
	const body = {Image: image, Cmd: cmd, HostConfig: {NetworkMode: 'none', LogConfig: {Type: 'json-file', Config: {'max-size': maxLogSize, 'max-file': '1'}}}};
	await expect(socket, 'POST', `/containers/create?name=${encodeURIComponent(name)}`, body);
}

/**
 * Makes the daemon hold exactly the fixture for N (reusing what a smaller N left),
 * the running ones started, and no containers of ours beyond it. Resolves with how many
 * containers it removed, created and started.
 * @param {{socket: string, image: string, n: number, log?: (text: string) => void}} options
 */
export async function ensureFixture({socket, image, n, log = () => {}}) {
	const image404 = await call(socket, 'GET', `/images/${encodeURIComponent(image)}/json`);
	if (image404.status !== 200) throw new Error(`the image ${image} is not on the daemon (the benchmark never pulls; pass --image)`);
	const want = names(n);
	const have = await existing(socket);
	const wanted = new Set([...want.running, ...want.stopped].map(item => item.name));
	const extra = [...have.keys()].filter(name => name.startsWith(prefix) && !wanted.has(name));
	if (extra.length > 0) log(`removing ${extra.length} containers`);
	await inParallel(extra, 8, name => expect(socket, 'DELETE', `/containers/${encodeURIComponent(name)}?force=1`, undefined, [204, 404, 409]));
	const missing = [...want.running, ...want.stopped].filter(item => !have.has(item.name));
	if (missing.length > 0) log(`creating ${missing.length} containers`);
	await inParallel(missing, 8, item => create(socket, image, item.name, item.cmd));
	const now = await existing(socket);
	const toStart = want.running.filter(item => now.get(item.name)?.State !== 'running');
	if (toStart.length > 0) log(`starting ${toStart.length} containers`);
	await inParallel(toStart, 4, item => expect(socket, 'POST', `/containers/${encodeURIComponent(item.name)}/start`));
	return {removed: extra.length, created: missing.length, started: toStart.length};
}

/** A container writing ~10 000 lines a second, started; returns its name. */
export async function startFlood({socket, image}) {
	const name = `${prefix}flood`;
	await expect(socket, 'DELETE', `/containers/${name}?force=1`, undefined, [204, 404]);
	await create(socket, image, name, flooder, '200m');
	await expect(socket, 'POST', `/containers/${name}/start`);
	return name;
}

export async function removeContainer(socket, name) {
	await expect(socket, 'DELETE', `/containers/${encodeURIComponent(name)}?force=1`, undefined, [204, 404, 409]);
}

/** Removes every container of ours (and only those). */
export async function removeFixture(socket) {
	const have = await existing(socket);
	const ours = [...have.keys()].filter(name => name.startsWith(prefix));
	await inParallel(ours, 8, name => removeContainer(socket, name));
}

/** The rows the containers view shows, in its order (live first, then by name): to know what a key moves to. */
export async function expectedOrder(socket) {
	const live = new Set(['running', 'paused', 'restarting']);
	const list = await expect(socket, 'GET', '/containers/json?all=1');
	return list
		.map(info => ({name: (info.Names?.[0] ?? '').replace(/^\//, ''), live: live.has(info.State)}))
		.sort((a, b) => Number(b.live) - Number(a.live) || a.name.localeCompare(b.name))
		.map(item => item.name);
}
