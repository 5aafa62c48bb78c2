// The terminal is the user's, lent to dtui: enter the alternate screen on start and
// give everything back on EVERY way out (q, ctrl+c, SIGTERM, SIGHUP, a crash).
import {writeSync} from 'node:fs';

const enterAlternate = '\u001B[?1049h\u001B[H';
const leaveAlternate = '\u001B[?1049l';
// Autowrap off while dtui draws: where the terminal finds a row wider than we measured
// (emoji widths differ between terminals), the row is clipped at the edge instead of
// wrapping onto the next one and pushing the whole frame down.
const autowrapOff = '\u001B[?7l';
const autowrapOn = '\u001B[?7h';
const showCursor = '\u001B[?25h';
const resetAttributes = '\u001B[0m';

let entered = false;

function write(text: string) {
	try {
		writeSync(process.stdout.fd, text);
	} catch {
		// The terminal may be gone (SIGHUP from a dropped SSH session): nothing to restore.
	}
}

export function enterFullScreen(): void {
	if (entered) return;
	entered = true;
	write(enterAlternate + autowrapOff);
	// Synchronous and last: runs even when the process exits from somewhere unexpected.
	process.once('exit', restoreTerminal);
}

export function restoreTerminal(): void {
	if (!entered) return;
	entered = false;
	try {
		if (process.stdin.isTTY) process.stdin.setRawMode(false);
	} catch {
		// stdin already closed.
	}

	// Leave the alternate screen first: leaving it may restore the cursor state saved on entry.
	write(resetAttributes + autowrapOn + leaveAlternate + showCursor);
}

/** OSC 52: the terminal (and tmux, and an SSH client's terminal) puts the text on the clipboard. */
export function osc52(text: string): string {
	return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}
