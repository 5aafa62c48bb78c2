// Settings of the screens inside a container, from the command line (or a test), handed
// down by context so that the screens and routes stay free of plumbing.
import {createContext, useContext} from 'react';

export type ContainerOptions = {
	/** The shell `e` runs instead of looking for bash, then sh (`--shell`). */
	readonly shell?: readonly string[];
	/** Lines a log view keeps (`--log-lines`): the ring buffer's size. */
	readonly logLines: number;
	/** Where ctrl+s saves a log. */
	readonly saveDirectory: string;
	/** How long new log lines wait to be drawn together: at most 1000 / flushMs frames a second. */
	readonly logFlushMs: number;
	/** How often the Top tab asks for the processes again, and `:top` for the figures. */
	readonly refreshMs: number;
};

export const defaultContainerOptions: ContainerOptions = {
	logLines: 10_000,
	saveDirectory: process.cwd(),
	logFlushMs: 50,
	refreshMs: 2000,
};

export const ContainerOptionsContext = createContext<ContainerOptions>(defaultContainerOptions);

export function useContainerOptions(): ContainerOptions {
	return useContext(ContainerOptionsContext);
}
