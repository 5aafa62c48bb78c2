// The first frame before Ink: /version and the container list over node:http (the
// request goes out while nothing else is loaded), the frame from first-frame.ts written
// on the alternate screen, the answers left for the dashboard (head-start.ts).
import process from 'node:process';
import {negotiateApiVersion} from '../engine/api-version.js';
import {resolveEndpoint} from '../transport/connection.js';
import {mapContainers, mapVersion} from '../docker/map.js';
import {quickGet, quickGetSupports} from '../transport/quick-get.js';
import {firstFrameLines} from './first-frame.js';
import {setHeadStart} from './head-start.js';
import type {DashboardFlags} from './start-flags.js';
import {enterFullScreen} from '../terminal/terminal.js';

/** How long the daemon gets to answer before the first frame is left to the dashboard. */
const answerWithinMs = 1500;

function colorWanted(env: NodeJS.ProcessEnv): boolean {
	return !env['NO_COLOR'] && env['FORCE_COLOR'] !== '0' && env['TERM'] !== 'dumb';
}

/** Paints the first frame when it can; says whether it did. Never throws, never prints an error. */
export async function paintFirstFrame(flags: DashboardFlags): Promise<boolean> {
	// Both at once is a usage error, for cli.tsx to report.
	if (flags.context !== undefined && flags.host !== undefined) return false;
	let endpoint;
	try {
		endpoint = resolveEndpoint({...flags, env: process.env});
	} catch {
		return false;
	}

	if (!quickGetSupports(endpoint)) return false;
	const agent = endpoint.createAgent();
	const signal = AbortSignal.timeout(answerWithinMs);
	let version: unknown;
	let list: unknown;
	// While the daemon works on the answers: the collator behind localeCompare (the list is
	// sorted by name) takes 10–25 ms to make on first use here, better spent waiting.
	let sent = 0;
	const warmUp = () => {
		if (++sent === 2) 'a'.localeCompare('b');
	};

	try {
		// Both at once, so unversioned unless DOCKER_API_VERSION names one: the version is not
		// known before /version answers, and waiting for it would cost a round trip. The daemon
		// answers an unversioned path in its newest shape, which map.ts reads as any other.
		const prefix = endpoint.pinnedApiVersion === undefined ? '' : `/v${endpoint.pinnedApiVersion}`;
		[version, list] = await Promise.all([
			quickGet(endpoint, agent, `${prefix}/version`, signal, warmUp),
			quickGet(endpoint, agent, `${prefix}/containers/json?all=1`, signal, warmUp),
		]);
	} catch {
		return false;
	} finally {
		agent.destroy();
	}

	// The version the dashboard's engine will settle on, so the header does not change at the switch.
	const daemon = mapVersion(version, endpoint.label);
	const negotiation = negotiateApiVersion(daemon, endpoint.pinnedApiVersion);
	// A range that does not meet is the dashboard's to report, in one line.
	if ('refusal' in negotiation) return false;
	const info = {...daemon, apiInUse: negotiation.version};
	const containers = mapContainers(list);
	const lines = firstFrameLines({
		host: endpoint.label,
		info,
		containers,
		readOnly: flags.readOnly,
		columns: process.stdout.columns || 80,
		rows: process.stdout.rows || 24,
		now: Date.now(),
		color: colorWanted(process.env),
	});
	enterFullScreen();
	// Keys typed from now on wait for Ink instead of being echoed over the frame.
	process.stdin.setRawMode(true);
	process.stdout.write(`\u001B[?25l${lines.join('\n')}\u001B[H`);
	setHeadStart({host: endpoint.label, info, containers});
	return true;
}
