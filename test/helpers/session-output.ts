// What an interactive session (exec, attach) prints, read the way a terminal would.
import type {ContainerSession} from '../../source/engine/container-io.js';

export /** Everything the session prints until `done` says enough; answers a shell's cursor-position question like a terminal. */
async function readUntil(session: ContainerSession, done: (output: string) => boolean): Promise<string> {
	let output = '';
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no such output in 5 s; got ${JSON.stringify(output)}`)), 5000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('\u001B[6n')) {
				output = output.replace('\u001B[6n', '');
				session.stream.write('\u001B[1;1R');
			}

			if (done(output)) {
				clearTimeout(timer);
				session.stream.off('data', onData);
				resolve(output);
			}
		};

		session.stream.on('data', onData);
	});
}
