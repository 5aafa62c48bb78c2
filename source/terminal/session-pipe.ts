// The bytes between the user's terminal and a container's session, both ways, plus
// what a terminal does besides: size changes go to the container, and for attach the
// detach keys (ctrl+p ctrl+q) end the connection instead of reaching the container.
import type {ContainerSession} from '../engine/container-io.js';
import type {TerminalIo} from './terminal-host.js';

export type SessionOutcome = {readonly detached: boolean; readonly exitCode?: number};

const ctrlP = 0x10;
const ctrlQ = 0x11;

/**
 * Watches keystrokes for ctrl+p ctrl+q, across chunk boundaries. Returns the bytes to
 * pass on and whether the sequence was seen; a lone ctrl+p is held back until the next
 * key shows it was not the start of a detach.
 */
export class DetachKeys {
	private holding = false;

	feed(chunk: Buffer): {forward: Buffer; detach: boolean} {
		const out: number[] = [];
		for (const byte of chunk) {
			if (this.holding) {
				this.holding = false;
				if (byte === ctrlQ) return {forward: Buffer.from(out), detach: true};
				out.push(ctrlP);
			}

			if (byte === ctrlP) this.holding = true;
			else out.push(byte);
		}

		return {forward: Buffer.from(out), detach: false};
	}
}

/** Runs a session on the terminal until the container ends it or the user detaches (attach only). */
export async function pipeSession(session: ContainerSession, io: TerminalIo, options: {detachKeys: boolean}): Promise<SessionOutcome> {
	const detachKeys = options.detachKeys ? new DetachKeys() : undefined;
	let detached = false;
	let stopInput: () => void = () => {};

	const inputDone = new Promise<void>(resolve => {
		const onData = (chunk: Buffer | string) => {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			const step = detachKeys?.feed(bytes) ?? {forward: bytes, detach: false};
			if (step.forward.length > 0) session.stream.write(step.forward);
			if (step.detach) {
				detached = true;
				session.close();
				resolve();
			}
		};

		io.input.on('data', onData);
		stopInput = () => {
			io.input.off('data', onData);
			resolve();
		};
	});

	const onOutput = (chunk: Buffer) => io.write(chunk);
	session.stream.on('data', onOutput);
	// A write after the container hung up must not take the dashboard down.
	const ignore = () => {};
	session.stream.on('error', ignore);
	const stopResize = io.onResize(size => void session.resize(size.columns, size.rows));
	try {
		const result = await Promise.race([session.ended, inputDone.then(async () => session.ended)]);
		return {detached, ...result};
	} finally {
		stopInput();
		stopResize();
		session.stream.off('data', onOutput);
		session.close();
	}
}
