// ctrl+s in a log: the whole log, asked of the daemon again (not only what the buffer
// still holds), written to a file in the current directory named after the container
// and the time. Lines are written as the view shows them: sanitised, so the file is
// safe to `cat` whatever the container printed.
import {createWriteStream} from 'node:fs';
import {once} from 'node:events';
import {join} from 'node:path';
import type {ContainerRef} from '../state/app-state.js';
import type {LogLine} from '../engine/container-io.js';
import type {Engine} from '../engine/engine.js';

export type SaveResult = {readonly path: string; readonly lines: number};

function stamp(date: Date): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** `web-20240501-120000.log`; several containers: their names joined, kept short. */
export function logFileName(containers: readonly ContainerRef[], date: Date): string {
	const names = containers.map(container => container.name.replace(/[^\w.-]+/g, '_')).join('+');
	return `${names.length > 80 ? `${containers.length}-containers` : names}-${stamp(date)}.log`;
}

async function collect(engine: Engine, id: string, signal?: AbortSignal): Promise<LogLine[]> {
	const lines: LogLine[] = [];
	for await (const line of engine.logs(id, {follow: false, tail: 'all'}, signal ?? new AbortController().signal)) lines.push(line);
	return lines;
}

/** Writes the whole log; several containers interleaved in time, each line led by its container's name. */
export async function saveLogs(engine: Engine, containers: readonly ContainerRef[], options: {directory: string; timestamps: boolean; now?: Date; signal?: AbortSignal}): Promise<SaveResult> {
	const path = join(options.directory, logFileName(containers, options.now ?? new Date()));
	const perContainer = await Promise.all(containers.map(async container => collect(engine, container.id, options.signal)));
	const width = Math.max(0, ...containers.map(container => container.name.length));
	const tagged = perContainer.flatMap((lines, source) => lines.map(line => ({line, source})));
	// Lines without a timestamp (never from dockerd) sort as the oldest rather than break the sort.
	const order = (line: LogLine) => (Number.isFinite(line.order) ? line.order : 0);
	if (containers.length > 1) tagged.sort((a, b) => order(a.line) - order(b.line) || a.source - b.source);

	// 'wx': never overwrite a file that is already there.
	const file = createWriteStream(path, {flags: 'wx'});
	await once(file, 'open');
	for (const {line, source} of tagged) {
		const name = containers.length > 1 ? `${containers[source]!.name.padEnd(width)} ` : '';
		const time = options.timestamps && line.time ? `${line.time} ` : '';
		if (!file.write(`${name}${time}${line.text}\n`)) await once(file, 'drain');
	}

	file.end();
	await once(file, 'finish');
	return {path, lines: tagged.length};
}
