// What the Engine offers between the daemon and registries: pull, push and tag. Like
// engine.ts: small, readonly types; every string has already been made inert.

/** A login for a registry, as docker's config.json (or a credential helper) has it. */
export type RegistryCredentials = {
	/** The registry as config.json keys it: `127.0.0.1:5000`, `https://index.docker.io/v1/`. */
	readonly serverAddress: string;
	readonly username?: string;
	readonly password?: string;
	/** An OAuth refresh token a helper or `docker login` stored instead of a password. */
	readonly identityToken?: string;
};

/** Where one layer is, in the daemon's words reduced to what a progress bar needs. */
export type LayerPhase =
	| 'waiting'
	| 'downloading'
	| 'verifying'
	| 'downloaded'
	| 'extracting'
	| 'pulled'
	| 'exists'
	| 'preparing'
	| 'pushing'
	| 'pushed'
	| 'retrying'
	| 'other';

export type TransferEvent =
	/** A layer moved on: `status` is the daemon's text ("Downloading", "Mounted from app"). */
	| {
			readonly type: 'layer';
			/** The daemon's short layer id (12 hex). */
			readonly id: string;
			readonly phase: LayerPhase;
			readonly status: string;
			/** Bytes done and in all, while a phase has them (downloading, extracting, pushing). */
			readonly current?: number;
			readonly total?: number;
	  }
	/** A line about the whole transfer: "Pulling from library/busybox", "Status: Downloaded newer image for …". */
	| {readonly type: 'message'; readonly text: string}
	/** The manifest digest: a pull's "Digest: …" line, a push's final aux record. */
	| {readonly type: 'digest'; readonly digest: string; readonly size?: number};

export type RegistryEngine = {
	/**
	 * `docker pull`: the daemon's progress until the image is there. A malformed reference
	 * rejects before any request; the daemon's or registry's refusal (mid-stream too) is
	 * thrown as one EngineError line. Aborting the signal cancels the pull and ends quietly.
	 */
	pullImage(reference: string, credentials: RegistryCredentials | undefined, signal: AbortSignal): AsyncIterable<TransferEvent>;
	/** `docker push` of one tag (`latest` when none is given); like pullImage otherwise. */
	pushImage(reference: string, credentials: RegistryCredentials | undefined, signal: AbortSignal): AsyncIterable<TransferEvent>;
	/** `docker tag SOURCE TARGET`: SOURCE an id or reference, TARGET a name with an optional tag. */
	tagImage(source: string, target: string, signal?: AbortSignal): Promise<void>;
};
