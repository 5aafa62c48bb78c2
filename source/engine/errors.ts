import type {EngineErrorKind} from './engine.js';

/** An error a user can meet talking to a daemon: one line, no stack, a kind the UI can act on. */
export class EngineError extends Error {
	readonly kind: EngineErrorKind;
	readonly statusCode?: number;

	constructor(kind: EngineErrorKind, message: string, statusCode?: number) {
		super(message);
		this.name = 'EngineError';
		this.kind = kind;
		this.statusCode = statusCode;
	}
}

export function isEngineError(error: unknown): error is EngineError {
	return error instanceof EngineError;
}
