// The API floor proxy as a process, for trying dtui or the docker CLI against "Engine 29":
//
//   node --import tsx test/helpers/api-floor-proxy-main.ts --listen /tmp/floor.sock --target /tmp/d/docker.sock
//
// Prints the listen socket's path on stdout once it accepts connections, and runs until
// SIGTERM or SIGINT, then closes every connection, removes the socket, writes each request
// it refused as `refused: METHOD PATH` on stderr (CI fails on any) and exits 0.
import {parseArgs} from 'node:util';
import {compareApiVersions} from '../../source/engine/api-version.js';
import {startApiFloorProxy} from './api-floor-proxy.js';

const usage = 'usage: api-floor-proxy-main.ts --listen SOCKET --target DAEMON_SOCKET [--api-version 1.52] [--min-api-version 1.44] [--engine-version 29.1.0]\n';

let values: {listen?: string; target?: string; 'api-version'?: string; 'min-api-version'?: string; 'engine-version'?: string};
try {
	({values} = parseArgs({
		options: {
			listen: {type: 'string'},
			target: {type: 'string'},
			'api-version': {type: 'string'},
			'min-api-version': {type: 'string'},
			'engine-version': {type: 'string'},
		},
		strict: true,
	}));
} catch (error) {
	process.stderr.write(`${(error as Error).message}\n${usage}`);
	process.exit(2);
}

if (values.listen === undefined || values.target === undefined) {
	process.stderr.write(usage);
	process.exit(2);
}

const proxy = await startApiFloorProxy({
	listen: values.listen,
	target: values.target,
	apiVersion: values['api-version'],
	minApiVersion: values['min-api-version'],
	engineVersion: values['engine-version'],
});
process.stdout.write(`${proxy.socket}\n`);

let stopping = false;
async function stop(): Promise<void> {
	if (stopping) return;
	stopping = true;
	await proxy.close();
	const minimum = values['min-api-version'] ?? '1.44';
	const maximum = values['api-version'] ?? '1.52';
	for (const line of proxy.requests) {
		const version = /^\S+ \/v(\d+\.\d+)\//.exec(line)?.[1];
		if (version !== undefined && (compareApiVersions(version, minimum) < 0 || compareApiVersions(version, maximum) > 0)) process.stderr.write(`refused: ${line}\n`);
	}

	process.exit(0);
}

process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
