/** A host, context or TLS setting we cannot use; its message is one line for the user. */
export class ConnectionConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConnectionConfigError';
	}
}
