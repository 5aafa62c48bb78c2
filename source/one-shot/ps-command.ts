import process from 'node:process';
import type {Engine} from '../docker/engine.js';
import {isEngineError} from '../docker/errors.js';
import {FilterError, parseFilters} from './filters.js';
import {runPs, type PsFormat} from './ps.js';

const formats: readonly PsFormat[] = ['table', 'wide', 'json'];

type Flags = {all: boolean; quiet: boolean; filter: string[]; format: string; noTrunc: boolean};

/** `dtui ps` from parsed flags: bad input is a usage error (2), a daemon failure exit 1. */
export async function runPsCommand(engine: Engine, flags: Flags, fail: (message: string, code: number) => never): Promise<void> {
	if (!formats.includes(flags.format as PsFormat)) fail(`unknown format "${flags.format}": use ${formats.join(', ')}`, 2);
	let filters;
	try {
		filters = parseFilters(flags.filter);
	} catch (error) {
		if (error instanceof FilterError) fail(error.message, 2);
		throw error;
	}

	try {
		await runPs(engine, {all: flags.all, quiet: flags.quiet, noTrunc: flags.noTrunc, format: flags.format as PsFormat, filters, now: Date.now()}, text => process.stdout.write(text));
	} catch (error) {
		fail(isEngineError(error) ? `${engine.host}: ${error.message}` : String(error), 1);
	} finally {
		engine.close();
	}
}
