import http from 'node:http';
import type {Duplex} from 'node:stream';
import type {Env} from './docker-config.js';
import {socketLike} from './socket-like.js';
import type {SshSession} from './ssh-session.js';
import type {SshTarget} from './ssh-target.js';

// An http.Agent whose "sockets" are channels of one SSH connection. docker-modem takes
// an `agent` option, so dockerode needs no SSH support of its own (its built-in one logs
// in again for every request and checks no host key). The connection is made on the
// first request and made again on the first request after it drops.

export class SshHttpAgent extends http.Agent {
	private session: Promise<SshSession> | undefined;
	private destroyed = false;
	private readonly singleUse = new WeakSet<Duplex>();

	constructor(
		private readonly target: SshTarget,
		private readonly env: Env,
	) {
		// Keep-alive: a channel serves request after request, like a TCP socket would.
		super({keepAlive: true});
	}

	private connect(): Promise<SshSession> {
		if (this.session) return this.session;
		const session = import('./ssh-session.js').then(async ({connectSsh}) => connectSsh(this.target, this.env));
		this.session = session;
		session.then(
			live => {
				if (this.destroyed) live.close();
				// Forget a connection once it is gone, so the next request makes a new one.
				void live.ended.then(() => {
					if (this.session === session) this.session = undefined;
				});
			},
			() => {
				if (this.session === session) this.session = undefined;
			},
		);
		return session;
	}

	override createConnection(_options: unknown, callback?: (error: Error | null, stream: Duplex) => void): undefined {
		this.connect()
			.then(async session => session.open())
			.then(
				({stream, reusable}) => {
					if (!reusable) this.singleUse.add(stream);
					callback?.(null, socketLike(stream));
				},
				(error: Error) => callback?.(error, undefined as unknown as Duplex),
			);
		return undefined;
	}

	// A channel has no TCP keep-alive and nothing to ref or unref: keep it as it is, unless
	// it is one the session wants back (false makes the agent destroy it).
	override keepSocketAlive(socket: Duplex): boolean {
		return !this.singleUse.has(socket);
	}

	override reuseSocket(): void {}

	override destroy(): void {
		this.destroyed = true;
		super.destroy();
		void this.session?.then(
			live => live.close(),
			() => undefined,
		);
	}
}
