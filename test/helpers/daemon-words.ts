// The daemon's own words for a refusal, which dtui shows as they are, differ between the
// Engine versions the suites run against (20.10 beside 26.1 and 28.5): each pattern here
// matches exactly the wordings of those engines, and nothing else.

function escaped(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
}

/** 20.10: "Container ID is not running"; 23 and later: "container ID is not running". */
export function notRunning(id: string): string {
	return `[Cc]ontainer ${escaped(id)} is not running`;
}

export function notRunningMessage(id: string): RegExp {
	return new RegExp(`^${notRunning(id)}$`);
}

export function cannotKillMessage(name: string, id: string): RegExp {
	return new RegExp(`^[Cc]annot kill container: ${escaped(name)}: ${notRunning(id)}$`);
}

export function removeRunningMessage(id: string, name: string): RegExp {
	const old = `You cannot remove a running container ${escaped(id)}\\. Stop the container before attempting removal or force remove`;
	// 26.1 names it as asked ("/name"), 28.5 by its id.
	const current = `cannot remove container "(/${escaped(name)}|${escaped(id)})": container is running: stop the container before removing or force remove`;
	return new RegExp(`^(${old}|${current})$`);
}

/** 20.10 names the network's id; 23 and later name the endpoints instead. */
export function networkInUseMessage(network: string, id: string): RegExp {
	const old = `network ${escaped(network)} id ${escaped(id)} has active endpoints`;
	const current = `network ${escaped(network)} has active endpoints \\(name:"[^"]+" id:"[0-9a-f]{12}"\\)`;
	return new RegExp(`^error while removing network: (${old}|${current})$`);
}
