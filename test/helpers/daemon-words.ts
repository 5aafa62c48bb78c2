// The daemon's own words for a refusal, which dtui shows as they are, differ between the
// engines the suites run against (Docker 20.10, 26.1 and 28.5, Podman 4.3): each pattern
// here matches exactly the wordings of those engines, and nothing else.

function escaped(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
}

/** 20.10: "Container ID is not running"; 23 and later: "container ID is not running". */
export function notRunning(id: string): string {
	return `[Cc]ontainer ${escaped(id)} is not running`;
}

/** Pausing or exec'ing a container that does not run; Podman names the state and the verb instead of the id. */
export function notRunningMessage(id: string): RegExp {
	const podman = `("[a-z]+" is not running, can't [a-z]+|can only create exec sessions on running containers): container state improper`;
	return new RegExp(`^(${notRunning(id)}|${podman})$`);
}

export function cannotKillMessage(name: string, id: string): RegExp {
	const podman = `can only kill running containers\\. ${escaped(id)} is in state [a-z]+: container state improper`;
	return new RegExp(`^([Cc]annot kill container: ${escaped(name)}: ${notRunning(id)}|${podman})$`);
}

export function removeRunningMessage(id: string, name: string): RegExp {
	const old = `You cannot remove a running container ${escaped(id)}\\. Stop the container before attempting removal or force remove`;
	// 26.1 names it as asked ("/name"), 28.5 by its id.
	const current = `cannot remove container "(/${escaped(name)}|${escaped(id)})": container is running: stop the container before removing or force remove`;
	const podman = `cannot remove container ${escaped(id)} as it is running - running or paused containers cannot be removed without force: container state improper`;
	return new RegExp(`^(${old}|${current}|${podman})$`);
}

/** An id no container has: Docker's words, then Podman's. */
export function noSuchContainerMessage(name: string): RegExp {
	return new RegExp(`^(No such container: ${escaped(name)}|no container with name or ID "${escaped(name)}" found: no such container)$`);
}

/** 20.10 names the network's id; 23 and later name the endpoints instead. */
export function networkInUseMessage(network: string, id: string): RegExp {
	const old = `network ${escaped(network)} id ${escaped(id)} has active endpoints`;
	const current = `network ${escaped(network)} has active endpoints \\(name:"[^"]+" id:"[0-9a-f]{12}"\\)`;
	return new RegExp(`^error while removing network: (${old}|${current})$`);
}
