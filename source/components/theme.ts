// Semantic colours, in one place so every view speaks the same colour language.
import type {Tone} from '../state/resource-descriptor.js';

export const toneColor: Record<NonNullable<Tone>, string> = {
	good: 'green',
	warn: 'yellow',
	bad: 'red',
	dim: 'gray',
};

export const theme = {
	accent: 'cyan',
	error: 'red',
	busy: 'yellow',
	info: 'green',
	mark: 'magenta',
	muted: 'gray',
	/** A container's stderr lines (their marker is in `error`). */
	stderr: 'yellow',
} as const;
