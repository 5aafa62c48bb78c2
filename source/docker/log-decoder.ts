// The bytes of `GET /containers/{id}/logs` → LogLines. Without a TTY the daemon
// multiplexes stdout and stderr into frames (an 8-byte header: stream type, three zero
// bytes, a big-endian payload length); with a TTY it sends the raw bytes. Network
// chunks cut anywhere, through a header or a UTF-8 character, so everything here keeps
// what it has not finished yet.
import {StringDecoder} from 'node:string_decoder';
import {sanitize} from '../text/sanitize.js';
import type {LogLine, LogStreamName} from '../engine/container-io.js';

export type Frame = {readonly stream: LogStreamName; readonly payload: Buffer};

const headerLength = 8;

/** Splits a multiplexed stream into frames, whatever the chunk boundaries. */
export class FrameDemuxer {
	private buffered: Buffer = Buffer.alloc(0);

	push(chunk: Buffer): Frame[] {
		this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
		const frames: Frame[] = [];
		let offset = 0;
		while (this.buffered.length - offset >= headerLength) {
			const size = this.buffered.readUInt32BE(offset + 4);
			if (this.buffered.length - offset - headerLength < size) break;
			// 0 is stdin (echoed by some attach sessions): shown with stdout.
			const stream: LogStreamName = this.buffered[offset] === 2 ? 'stderr' : 'stdout';
			const start = offset + headerLength;
			frames.push({stream, payload: this.buffered.subarray(start, start + size)});
			offset = start + size;
		}

		this.buffered = this.buffered.subarray(offset);
		return frames;
	}
}

/** "2024-05-01T12:00:00.123456789Z " at the start of a line, as the daemon writes it with timestamps=true. */
const timestampPrefix = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) ?/;

/** Milliseconds since the epoch with the fraction kept to the microsecond (doubles hold that much). */
export function timeOrder(time: string): number {
	const match = /^(.*T\d\d:\d\d:\d\d)(\.\d+)?(.*)$/.exec(time);
	if (!match) return Number.NaN;
	const whole = Date.parse(`${match[1]!}${match[3]!}`);
	const fraction = match[2] ? Number(`0${match[2].slice(0, 10)}`) * 1000 : 0;
	return whole + fraction;
}

/** One stream's text: UTF-8 decoded across chunks, cut into lines, the timestamp split off. */
class LineSplitter {
	private readonly decoder = new StringDecoder('utf8');
	private pending = '';

	constructor(private readonly stream: LogStreamName) {}

	/** `message`: the bytes are one whole log message (a frame), so a continued line's own timestamp is dropped. */
	push(bytes: Buffer, into: LogLine[], message = false): void {
		const text = this.decoder.write(bytes);
		// The daemon cuts messages over 16 KiB into parts, each with its own timestamp.
		this.pending += message && this.pending !== '' ? text.replace(timestampPrefix, '') : text;
		let newline = this.pending.indexOf('\n');
		while (newline !== -1) {
			into.push(this.line(this.pending.slice(0, newline)));
			this.pending = this.pending.slice(newline + 1);
			newline = this.pending.indexOf('\n');
		}
	}

	/** The unfinished last line, when the stream ends without a line break. */
	end(into: LogLine[]): void {
		this.pending += this.decoder.end();
		if (this.pending !== '') into.push(this.line(this.pending));
		this.pending = '';
	}

	private line(raw: string): LogLine {
		const match = timestampPrefix.exec(raw);
		const time = match ? match[1]! : '';
		let text = match ? raw.slice(match[0].length) : raw;
		// A TTY ends lines with CR LF; the CR is not part of the text.
		if (text.endsWith('\r')) text = text.slice(0, -1);
		return {stream: this.stream, text: sanitize(text), time, order: time ? timeOrder(time) : Number.NaN};
	}
}

/** Bytes of one container's log → lines. `tty`: the container has a terminal, so the bytes are raw. */
export class LogDecoder {
	private readonly demuxer: FrameDemuxer | undefined;
	private readonly splitters: Record<LogStreamName, LineSplitter> = {stdout: new LineSplitter('stdout'), stderr: new LineSplitter('stderr')};

	constructor(tty: boolean) {
		this.demuxer = tty ? undefined : new FrameDemuxer();
	}

	push(chunk: Buffer): LogLine[] {
		const lines: LogLine[] = [];
		if (this.demuxer) {
			for (const frame of this.demuxer.push(chunk)) this.splitters[frame.stream].push(frame.payload, lines, true);
		} else {
			this.splitters.stdout.push(chunk, lines);
		}

		return lines;
	}

	end(): LogLine[] {
		const lines: LogLine[] = [];
		this.splitters.stdout.end(lines);
		this.splitters.stderr.end(lines);
		return lines;
	}
}
