import type {EngineInfo} from './engine.js';

// Engine API versions are "MAJOR.MINOR" strings; compared as numbers, since "1.9" < "1.41".

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareApiVersions(a: string, b: string): number {
	const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
	const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
	return aMajor === bMajor ? aMinor - bMinor : aMajor - bMajor;
}

/**
 * Whether the daemon speaks at least `version`, for hiding what an older daemon lacks.
 * An unknown or garbled version answers false: a missing feature beats a failing one.
 */
export function apiAtLeast(info: Pick<EngineInfo, 'apiVersion'>, version: string): boolean {
	if (!/^\d+\.\d+$/.test(info.apiVersion)) return false;
	return compareApiVersions(info.apiVersion, version) >= 0;
}
