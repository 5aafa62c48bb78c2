import {StringDecoder} from 'node:string_decoder';

/** Splits newline-delimited JSON that arrives in arbitrary chunks; lines that are not JSON are skipped. */
export class JsonLines {
	private readonly decoder = new StringDecoder('utf8');
	private pending = '';

	push(chunk: Buffer | string): unknown[] {
		this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
		const lines = this.pending.split('\n');
		this.pending = lines.pop() ?? '';
		const values: unknown[] = [];
		for (const line of lines) {
			if (line.trim() === '') continue;
			try {
				values.push(JSON.parse(line));
			} catch {
				// A garbled line loses one event, not the stream.
			}
		}

		return values;
	}
}
