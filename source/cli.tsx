// The entry point: parse the command line, then load only what the job needs (the
// dashboard's UI stack is most of the start-up time; `dtui ps` and --version skip it).
import process from 'node:process';
import meow from 'meow';
import {restoreTerminal} from './terminal/terminal.js';
import {parseShell} from './terminal/container-shell.js';
import type {HostConnection} from './start/connect.js';

const cli = meow(
	`
	Usage
	  $ dtui [options]                 the dashboard (a table instead when stdout is not a terminal)
	  $ dtui ps [options]              list containers and exit, like docker ps
	  $ dtui images|networks|volumes   list them and exit, like docker images, network ls, volume ls

	Options
	  -H, --host URL     Daemon to talk to: unix:///path/docker.sock, tcp://HOST:PORT or
	                     ssh://USER@HOST[:PORT] (default: $DOCKER_HOST, else the current
	                     docker context, else unix:///var/run/docker.sock)
	  -c, --context NAME Docker context to use (see docker context ls); not with --host
	                     Several --host or --context (or --context a,b): every daemon in
	                     one dashboard or table, with a HOST column
	  --read-only        Look, never touch: every command that changes something is gone
	  --shell CMD        The shell e runs in a container (default: bash if it has it, else sh)
	  --log-lines N      Lines a log view keeps in memory (default 10000)
	  --debug            Log requests, events and errors to $XDG_STATE_HOME/dtui/debug.log
	                     (default ~/.local/state/dtui/debug.log); the path is printed on exit
	  -h, --help         Show this help
	  -v, --version      Show the version

	ps, images, networks, volumes options
	  -a, --all          All containers (default: running only); images: intermediate ones too
	  -q, --quiet        Only ids (volumes: names)
	  -f, --filter K=V   docker's filters; one key repeated: any of them; different keys: all.
	                     ps: name, status, label, ancestor, id, health, network, volume, exited, …
	                     images: dangling, label, before, since, reference, until
	                     networks: driver, id, label, name, scope, type, dangling
	                     volumes: dangling, driver, label, name
	  --format F         table (default), json (one object per line, as docker's), ps also wide
	  --no-trunc         Full ids (and ps commands)
	  Several hosts: a HOST column (JSON: "Host"); a host that fails is one line on stderr, exit 1

	Keys
	  ? shows every key inside dtui. j/k move, / filters, space marks, s start/stop,
	  r restart, p pause, K kill, D remove, c copies the id, : opens the command line, q quits.
	  1-4 or tab: containers, images, networks, volumes; i inspects, P prunes (shows what
	  would go first); :events, :df and :info show the daemon as a whole.
	  On a container: enter its screen (logs, stats, inspect, top: [ ] switch), l logs,
	  e a shell, a attach (ctrl+p ctrl+q detaches); :top lists containers by CPU / memory.

	Exit codes
	  0 normal exit; 1 bad host or settings, or the daemon cannot be reached or refused;
	  2 bad usage (unknown flag or command, bad filter, no terminal); 70 unexpected error
`,
	{
		importMeta: import.meta,
		flags: {
			host: {type: 'string', shortFlag: 'H', isMultiple: true, default: []},
			context: {type: 'string', shortFlag: 'c', isMultiple: true, default: []},
			readOnly: {type: 'boolean', default: false},
			shell: {type: 'string'},
			logLines: {type: 'number', default: 10_000},
			debug: {type: 'boolean', default: false},
			all: {type: 'boolean', shortFlag: 'a', default: false},
			quiet: {type: 'boolean', shortFlag: 'q', default: false},
			filter: {type: 'string', shortFlag: 'f', isMultiple: true, default: []},
			format: {type: 'string', default: 'table'},
			// `--no-trunc`: meow reads any `--no-X` as X=false, so the flag is `trunc`.
			trunc: {type: 'boolean', default: true},
			help: {type: 'boolean', shortFlag: 'h'},
			version: {type: 'boolean', shortFlag: 'v'},
		},
		autoHelp: true,
		autoVersion: true,
		allowUnknownFlags: false,
	},
);

function fail(message: string, code: number): never {
	// start.ts may have put a first frame up already: the line goes to the user's screen.
	restoreTerminal();
	process.stderr.write(`dtui: ${message}\n`);
	process.exit(code);
}

/**
 * meow drops a repeatable flag given without a value (`--host` last, `--host=`): each
 * counts as an empty one here, which the endpoint resolution then reports in one line.
 */
