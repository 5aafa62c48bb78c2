import {X509Certificate, createPrivateKey, type KeyObject} from 'node:crypto';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {ConnectionConfigError} from './connection-config-error.js';
import {oneLine} from './describe-error.js';

// TLS files are read and checked at start-up, not on the first request: a missing,
// garbled, expired or mismatched file is then one line naming it, instead of a TLS
// alert from the daemon that could mean anything.

export type TlsMaterial = {
	/** Undefined: trust the system's CAs. */
	readonly ca?: Buffer;
	/** Client certificate and key, both or neither. */
	readonly cert?: Buffer;
	readonly key?: Buffer;
	/** A context's SkipTLSVerify: encrypt, but accept any server certificate. */
	readonly skipVerify: boolean;
};

const readProblems: Record<string, string> = {
	ENOENT: 'no such file',
	EACCES: 'permission denied',
	EISDIR: 'is a directory',
	ENOTDIR: 'no such file',
};

function errorCode(error: unknown): string | undefined {
	const code = (error as {code?: unknown}).code;
	return typeof code === 'string' ? code : undefined;
}

/** The file's bytes, undefined when it does not exist and `optional`. */
function readPem(file: string, optional: boolean): Buffer | undefined {
	try {
		return readFileSync(file);
	} catch (error) {
		const code = errorCode(error);
		if (optional && code === 'ENOENT') return undefined;
		const problem = (code === undefined ? undefined : readProblems[code]) ?? code ?? 'unreadable';
		throw new ConnectionConfigError(`cannot read TLS certificate ${oneLine(file)}: ${problem}`);
	}
}

function parseCertificate(pem: Buffer, file: string): X509Certificate {
	try {
		return new X509Certificate(pem);
	} catch {
		throw new ConnectionConfigError(`TLS certificate ${oneLine(file)} is not a PEM certificate`);
	}
}

function parseKey(pem: Buffer, file: string): KeyObject {
	try {
		return createPrivateKey(pem);
	} catch (error) {
		// There is no terminal to ask for a passphrase on: the daemon would only see no key.
		const encrypted = /passphrase|encrypted|bad decrypt/i.test(String((error as Error).message));
		const problem = encrypted ? 'is encrypted (decrypt it: dtui cannot ask for a passphrase)' : 'is not a PEM private key';
		throw new ConnectionConfigError(`TLS key ${oneLine(file)} ${problem}`);
	}
}

function checkClientPair(cert: Buffer, certFile: string, key: Buffer, keyFile: string, now: Date): void {
	const certificate = parseCertificate(cert, certFile);
	const validTo = new Date(certificate.validTo);
	const validFrom = new Date(certificate.validFrom);
	if (validTo < now) {
		throw new ConnectionConfigError(`TLS client certificate ${oneLine(certFile)} expired on ${validTo.toISOString().slice(0, 10)}`);
	}

	if (validFrom > now) {
		throw new ConnectionConfigError(`TLS client certificate ${oneLine(certFile)} is not valid before ${validFrom.toISOString()} (check the clock)`);
	}

	if (!certificate.checkPrivateKey(parseKey(key, keyFile))) {
		throw new ConnectionConfigError(`TLS key ${oneLine(keyFile)} does not belong to certificate ${oneLine(certFile)}`);
	}
}

export type TlsDirectoryOptions = {
	/** DOCKER_CERT_PATH needs ca.pem (dtui always verifies the server there); a context may leave it out. */
	readonly caRequired: boolean;
	readonly skipVerify: boolean;
	/** For tests of expiry; default now. */
	readonly now?: Date;
};

/** ca.pem, cert.pem, key.pem from one directory, checked; cert and key come as a pair. */
export function readTlsDirectory(directory: string, options: TlsDirectoryOptions): TlsMaterial {
	const caFile = path.join(directory, 'ca.pem');
	const certFile = path.join(directory, 'cert.pem');
	const keyFile = path.join(directory, 'key.pem');
	const ca = readPem(caFile, !options.caRequired);
	const cert = readPem(certFile, true);
	const key = readPem(keyFile, true);
	// Name the half that is missing, as reading it would have.
	if (cert !== undefined && key === undefined) readPem(keyFile, false);
	if (key !== undefined && cert === undefined) readPem(certFile, false);
	if (ca !== undefined) parseCertificate(ca, caFile);
	if (cert !== undefined && key !== undefined) checkClientPair(cert, certFile, key, keyFile, options.now ?? new Date());
	return {
		...(ca === undefined ? {} : {ca}),
		...(cert === undefined ? {} : {cert}),
		...(key === undefined ? {} : {key}),
		skipVerify: options.skipVerify,
	};
}
