// Whether a command line is a plain dashboard one, and its flags: start.ts paints the
// first frame early only then. Anything it does not know is left to cli.tsx's parser.

export type DashboardFlags = {host?: string; context?: string; readOnly: boolean};

const aliases: Readonly<Record<string, string>> = {'-H': '--host', '-c': '--context'};

/** The flags when argv is a plain dashboard command line; undefined for anything else. */
export function dashboardFlags(argv: readonly string[]): DashboardFlags | undefined {
	const flags: DashboardFlags = {readOnly: false};
	const seen = new Set<string>();
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index]!;
		const equals = argument.startsWith('--') ? argument.indexOf('=') : -1;
		const name = equals === -1 ? argument : argument.slice(0, equals);
		const long = aliases[name] ?? name;
		// A repeated flag, or one this scan does not know: cli.tsx's parser decides.
		if (seen.has(long)) return undefined;
		seen.add(long);
		if (long === '--read-only' && equals === -1) {
			flags.readOnly = true;
		} else if (long === '--host' || long === '--context') {
			const value = equals === -1 ? argv[++index] : argument.slice(equals + 1);
			// Several hosts (`--context a,b`) are a fleet: cli.tsx's parser decides.
			if (value === undefined || value === '' || value.startsWith('-') || value.includes(',')) return undefined;
			if (long === '--host') flags.host = value;
			else flags.context = value;
		} else {
			return undefined;
		}
	}

	return flags;
}