function withValueless(values: readonly string[], names: readonly string[]): string[] {
	const given = process.argv.slice(2).filter(argument => names.some(name => argument === name || argument === `${name}=`)).length;
	return [...values, ...Array.from({length: Math.max(0, given - values.length)}, () => '')];
}

/** Commands that print a table and exit. */
const oneShotCommands = ['ps', 'images', 'networks', 'volumes'] as const;
type OneShotCommand = (typeof oneShotCommands)[number];
const isOneShotCommand = (command: string | undefined): command is OneShotCommand => oneShotCommands.includes(command as OneShotCommand);

async function main(): Promise<void> {
	const [command, ...extra] = cli.input;
	if ((command !== undefined && !isOneShotCommand(command)) || extra.length > 0) fail(`unknown command "${cli.input.join(' ')}" (try dtui --help)`, 2);
	// Not a terminal (a pipe, a script), or one that cannot move its cursor: print the
	// table instead of drawing a dashboard.
	const dumb = process.env['TERM'] === 'dumb';
	const oneShot = command !== undefined || !process.stdout.isTTY || dumb;
	if (command === undefined && process.stdout.isTTY && dumb) process.stderr.write('dtui: TERM=dumb cannot draw the dashboard; here is the container list instead\n');
	if (cli.flags.debug) {
		const {startDebugLog, debug} = await import('./start/debug-log.js');
		startDebugLog();
		debug(`dtui ${cli.pkg.version ?? ''} ${process.argv.slice(2).join(' ')} · node ${process.version} · TERM=${process.env['TERM'] ?? ''} · ${process.stdout.columns ?? '?'}x${process.stdout.rows ?? '?'}`);
	}

	if (!oneShot && !process.stdin.isTTY) fail('the dashboard needs a terminal on stdin', 2);
	const logLines = cli.flags.logLines;
	if (!Number.isInteger(logLines) || logLines < 1) fail(`--log-lines needs a whole number of lines, at least 1 (got ${String(logLines)})`, 2);
	const shell = parseShell(cli.flags.shell);

	const {connect, connectMany, targetsOf, ConnectFailure} = await import('./start/connect.js');
	const failOnConnect = (error: unknown): never => {
		if (error instanceof ConnectFailure) fail(error.message, 1);
		throw error;
	};

	const targets = (() => {
		try {
			return targetsOf(withValueless(cli.flags.host, ['--host', '-H']), withValueless(cli.flags.context, ['--context', '-c']));
		} catch (error) {
			return failOnConnect(error);
		}
	})();

	// The dashboard's code loads while the daemons answer their pings (an SSH login, a
	// remote round trip) instead of after. Awaited below; a failure to load is reported there.
	const dashboard = oneShot ? undefined : import('./start/dashboard.js');
	dashboard?.catch(() => undefined);
	const first = targets[0];
	const hosts: HostConnection[] = targets.length > 1
		? await connectMany(targets, {readOnly: cli.flags.readOnly, env: process.env}).catch(failOnConnect)
		: await connect({...first, readOnly: cli.flags.readOnly, env: process.env}).then(engine => [{label: engine.host, engine}], failOnConnect);

	if (oneShot) {
		const {runOneShot} = await import('./one-shot/one-shot-command.js');
		await runOneShot(command ?? 'ps', hosts, {...cli.flags, noTrunc: !cli.flags.trunc}, fail);
		return;
	}

	const {runDashboard} = await (dashboard ?? import('./start/dashboard.js'));
	const options = {readOnly: cli.flags.readOnly, debug: cli.flags.debug, fail, logLines, ...(shell ? {shell} : {})};
	if (targets.length > 1) {
		// Some hosts may be down (they reconnect on their own); none at all is nothing to show.
		if (hosts.every(host => host.error !== undefined)) fail(hosts.map(host => `${host.label}: ${host.error}`).join('\ndtui: '), 1);
		// `:ctx` marks a fleet's contexts as in use (comma-separated, as `:ctx a,b` takes them).
		const contexts = targets.flatMap(target => ('context' in target ? [target.context] : []));
		await runDashboard(hosts, {...options, ...(contexts.length > 0 ? {context: contexts.join(',')} : {})});
	} else {
		await runDashboard(hosts[0]!.engine, {...options, ...first});
	}
}

// Whatever escapes (a bug): one line and where the details went, never a stack trace.
await main().catch(async (error: unknown) => {
	const {crashLine} = await import('./start/crash.js');
	fail(crashLine(error), 70);
});
