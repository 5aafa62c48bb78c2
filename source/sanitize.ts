// Placeholder: the real sanitiser replaces this body (same signatures).
import stringWidth from 'string-width';

export function sanitize(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, c => `^${String.fromCharCode((c.charCodeAt(0) + 64) % 128)}`);
}

export function displayWidth(text: string): number {
	return stringWidth(text);
}

export function truncate(text: string, width: number): string {
	if (displayWidth(text) <= width) return text;
	let out = '';
	for (const ch of text) {
		if (displayWidth(out + ch) > width - 1) break;
		out += ch;
	}
	return out + '…';
}

export function padEnd(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
