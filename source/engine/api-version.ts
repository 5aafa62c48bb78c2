import type {EngineInfo} from './engine.js';

// Engine API versions are "MAJOR.MINOR" strings; compared as numbers, since "1.9" < "1.41".
//
// Which version dtui speaks is decided as the docker CLI decides it: the newer of the two
// sides' common versions, that is the lower of dtui's newest and the daemon's ApiVersion,
// unless DOCKER_API_VERSION names one (then that one, as the CLI does). Unlike the CLI,
// dtui also reads the daemon's MinAPIVersion, so a daemon whose range and dtui's do not
// meet is one line naming both ranges instead of every request refused.

/** The newest API version dtui's mapping is written and tested for. */
export const newestApiVersion = '1.52';
/** The oldest it is tested with (Docker 20.10, Podman 4): below it, fields dtui reads are missing. */
export const oldestApiVersion = '1.41';

const versionPattern = /^\d+\.\d+$/;

export function isApiVersion(value: string): boolean {
	return versionPattern.test(value);
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareApiVersions(a: string, b: string): number {
	const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
	const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
	return aMajor === bMajor ? aMinor - bMinor : aMajor - bMajor;
}

function lower(a: string, b: string): string {
	return compareApiVersions(a, b) <= 0 ? a : b;
}

/** "1.47" or "v1.47" (as DOCKER_API_VERSION may say it) → "1.47"; anything else → undefined. */
export function apiVersionOf(value: string): string | undefined {
	const version = value.trim().replace(/^v/, '');
	return isApiVersion(version) ? version : undefined;
}

export type Negotiation = {readonly version: string} | {readonly refusal: string};

/**
 * The version to speak with a daemon that says it speaks `apiVersion` and at least
 * `minApiVersion`; `pinned` is DOCKER_API_VERSION (used as it is: the daemon says if it
 * minds). An answer without a version (some proxies) gets dtui's newest: nothing to compare.
 */
export function negotiateApiVersion(daemon: Pick<EngineInfo, 'apiVersion' | 'minApiVersion'>, pinned?: string): Negotiation {
	if (pinned !== undefined) return {version: pinned};
	if (!isApiVersion(daemon.apiVersion)) return {version: newestApiVersion};
	const minimum = daemon.minApiVersion !== undefined && isApiVersion(daemon.minApiVersion) ? daemon.minApiVersion : undefined;
	const disjoint = compareApiVersions(daemon.apiVersion, oldestApiVersion) < 0 || (minimum !== undefined && compareApiVersions(minimum, newestApiVersion) > 0);
	if (disjoint) {
		const range = minimum === undefined ? `up to ${daemon.apiVersion}` : `${minimum} to ${daemon.apiVersion}`;
		return {refusal: `the daemon speaks Engine API ${range}; dtui speaks ${oldestApiVersion} to ${newestApiVersion}`};
	}

	return {version: lower(daemon.apiVersion, newestApiVersion)};
}

/**
 * Whether the version in use is at least `version`, for requests that differ by version.
 * An unknown (not negotiated yet) or garbled version answers false: the older request.
 */
export function apiAtLeast(inUse: string | undefined, version: string): boolean {
	return inUse !== undefined && isApiVersion(inUse) && compareApiVersions(inUse, version) >= 0;
}
