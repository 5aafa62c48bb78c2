import {createFakeEngine, fakeContainer} from '../fakes/fake-engine.js';
import type {FakeSession} from '../fakes/fake-container-io.js';
import {containerIoContract} from './container-io-contract.js';

/**
 * The container's side of the fake's sessions: just enough of a shell for the contract
 * (`echo WORDS`, `exit N`), echoing what is typed as a TTY does.
 */
function playShell(sessions: readonly FakeSession[]): () => void {
	const read = new Map<FakeSession, number>();
	const timer = setInterval(() => {
		for (const session of sessions) {
			if (session.closed()) continue;
			const input = session.input();
			const from = read.get(session) ?? 0;
			const end = Math.max(input.lastIndexOf('\r'), input.lastIndexOf('\n')) + 1;
			if (end <= from) continue;
			read.set(session, end);
			for (const line of input.slice(from, end).split(/[\r\n]/).filter(Boolean)) {
				session.write(`${line}\r\n`);
				const exit = /^exit(?: (\d+))?$/.exec(line);
				if (exit) session.end(Number(exit[1] ?? 0));
				else if (line.startsWith('echo ')) session.write(`${line.slice(5)}\r\n`);
			}
		}
	}, 5);
	return () => clearInterval(timer);
}

containerIoContract('fake', async () => {
	const engine = createFakeEngine({statsIntervalMs: 20});
	const stopShell = playShell(engine.sessions);
	async function add(name: string, state: 'running' | 'created', command: string) {
		const container = fakeContainer({name, state, command});
		engine.set([...(await engine.listContainers()), container]);
		return container.id;
	}

	return {
		engine,
		async writer(name, lines, options) {
			const id = await add(name, 'running', `sh -c ${lines.length > 0 ? 'printf …; ' : ''}while :; do sleep 1; done`);
			// The fake has no TTYs; a TTY's log is one stream, as the daemon sends it.
			engine.setLogs(id, options?.tty ? lines.map(line => ({...line, stream: 'stdout' as const})) : lines);
			return id;
		},
		async write(id, lines) {
			engine.writeLogs(id, lines);
		},
		stopped: async name => add(name, 'created', 'true'),
		interactive: async name => add(name, 'running', 'sh'),
		async cleanup() {
			stopShell();
			engine.close();
		},
	};
});
