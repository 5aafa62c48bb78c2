// What bin/dtui.js runs first. Loading Ink, React, yoga and dockerode takes longer here
// than everything else before the first frame together, so when the command line is a
// plain dashboard one (nothing but --host, --context, --read-only) and the daemon is on a
// unix socket or tcp, this small module asks the daemon for /version and the container
// list with node:http and writes the first frame itself, then loads the rest (cli.tsx),
// which takes over that frame. Anything else (--help, `ps`, a typo, ssh://, a daemon
// that does not answer at once) goes to cli.tsx untouched: it alone decides what is
// an error and how to say so. See bench/ for what this buys.
import process from 'node:process';
import {dashboardFlags} from './start/start-flags.js';
import {restoreTerminal} from './terminal/terminal.js';

// Until the dashboard installs its own handlers, a signal still gives the terminal
// back. Once it has, this one stands aside (it runs first, being older).
function exitCleanlyOn(signal: NodeJS.Signals, code: number): void {
	process.on(signal, () => {
		if (process.listenerCount(signal) > 1) return;
		restoreTerminal();
		process.exit(code);
	});
}

const flags = dashboardFlags(process.argv.slice(2));
// TERM=dumb cannot draw a frame: cli.tsx prints the list instead.
const painted = flags !== undefined && process.stdout.isTTY && process.stdin.isTTY && process.env['TERM'] !== 'dumb' && (await (await import('./start/paint-first-frame.js')).paintFirstFrame(flags));
if (painted) {
	exitCleanlyOn('SIGTERM', 143);
	exitCleanlyOn('SIGHUP', 129);
	exitCleanlyOn('SIGINT', 130);
}

await import('./cli.js');
