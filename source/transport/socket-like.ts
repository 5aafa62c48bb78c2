import type {Duplex} from 'node:stream';

// Node's HTTP client treats its connection as a net.Socket: a request with a timeout
// calls setTimeout on it, and code that takes over a hijacked (upgraded) connection may
// call setNoDelay or setKeepAlive. An SSH channel is a plain Duplex; these give it the
// socket methods that make sense for it, so such calls cannot throw.

type SocketMethods = {
	setTimeout(ms: number, callback?: () => void): Duplex;
	setNoDelay(): Duplex;
	setKeepAlive(): Duplex;
	ref(): Duplex;
	unref(): Duplex;
};

export function socketLike(stream: Duplex): Duplex {
	const socket = stream as Duplex & Partial<SocketMethods>;
	let timer: NodeJS.Timeout | undefined;
	let idleMs = 0;
	const arm = () => {
		if (timer) clearTimeout(timer);
		timer = idleMs > 0 ? setTimeout(() => socket.emit('timeout'), idleMs) : undefined;
	};

	// Like net.Socket: 'timeout' after `ms` without data (0 turns it off); it does not close.
	socket.setTimeout ??= (ms, callback) => {
		idleMs = ms;
		if (callback) socket.once('timeout', callback);
		arm();
		return socket;
	};
	// Incoming data is activity. Watched where the channel pushes it, not with a 'data'
	// listener: that would switch the stream to flowing before its reader is attached.
	const push = socket.push.bind(socket);
	socket.push = (chunk: unknown, encoding?: BufferEncoding) => {
		if (idleMs > 0) arm();
		return push(chunk, encoding);
	};
	socket.once('close', () => clearTimeout(timer));
	// Nagle, TCP keep-alive and event-loop references belong to the one SSH socket underneath.
	socket.setNoDelay ??= () => socket;
	socket.setKeepAlive ??= () => socket;
	socket.ref ??= () => socket;
	socket.unref ??= () => socket;
	return socket;
}
