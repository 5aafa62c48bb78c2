// The hostile corpus put where a user meets it on a real daemon: one container per
// case, the text in its command, a label and an environment variable. Containers
// are created, not started: the text travels through the daemon's JSON, not argv.
import type Docker from 'dockerode';
import {hostileCorpus, hugeLinePiece as hugePiece, type HostileCase} from './hostile-corpus.js';
import {testImage} from './daemon.js';

/**
 * The cases the Engine API can carry. NUL cannot: the daemon stores the text, but
 * runc refuses it in a command and Go's JSON keeps it as \u0000 in labels, which is
 * a different test. Lone surrogates do travel: the daemon turns them into U+FFFD.
 */
export const travellingCases: readonly HostileCase[] = hostileCorpus.filter(entry => !entry.text.includes('\u0000'));

export type HostileContainer = {
	readonly id: string;
	readonly name: string;
	readonly hostile: HostileCase;
	/** The command as the daemon reports it in its list (`echo <text>`). */
	readonly command: string;
};

/** Two digits and the case, so the name order is the corpus order. */
export function hostileName(prefix: string, index: number): string {
	return `${prefix}${String(index).padStart(2, '0')}`;
}

async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results: R[] = [];
	for (let start = 0; start < items.length; start += size) {
		results.push(...(await Promise.all(items.slice(start, start + size).map(async (item, offset) => run(item, start + offset)))));
	}

	return results;
}

/** Creates one container per travelling case and reads back what the daemon made of each command. */
export async function createHostileContainers(docker: Docker, prefix: string): Promise<HostileContainer[]> {
	const ids = await inBatches(travellingCases, 8, async (hostile, index) => {
		const container = await docker.createContainer({
			name: hostileName(prefix, index),
			Image: testImage,
			Cmd: ['echo', hostile.text],
			// A plain key (no dots) as well: the events view shows those attributes, not labels.
			Labels: {hostile: hostile.text, 'dtui.test.case': hostile.name},
			Env: [`HOSTILE=${hostile.text}`],
			HostConfig: {NetworkMode: 'none'},
		});
		return container.id;
	});
	const listed = await docker.listContainers({all: true});
	return travellingCases.map((hostile, index) => {
		const id = ids[index]!;
		const command = listed.find(info => info.Id === id)?.Command;
		if (command === undefined) throw new Error(`container ${hostileName(prefix, index)} is missing from the daemon's list`);
		return {id, name: hostileName(prefix, index), hostile, command};
	});
}

/**
 * A running container whose stdout and stderr carry every travelling case, then the
 * 100 KB line, a line of invalid UTF-8 and one with a NUL, all written by printf inside
 * it (the texts go in through the environment, one variable per case).
 */
export async function createHostileLogger(docker: Docker, name: string): Promise<string> {
	const env = travellingCases.filter(entry => entry !== travellingCases.at(-1)).map((entry, index) => `H${index}=${entry.text}`);
	const count = env.length;
	const script = [
		`i=0; while [ $i -lt ${count} ]; do eval "v=\\$H$i"; printf '%s\n' "$v"; printf '%s\n' "$v" >&2; i=$((i+1)); done`,
		// The 100 KB line: one piece printed again and again, then the line break.
		`i=0; while [ $i -lt ${Math.ceil(100_000 / hugePiece.length)} ]; do printf '%s' "$PIECE"; i=$((i+1)); done; echo`,
		"printf 'bad \\377\\376 utf8\\n'; printf 'a\\000b\\n' >&2",
		'echo hostile-logger-done',
		'trap "exit 0" TERM; while :; do sleep 1 & wait $!; done',
	].join('\n');
	const container = await docker.createContainer({name, Image: testImage, Cmd: ['sh', '-c', script], Env: [...env, `PIECE=${hugePiece}`], Labels: {hostile: 'logger'}, HostConfig: {NetworkMode: 'none'}});
	await container.start();
	return container.id;
}
