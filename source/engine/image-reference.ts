// Image references as the docker CLI reads them (github.com/distribution/reference:
// regexp.go for the grammar, normalize.go for "busybox" → docker.io/library/busybox).
// Checked here, before anything is sent, so a typo is one clear line and never a
// request to some registry the user did not mean.

export type ImageReference = {
	/** The registry: `docker.io`, `127.0.0.1:5000`, `[::1]:5000`, `localhost`. */
	readonly domain: string;
	/** The repository within it: `library/busybox`, `team/app`. */
	readonly path: string;
	readonly tag?: string;
	/** `sha256:…` */
	readonly digest?: string;
};

export type ReferenceResult = {readonly reference: ImageReference} | {readonly error: string};

export const defaultDomain = 'docker.io';
const legacyDefaultDomain = 'index.docker.io';
const officialRepositoryPrefix = 'library/';
const maxNameLength = 255;

// The grammar, piece by piece, as distribution/reference writes it.
const alphaNumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphaNumeric}(?:${separator}${alphaNumeric})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])`;
const domain = `${host}(?::[0-9]+)?`;
const name = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const referencePattern = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);
const namePattern = new RegExp(`^(?:(${domain})/)?(${pathComponent}(?:/${pathComponent})*)$`);
const tagPattern = new RegExp(`^${tag}$`);
/** A bare image id: the CLI refuses it as a repository name (it would shadow the id). */
const identifierPattern = /^[a-f0-9]{64}$/;

/** Hex lengths of the digest algorithms the daemon knows (opencontainers/go-digest). */
const digestLengths: Record<string, number> = {sha256: 64, sha384: 96, sha512: 128};

/** go-digest's checks, with its words. */
function digestProblem(value: string): string | undefined {
	const [algorithm = '', hex = ''] = value.split(':');
	const length = digestLengths[algorithm];
	if (length === undefined) return 'unsupported digest algorithm';
	if (!/^[a-f0-9]+$/.test(hex)) return 'invalid checksum digest format';
	if (hex.length !== length) return 'invalid checksum digest length';
	return undefined;
}

/**
 * normalize.go's splitDockerDomain: a first component is a registry only if it looks like
 * a host. (Newer versions also take an upper-case first component for a host; dockerd
 * 20.10 does not, so neither do we: "Team/app" is refused, not sent to a host "Team".)
 */
function splitDomain(text: string): {domain: string; remainder: string} {
	const slash = text.indexOf('/');
	const first = slash === -1 ? '' : text.slice(0, slash);
	const isHost = slash !== -1 && (/[.:]/.test(first) || first === 'localhost');
	let found = isHost ? {domain: first, remainder: text.slice(slash + 1)} : {domain: defaultDomain, remainder: text};
	if (found.domain === legacyDefaultDomain) found = {...found, domain: defaultDomain};
	if (found.domain === defaultDomain && !found.remainder.includes('/')) found = {...found, remainder: officialRepositoryPrefix + found.remainder};
	return found;
}

function invalid(text: string, reason: string): ReferenceResult {
	const shown = text === '' ? '""' : JSON.stringify(text);
	return {error: `invalid reference ${shown}: ${reason}`};
}

/**
 * A reference as `docker pull` takes it (ParseNormalizedNamed): `busybox`, `team/app:1.2`,
 * `127.0.0.1:5000/app@sha256:…`. Surrounding blanks are ignored; anything else that is
 * not the grammar is an error saying what is wrong.
 */
export function parseImageReference(input: string): ReferenceResult {
	const text = input.trim();
	if (text === '') return invalid(text, 'repository name must have at least one component');
	if (identifierPattern.test(text)) return invalid(text, 'cannot specify 64-byte hexadecimal strings (that is an image id)');
	const {domain: registry, remainder} = splitDomain(text);
	// The tag may have capitals; the repository may not (the CLI checks up to the first colon).
	const repository = remainder.split(':')[0] ?? '';
	if (repository.toLowerCase() !== repository) return invalid(text, 'repository name must be lowercase');
	const full = `${registry}/${remainder}`;
	const match = referencePattern.exec(full);
	if (!match) return invalid(text, 'invalid reference format');
	const [, fullName = '', tagPart, digestPart] = match;
	if (fullName.length > maxNameLength) return invalid(text, `repository name must not be more than ${maxNameLength} characters`);
	if (digestPart !== undefined) {
		const problem = digestProblem(digestPart);
		if (problem) return invalid(text, problem);
	}

	const parts = namePattern.exec(fullName);
	// A first component with a dot or colon is a registry; one that cannot be a host name is no path either.
	if (!parts || (parts[1] ?? defaultDomain) !== registry) return invalid(text, 'invalid reference format');
	return {
		reference: {
			domain: parts[1] ?? registry,
			path: parts[2] ?? '',
			...(tagPart === undefined ? {} : {tag: tagPart}),
			...(digestPart === undefined ? {} : {digest: digestPart}),
		},
	};
}

/** Whether `text` can be a tag (the part after the colon). */
export function isValidTag(text: string): boolean {
	return tagPattern.test(text);
}

/** The name as people write it: `busybox`, `team/app`, `127.0.0.1:5000/app` (FamiliarName). */
export function familiarName(reference: ImageReference): string {
	if (reference.domain !== defaultDomain) return `${reference.domain}/${reference.path}`;
	return reference.path.startsWith(officialRepositoryPrefix) && !reference.path.slice(officialRepositoryPrefix.length).includes('/')
		? reference.path.slice(officialRepositoryPrefix.length)
		: reference.path;
}

/** `busybox:latest`, `app@sha256:…`: the whole reference, familiar (FamiliarString). */
export function familiarString(reference: ImageReference): string {
	return familiarName(reference) + (reference.tag === undefined ? '' : `:${reference.tag}`) + (reference.digest === undefined ? '' : `@${reference.digest}`);
}

/** `latest` when neither a tag nor a digest was given (TagNameOnly). */
export function withDefaultTag(reference: ImageReference): ImageReference {
	return reference.tag === undefined && reference.digest === undefined ? {...reference, tag: 'latest'} : reference;
}

/** What the daemon's `POST /images/create` takes: the digest wins over a tag, as the CLI sends it. */
export function pullQuery(reference: ImageReference): {fromImage: string; tag: string} {
	return {fromImage: familiarName(reference), tag: reference.digest ?? reference.tag ?? 'latest'};
}

/** A reference a new tag can be: a name and an optional tag, never a digest (the CLI refuses those). */
export function parseTagTarget(input: string): ReferenceResult {
	const parsed = parseImageReference(input);
	if ('error' in parsed) return parsed;
	if (parsed.reference.digest !== undefined) return invalid(input.trim(), 'a tag cannot have a digest (@sha256:…)');
	return {reference: withDefaultTag(parsed.reference)};
}

/** A reference that can be pushed: a name and a tag (`latest` if none); a digest names content, not something to push. */
export function parsePushTarget(input: string): ReferenceResult {
	const parsed = parseImageReference(input);
	if ('error' in parsed) return parsed;
	if (parsed.reference.digest !== undefined) return invalid(input.trim(), 'cannot push a digest reference');
	return {reference: withDefaultTag(parsed.reference)};
}
