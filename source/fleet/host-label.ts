// What a host is called in a fleet's HOST column and header: short, as the user gave it.

/** `ssh://admin@web1:2222` → `web1:2222`; `tcp://10.0.0.5:2376` → `10.0.0.5:2376`; a socket → its path. */
export function hostLabel(host: string): string {
	if (host === 'unix:///var/run/docker.sock' || host === '/var/run/docker.sock') return 'local';
	const url = /^(?:ssh|tcp|https?):\/\/(?:[^@/]*@)?([^/]+)/.exec(host);
	if (url) return url[1]!.replace(/:22$/, '');
	return host.replace(/^(?:unix|npipe):\/\//, '').replace(/\/docker\.sock$/, '');
}

/** Labels made unique: a second `web1` becomes `web1 (2)`. */
export function uniqueLabels(labels: readonly string[]): string[] {
	const seen = new Map<string, number>();
	return labels.map(label => {
		const count = (seen.get(label) ?? 0) + 1;
		seen.set(label, count);
		return count === 1 ? label : `${label} (${count})`;
	});
}
