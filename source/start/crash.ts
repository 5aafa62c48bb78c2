// The one line an unexpected error gets on stderr: what happened, and where the
// details (the stack, the debug log up to that moment) were written.
import {writeCrashReport} from './debug-log.js';
import {sanitize} from '../text/sanitize.js';

export function crashLine(error: unknown): string {
	const path = writeCrashReport(error);
	const message = error instanceof Error ? error.message : String(error);
	// An error's message can quote daemon text: one inert line, like everything else shown.
	const flat = sanitize(message.replace(/\s+/g, ' ').trim()).slice(0, 300);
	return `unexpected error: ${flat}${path === undefined ? '' : ` (details in ${sanitize(path)})`}`;
}
