import {execFileSync} from 'node:child_process';
import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';

// Throwaway PKI made with the openssl command (Debian's `openssl` package): a CA, a
// server certificate for 127.0.0.1, client certificates, and the broken variants the
// tests need. EC P-256 keys, because RSA generation is slow. Each client folder has the
// DOCKER_CERT_PATH layout: ca.pem, cert.pem, key.pem.

export type Certificates = {
	/** For dockerd or a TLS test server: ca.pem, server-cert.pem, server-key.pem. */
	readonly server: {readonly ca: string; readonly cert: string; readonly key: string};
	/** A server certificate that expired yesterday, same CA. */
	readonly expiredServer: {readonly cert: string; readonly key: string};
	/** Good client files. */
	readonly client: string;
	/** A CA that did not sign the server, with good client files. */
	readonly foreignCa: string;
	/** The right CA, and a client certificate signed by another CA. */
	readonly foreignClient: string;
	/** ca.pem only. */
	readonly caOnly: string;
	/** The right CA, a client certificate that expired yesterday. */
	readonly expiredClient: string;
	/** A file that is not a certificate, and a key from another pair. */
	readonly garbage: string;
	readonly mismatchedKey: string;
};

function openssl(args: string[], cwd: string): void {
	execFileSync('openssl', args, {cwd, stdio: ['ignore', 'ignore', 'pipe']});
}

function newKey(file: string, cwd: string): void {
	openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file], cwd);
}

function selfSignedCa(name: string, cwd: string): void {
	newKey(`${name}-key.pem`, cwd);
	openssl(['req', '-x509', '-new', '-key', `${name}-key.pem`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=${name}`], cwd);
}

/** `-days -1` makes a certificate whose validity ended a day before it began: expired now. */
function signedCertificate(name: string, ca: string, extensions: string, days: number, cwd: string): void {
	newKey(`${name}-key.pem`, cwd);
	openssl(['req', '-new', '-key', `${name}-key.pem`, '-subj', `/CN=${name}`, '-out', `${name}.csr`], cwd);
	writeFileSync(path.join(cwd, `${name}.ext`), extensions);
	openssl(
		['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}-key.pem`, '-CAcreateserial', '-days', String(days), '-extfile', `${name}.ext`, '-out', `${name}.pem`],
		cwd,
	);
}

function clientFolder(directory: string, folder: string, files: {ca?: string; cert?: string; key?: string}): string {
	const target = path.join(directory, folder);
	mkdirSync(target);
	for (const [name, source] of Object.entries(files)) copyFileSync(path.join(directory, source), path.join(target, `${name}.pem`));
	return target;
}

export function makeCertificates(directory: string): Certificates {
	mkdirSync(directory, {recursive: true});
	const serverExtensions = 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n';
	const clientExtensions = 'extendedKeyUsage=clientAuth\n';
	selfSignedCa('ca', directory);
	selfSignedCa('other-ca', directory);
	signedCertificate('server', 'ca', serverExtensions, 2, directory);
	signedCertificate('expired-server', 'ca', serverExtensions, -1, directory);
	signedCertificate('client', 'ca', clientExtensions, 2, directory);
	signedCertificate('other-client', 'other-ca', clientExtensions, 2, directory);
	signedCertificate('expired-client', 'ca', clientExtensions, -1, directory);
	writeFileSync(path.join(directory, 'garbage.pem'), 'not a certificate\n');
	return {
		server: {ca: path.join(directory, 'ca.pem'), cert: path.join(directory, 'server.pem'), key: path.join(directory, 'server-key.pem')},
		expiredServer: {cert: path.join(directory, 'expired-server.pem'), key: path.join(directory, 'expired-server-key.pem')},
		client: clientFolder(directory, 'client', {ca: 'ca.pem', cert: 'client.pem', key: 'client-key.pem'}),
		foreignCa: clientFolder(directory, 'foreign-ca', {ca: 'other-ca.pem', cert: 'client.pem', key: 'client-key.pem'}),
		foreignClient: clientFolder(directory, 'foreign-client', {ca: 'ca.pem', cert: 'other-client.pem', key: 'other-client-key.pem'}),
		caOnly: clientFolder(directory, 'ca-only', {ca: 'ca.pem'}),
		expiredClient: clientFolder(directory, 'expired-client', {ca: 'ca.pem', cert: 'expired-client.pem', key: 'expired-client-key.pem'}),
		garbage: clientFolder(directory, 'garbage', {ca: 'garbage.pem', cert: 'client.pem', key: 'client-key.pem'}),
		mismatchedKey: clientFolder(directory, 'mismatched-key', {ca: 'ca.pem', cert: 'client.pem', key: 'other-client-key.pem'}),
	};
}
