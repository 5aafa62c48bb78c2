// Which shell `e` runs: bash when the image has it, else sh — found by asking the
// container itself (through the Engine API, so it works on every transport).
import type {Engine} from '../engine/engine.js';

/** The command to run, or undefined when the container has neither bash nor sh. */
export async function findShell(engine: Engine, id: string, signal?: AbortSignal): Promise<readonly string[] | undefined> {
	// One exec in the common case: sh answers whether bash is there too.
	const probe = await engine.execRun(id, ['sh', '-c', 'command -v bash || true'], signal);
	if (probe.exitCode === 0) return probe.output.trim() === '' ? ['sh'] : ['bash'];
	// No sh (126/127: the runtime could not start it); an image may still have bash alone.
	const bash = await engine.execRun(id, ['bash', '-c', 'exit 0'], signal);
	return bash.exitCode === 0 ? ['bash'] : undefined;
}

/** `--shell "bash -l"` → ['bash', '-l']. */
export function parseShell(text: string | undefined): readonly string[] | undefined {
	const words = (text ?? '').trim().split(/\s+/).filter(Boolean);
	return words.length > 0 ? words : undefined;
}
