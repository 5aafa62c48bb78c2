/**
 * Whether the tests run in CI, where a missing daemon, registry or tool fails them instead of
 * skipping: CI set to any non-empty value but "false" (as CI services and `CI=1` set it).
 */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
	const value = env['CI'];
	return value !== undefined && value !== '' && value !== 'false';
}
