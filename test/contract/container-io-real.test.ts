import {describe} from 'node:test';
import {daemonSocket, negotiatedEngine, realDaemonSkip, removeTestContainers, testDocker, testImage} from '../helpers/daemon.js';
import {containerIoContract, type WrittenLine} from './container-io-contract.js';

const skip = realDaemonSkip();

/** Shell words for printing `lines`, each to its stream (to `target`'s fds when given: another process's). */
function printing(lines: readonly WrittenLine[], target = ''): string {
	return lines.map(line => `printf '%s\\n' '${line.text.replaceAll("'", String.raw`'\''`)}' >${target}${line.stream === 'stderr' ? (target ? '2' : '&2') : target ? '1' : '&1'}`).join('; ');
}

const idle = 'trap "exit 0" TERM; while :; do sleep 1 & wait $!; done';

describe('real daemon: container io', {skip}, () => {
	if (skip !== false || daemonSocket === undefined) return;
	const socket = daemonSocket;

	containerIoContract('dockerode on a real dockerd', async prefix => {
		const engine = await negotiatedEngine(socket);
		const docker = testDocker();
		await removeTestContainers(docker, prefix);
		async function run(name: string, cmd: string[], options: {tty?: boolean; stdin?: boolean; start?: boolean} = {}) {
			const container = await docker.createContainer({
				name,
				Image: testImage,
				Cmd: cmd,
				Tty: options.tty ?? false,
				OpenStdin: options.stdin ?? false,
				HostConfig: {NetworkMode: 'none'},
			});
			if (options.start ?? true) await container.start();
			return container.id;
		}

		return {
			engine,
			writer: async (name, lines, options) => run(name, ['sh', '-c', `${lines.length > 0 ? `${printing(lines)}; ` : ''}${idle}`], {tty: options?.tty ?? false}),
			async write(id, lines) {
				// Written by another process to the main process's stdout and stderr: the container's log.
				const exec = await docker.getContainer(id).exec({Cmd: ['sh', '-c', printing(lines, '/proc/1/fd/')], AttachStdout: true, AttachStderr: true});
				const stream = await exec.start({hijack: false});
				for await (const _ of stream) {
					// Drained: the exec is over when its output ends.
				}
			},
			stopped: async name => run(name, ['true'], {start: false}),
			interactive: async name => run(name, ['sh'], {tty: true, stdin: true}),
			async cleanup() {
				await removeTestContainers(docker, prefix);
				engine.close();
			},
		};
	});
});
