// The one seam between dtui and a Docker daemon. Everything but source/docker/ (which
// implements it over dockerode) speaks these small, readonly domain types; nothing else
// knows dockerode or the Engine API's raw JSON. Every string here has already been made
// inert by the mappers (docker/read-json.ts, text/sanitize.ts), so views draw it as it is.
import type {ContainerEngine} from './container-io.js';
import type {RegistryEngine} from './registry-io.js';
import type {DaemonInfo, DiskUsage, ImageLayer, ImageSummary, InspectKind, NetworkSummary, PruneKind, PruneResult, VolumeSummary} from './objects.js';

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead' | 'unknown';
export type Health = 'healthy' | 'unhealthy' | 'starting' | undefined;

export type PortMapping = {
	readonly privatePort: number;
	readonly publicPort?: number;
	readonly ip?: string;
	readonly type: string;
};

export type ContainerSummary = {
	readonly id: string;
	readonly name: string;
	readonly image: string;
	readonly command: string;
	readonly state: ContainerState;
	readonly health: Health;
	/** The daemon's own words: "Up 3 minutes", "Exited (137) 2 hours ago". */
	readonly status: string;
	readonly ports: readonly PortMapping[];
	/** Unix seconds. */
	readonly created: number;
	readonly labels: Readonly<Record<string, string>>;
	/** `sha256:…` of its image: what ties images to the containers that use them. */
	readonly imageId?: string;
	/** The networks it is configured on (the id is '' while it is not running). */
	readonly networks?: ReadonlyArray<{readonly name: string; readonly id: string}>;
	/** Names of the volumes it mounts. */
	readonly volumes?: readonly string[];
};

export type EngineInfo = {
	/** Where the daemon is: a socket path or a URL, as the user would recognise it. */
	readonly host: string;
	readonly engine: string;
	readonly version: string;
	/** The newest Engine API version the daemon speaks. */
	readonly apiVersion: string;
	/** The oldest it still accepts (`MinAPIVersion`; Docker 29 refuses clients below 1.44). */
	readonly minApiVersion?: string;
	/** The version dtui's requests use with it (see api-version.ts). */
	readonly apiInUse?: string;
	readonly os?: string;
	readonly arch?: string;
};

export type ContainerQuery = {
	/** false: running (and paused, restarting) only, as `docker ps` without -a. */
	readonly all?: boolean;
	readonly filters?: Readonly<Record<string, readonly string[]>>;
};

/** `docker images|network ls|volume ls --filter`: the daemon's own filters, handed to it as they are. */
export type ObjectQuery = {
	readonly filters?: Readonly<Record<string, readonly string[]>>;
};

export type ImageQuery = ObjectQuery & {
	/** Intermediate images too (`docker images -a`). */
	readonly all?: boolean;
};

export type ContainerAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

export type ResourceKind = 'containers' | 'images' | 'networks' | 'volumes';

export type EngineEvent = {
	/** container, image, network, volume, daemon, … */
	readonly type: string;
	readonly action: string;
	/** What followed ": " in the daemon's action: an exec's command ("exec_start: sh"), a health status ("health_status: healthy"). */
	readonly detail?: string;
	readonly id: string;
	readonly name?: string;
	/** Unix seconds. */
	readonly time: number;
	readonly attributes: Readonly<Record<string, string>>;
};

export type EngineErrorKind =
	| 'unreachable'
	| 'timeout'
	| 'denied'
	| 'not-found'
	| 'conflict'
	| 'bad-request'
	| 'server'
	| 'aborted'
	/** The daemon's API range and dtui's do not meet. */
	| 'incompatible';

export type Engine = {
	/** A label for the endpoint (socket path or URL), for the header and error lines. */
	readonly host: string;
	/** Ping and read /version; rejects with EngineError. */
	ping(signal?: AbortSignal): Promise<EngineInfo>;
	/** Every container unless the query says otherwise; `filters` are the daemon's own (`docker ps --filter`). */
	listContainers(signal?: AbortSignal, query?: ContainerQuery): Promise<ContainerSummary[]>;
	/** A no-op (HTTP 304: already started / stopped) resolves. */
	containerAction(id: string, action: ContainerAction, signal?: AbortSignal): Promise<void>;
	remove(kind: ResourceKind, id: string, options?: {force?: boolean}, signal?: AbortSignal): Promise<void>;
	/** The daemon's event stream from now (or `since`, unix seconds); ends when the signal aborts or the connection drops (then it throws). */
	events(signal: AbortSignal, since?: number): AsyncIterable<EngineEvent>;
	/** Release sockets and agents. */
	close(): void;
} & ObjectEngine & ContainerEngine & RegistryEngine;

/** Images, networks, volumes and the daemon's system views (objects.ts has their types). */
export type ObjectEngine = {
	listImages(signal?: AbortSignal, query?: ImageQuery): Promise<ImageSummary[]>;
	listNetworks(signal?: AbortSignal, query?: ObjectQuery): Promise<NetworkSummary[]>;
	listVolumes(signal?: AbortSignal, query?: ObjectQuery): Promise<VolumeSummary[]>;
	diskUsage(signal?: AbortSignal): Promise<DiskUsage>;
	info(signal?: AbortSignal): Promise<DaemonInfo>;
	/** The daemon's whole inspect document, every string sanitised (keys too). */
	inspect(kind: InspectKind, id: string, signal?: AbortSignal): Promise<unknown>;
	imageHistory(id: string, signal?: AbortSignal): Promise<ImageLayer[]>;
	/** The daemon's own prune; images: dangling only unless `all`. */
	prune(kind: PruneKind, options?: {all?: boolean}, signal?: AbortSignal): Promise<PruneResult>;
};
