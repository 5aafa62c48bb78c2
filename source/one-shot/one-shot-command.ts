// The commands that print a list and exit: `dtui ps|images|networks|volumes` (also `dtui`
// when stdout is not a terminal), on one host or several at once.
import process from 'node:process';
import type {HostConnection} from '../start/connect.js';
import type {Engine} from '../engine/engine.js';
import {isEngineError} from '../engine/errors.js';
import {sanitize} from '../text/sanitize.js';
import {containerFilterKeys, FilterError, imageFilterKeys, networkFilterKeys, parseFilters, volumeFilterKeys} from './filters.js';
import {imageListing} from './images.js';
import {outputMode, renderListings, type HostListing, type ListFormat, type Listing, type ListOptions} from './listing.js';
import {networkListing} from './networks.js';
import {listPs, psListing} from './ps.js';
import {volumeListing} from './volumes.js';

export type OneShotCommand = 'ps' | 'images' | 'networks' | 'volumes';

type Flags = {all: boolean; quiet: boolean; filter: string[]; format: string; noTrunc: boolean};

/** What one command accepts, and how it asks a host for its rows (the daemon filters). */
type Lister = {
	readonly formats: readonly ListFormat[];
	readonly filterKeys: readonly string[];
	list(engine: Engine, options: ListOptions, signal: AbortSignal): Promise<Listing>;
};

const listers: Record<OneShotCommand, Lister> = {
	ps: {
		formats: ['table', 'wide', 'json'],
		filterKeys: containerFilterKeys,
		list: async (engine, options, signal) => psListing(await listPs(engine, options, signal), options),
	},
	images: {
		formats: ['table', 'json'],
		filterKeys: imageFilterKeys,
		list: async (engine, options, signal) => imageListing(await engine.listImages(signal, {all: options.all, filters: options.filters}), options),
	},
	networks: {
		formats: ['table', 'json'],
		filterKeys: networkFilterKeys,
		list: async (engine, options, signal) => networkListing(await engine.listNetworks(signal, {filters: options.filters}), options),
	},
	volumes: {
		formats: ['table', 'json'],
		filterKeys: volumeFilterKeys,
		list: async (engine, options, signal) => volumeListing(await engine.listVolumes(signal, {filters: options.filters})),
	},
};

/** How long one host may take to answer; the others' rows wait for it no longer. */
const listTimeoutMs = 15_000;

/** The flags checked before any request: a bad format or filter is a usage error (2). */
function optionsFrom(lister: Lister, flags: Flags, fail: (message: string, code: number) => never): ListOptions {
	const format = flags.format as ListFormat;
	if (!lister.formats.includes(format)) fail(`unknown format "${flags.format}": use ${lister.formats.join(', ')}`, 2);
	try {
		return {all: flags.all, quiet: flags.quiet, noTrunc: flags.noTrunc, format, filters: parseFilters(flags.filter, lister.filterKeys), now: Date.now()};
	} catch (error) {
		if (error instanceof FilterError) fail(error.message, 2);
		throw error;
	}
}

type Answer = {readonly listing: Listing} | {readonly failure: string};

/** One host's rows, or the line that says why there are none. Never rejects. */
async function answerOf(host: HostConnection, lister: Lister, options: ListOptions, timeoutMs: number): Promise<Answer> {
	// Engine errors and data are inert already; a label is what the user typed, a reason may be any error.
	const label = sanitize(host.label);
	if (host.error !== undefined) return {failure: `${label}: ${sanitize(host.error)}`};
	// A timer of our own rather than AbortSignal.timeout: that one does not keep Node
	// running, so a host that hangs without holding a socket open would end the process.
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), timeoutMs);
	try {
		return {listing: await lister.list(host.engine, options, controller.signal)};
	} catch (error) {
		const reason = controller.signal.aborted ? `no answer within ${timeoutMs / 1000} s` : isEngineError(error) ? error.message : String(error);
		return {failure: `${label}: ${sanitize(reason)}`};
	} finally {
		clearTimeout(timer);
	}
}

/**
 * Asks every host at once and prints, in the order the hosts were given, what those that
 * answered returned (several hosts: with their label); then one line per host that did
 * not, on stderr, and exit 1. Every engine is closed before that.
 */
export async function runOneShot(
	command: OneShotCommand,
	hosts: readonly HostConnection[],
	flags: Flags,
	fail: (message: string, code: number) => never,
	write: (text: string) => void = text => process.stdout.write(text),
	timeoutMs = listTimeoutMs,
): Promise<void> {
	let failures: string[];
	try {
		const lister = listers[command];
		const options = optionsFrom(lister, flags, fail);
		const answers = await Promise.all(hosts.map(async host => answerOf(host, lister, options, timeoutMs)));
		// One host: no HOST column, the output as it always was.
		const labelOf = (index: number) => (hosts.length > 1 ? sanitize(hosts[index]!.label) : undefined);
		const listings: HostListing[] = answers.flatMap((answer, index) => ('listing' in answer ? [{label: labelOf(index), listing: answer.listing}] : []));
		write(renderListings(listings, outputMode(options)));
		failures = answers.flatMap(answer => ('failure' in answer ? [answer.failure] : []));
	} finally {
		for (const host of hosts) host.engine.close();
	}

	// fail() prefixes the first line; the others get theirs here.
	if (failures.length > 0) fail(failures.join('\ndtui: '), 1);
}
