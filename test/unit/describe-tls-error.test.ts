import assert from 'node:assert/strict';
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import tls from 'node:tls';
import {resolveEndpoint} from '../../source/transport/connection.js';
import {describeConnectError} from '../../source/transport/describe-error.js';
import {EngineError} from '../../source/engine/errors.js';
import {makeCertificates, type Certificates} from '../helpers/certificates.js';
import {pingError} from '../helpers/ping-error.js';

// TLS failures as one line each: real handshakes against small servers on loopback
// (what a real dockerd refuses is in test/integration/connections.test.ts), then the
// OpenSSL codes Node reports, mapped one by one.

const dir = mkdtempSync(path.join(tmpdir(), 'dtui-tls-errors-'));
let certs: Certificates;
const servers: net.Server[] = [];

before(() => {
	certs = makeCertificates(path.join(dir, 'certs'));
});

after(async () => {
	await Promise.all(servers.map(async server => new Promise(resolve => server.close(resolve))));
	rmSync(dir, {recursive: true, force: true});
});

async function listen(server: net.Server): Promise<string> {
	servers.push(server);
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return `tcp://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

async function tlsPingError(host: string, certPath: string): Promise<EngineError> {
	return pingError(host, {DOCKER_CERT_PATH: certPath, DOCKER_CONFIG: dir});
}

describe('TLS handshakes that fail', () => {
	test('the server\'s certificate has expired', async () => {
		const host = await listen(tls.createServer({cert: readFileSync(certs.expiredServer.cert), key: readFileSync(certs.expiredServer.key)}));
		const error = await tlsPingError(host, certs.client);
		assert.equal(error.kind, 'denied');
		assert.equal(error.message, `TLS with the Docker daemon at ${host} failed: its certificate has expired`);
	});

	test('a server that wants a client certificate and gets none', async () => {
		const options = {cert: readFileSync(certs.server.cert), key: readFileSync(certs.server.key), ca: readFileSync(certs.server.ca), requestCert: true, rejectUnauthorized: true};
		const host = await listen(tls.createServer(options, socket => socket.end()));
		const error = await tlsPingError(host, certs.caOnly);
		assert.equal(error.message, `TLS with the Docker daemon at ${host} failed: it refused your client certificate (none given, or not signed by a CA it trusts)`);
	});

	test('TLS to a port that speaks plain HTTP', async () => {
		const host = await listen(net.createServer(socket => socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'))));
		const error = await tlsPingError(host, certs.client);
		assert.equal(error.message, `TLS with the Docker daemon at ${host} failed: it does not speak TLS on this port (unset DOCKER_TLS_VERIFY and DOCKER_CERT_PATH?)`);
	});

	test('a client certificate that is not the key\'s is refused before connecting', () => {
		const folder = path.join(dir, 'swapped');
		mkdirSync(folder);
		copyFileSync(path.join(certs.client, 'ca.pem'), path.join(folder, 'ca.pem'));
		copyFileSync(path.join(certs.client, 'cert.pem'), path.join(folder, 'cert.pem'));
		copyFileSync(certs.server.key, path.join(folder, 'key.pem'));
		assert.throws(() => resolveEndpoint({host: 'tcp://127.0.0.1:1', env: {DOCKER_CERT_PATH: folder}}), {
			message: `TLS key ${path.join(folder, 'key.pem')} does not belong to certificate ${path.join(folder, 'cert.pem')}`,
		});
	});
});

describe('TLS error codes', () => {
	const label = 'tcp://10.0.0.1:2376';
	const failed = `TLS with the Docker daemon at ${label} failed: `;
	const table: Array<[string, string, string]> = [
		['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate', 'its certificate is not signed by your CA (ca.pem)'],
		['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain', 'its certificate is not signed by your CA (ca.pem)'],
		['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate', 'its certificate is not signed by your CA (ca.pem)'],
		['CERT_HAS_EXPIRED', 'certificate has expired', 'its certificate has expired'],
		['CERT_NOT_YET_VALID', 'certificate is not yet valid', 'its certificate is not valid yet (check the clock)'],
		['ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames", 'its certificate is for another host name'],
		['ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', 'sslv3 alert bad certificate', 'it refused your client certificate (none given, or not signed by a CA it trusts)'],
		['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'tlsv13 alert certificate required', 'it refused your client certificate (none given, or not signed by a CA it trusts)'],
		['ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED', 'sslv3 alert certificate expired', 'it refused your client certificate: expired'],
		['ERR_SSL_WRONG_VERSION_NUMBER', 'wrong version number', 'it does not speak TLS on this port (unset DOCKER_TLS_VERIFY and DOCKER_CERT_PATH?)'],
		['EPROTO', 'write EPROTO …:ssl3_get_record:wrong version number:…', 'it does not speak TLS on this port (unset DOCKER_TLS_VERIFY and DOCKER_CERT_PATH?)'],
		['ERR_SSL_UNSUPPORTED_PROTOCOL', 'unsupported protocol', 'unsupported protocol'],
	];
	for (const [code, message, said] of table) {
		test(code, () => {
			const described = describeConnectError(Object.assign(new Error(message), {code}), label);
			assert.equal(described.kind, 'denied');
			assert.equal(described.message, `${failed}${said}`);
		});
	}

	test('plain HTTP to a TLS port: the 400 Go answers with', () => {
		const error = Object.assign(new Error('(HTTP code 400) unexpected - Client sent an HTTP request to an HTTPS server. '), {
			statusCode: 400,
			json: Buffer.from('Client sent an HTTP request to an HTTPS server.\n'),
		});
		const described = describeConnectError(error, label);
		assert.equal(described.kind, 'denied');
		assert.equal(described.statusCode, 400);
		assert.equal(described.message, `the Docker daemon at ${label} wants TLS: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH, or use a context with TLS`);
	});
});
