import {existsSync} from 'node:fs';
import net from 'node:net';
import {inCi} from './ci.js';

/** A loopback TCP port nobody listens on right now (the kernel's pick). */
export async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as net.AddressInfo;
	await new Promise(resolve => server.close(resolve));
	return port;
}

/** For `describe(name, {skip: toolSkip(…)})`: false when the program is installed. Throws in CI, where .ci/run installs it. */
export function toolSkip(binary: string, debianPackage: string): false | string {
	if (existsSync(binary)) return false;
	const reason = `${binary} is missing (apt-get install ${debianPackage})`;
	if (inCi()) throw new Error(`cannot run in CI: ${reason}`);
	return reason;
}
