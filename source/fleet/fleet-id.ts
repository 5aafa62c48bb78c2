// In a fleet (several daemons in one dashboard) every id a view holds carries the key
// of the host it came from: `<id>#<key>`. Selection, marks, routes and actions then
// keep working on plain strings, two hosts' identical ids (the same image pulled on
// both, a volume named `data` on each) stay apart, and an action can only ever reach
// the host that listed the object. '#' appears in no daemon id, name or reference.

const separator = '#';

/** `id` as held by a fleet view: it names its host. */
export function tagId(id: string, key: string): string {
	return `${id}${separator}${key}`;
}

/** The host key and the daemon's own id, or undefined for an id without a host. */
export function splitId(tagged: string): {readonly key: string; readonly id: string} | undefined {
	const at = tagged.lastIndexOf(separator);
	if (at === -1) return undefined;
	return {key: tagged.slice(at + 1), id: tagged.slice(0, at)};
}

/** The daemon's own id (or name): what is shown and copied. Untagged text is returned as it is. */
export function plainId(text: string): string {
	return splitId(text)?.id ?? text;
}

/** `text` tagged with the same host as `tagged` (an image's reference, beside its id). */
export function onSameHost(text: string, tagged: string): string {
	const split = splitId(tagged);
	return split ? tagId(text, split.key) : text;
}
