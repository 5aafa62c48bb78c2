// Domain types for the daemon's other objects: images, networks, volumes, disk usage
// and the daemon's own description. Like engine.ts: small, readonly, every string
// already made inert by map-objects.ts.

export type ImageSummary = {
	/** `sha256:…` */
	readonly id: string;
	readonly parentId: string;
	/** `repo:tag` references; `<none>:<none>` is left out, so a dangling image has none. */
	readonly tags: readonly string[];
	readonly digests: readonly string[];
	/** Unix seconds. */
	readonly created: number;
	/** Bytes, shared layers included (what `docker images` shows). */
	readonly size: number;
	/** Bytes shared with other images; only disk-usage answers have it. */
	readonly sharedSize?: number;
	/**
	 * How many containers use it: disk-usage answers, and lists from API 1.51 on (before,
	 * lists say -1, left out here). Views that need it everywhere count the container list.
	 */
	readonly containers?: number;
	readonly labels: Readonly<Record<string, string>>;
};

export type NetworkSummary = {
	readonly id: string;
	readonly name: string;
	readonly driver: string;
	readonly scope: string;
	readonly internal: boolean;
	/** Set only when the daemon says so: daemons before Docker 28 (API 1.48) send no EnableIPv4 (IPv4 was always on). */
	readonly enableIPv4?: boolean;
	readonly enableIPv6?: boolean;
	/** From its IPAM config: `172.19.0.0/16`. */
	readonly subnets: readonly string[];
	/** Unix seconds (0 when unknown). */
	readonly created: number;
	readonly labels: Readonly<Record<string, string>>;
};

export type VolumeSummary = {
	readonly name: string;
	readonly driver: string;
	readonly mountpoint: string;
	readonly scope: string;
	/** Unix seconds (0 when unknown). */
	readonly created: number;
	readonly labels: Readonly<Record<string, string>>;
	/** Bytes; only disk-usage answers have it, and only for drivers that measure. */
	readonly size?: number;
	/** Containers referring to it; only disk-usage answers have it. */
	readonly refCount?: number;
};

export type DiskUsageContainer = {
	readonly id: string;
	readonly name: string;
	readonly state: string;
	/** Bytes written by the container (its writable layer). */
	readonly sizeRw: number;
};

export type BuildCacheRecord = {
	readonly id: string;
	readonly type: string;
	readonly size: number;
	readonly inUse: boolean;
	readonly shared: boolean;
};

/** One line of `docker system df` as the daemon computed it. */
export type UsageTotals = {
	readonly total: number;
	readonly active: number;
	/** Bytes. */
	readonly size: number;
	/** Bytes. */
	readonly reclaimable: number;
};

/** `GET /system/df`, what `docker system df` is computed from. */
export type DiskUsage = {
	readonly layersSize: number;
	readonly images: readonly ImageSummary[];
	readonly containers: readonly DiskUsageContainer[];
	readonly volumes: readonly VolumeSummary[];
	readonly buildCache: readonly BuildCacheRecord[];
	/**
	 * The daemon's own figures per type, where it gives them (Engine API 1.52 on, which
	 * `docker system df` then shows as they are). Older daemons give only the items: the
	 * figures are computed from them, as the docker CLI of their time did.
	 */
	readonly totals?: {
		readonly images?: UsageTotals;
		readonly containers?: UsageTotals;
		readonly volumes?: UsageTotals;
		readonly buildCache?: UsageTotals;
	};
};

/** `GET /info`, reduced to what a person reads. */
export type DaemonInfo = {
	readonly name: string;
	readonly serverVersion: string;
	readonly operatingSystem: string;
	readonly osType: string;
	readonly kernelVersion: string;
	readonly architecture: string;
	readonly storageDriver: string;
	readonly cgroupDriver: string;
	readonly cgroupVersion: string;
	readonly loggingDriver: string;
	readonly cpus: number;
	readonly memoryBytes: number;
	readonly containers: number;
	readonly running: number;
	readonly paused: number;
	readonly stopped: number;
	readonly images: number;
	readonly rootDir: string;
	/** `inactive`, `active`, `pending`, `error`, `locked`, or '' when the daemon did not say. */
	readonly swarm: string;
	readonly warnings: readonly string[];
};

/** One layer of `docker history`. */
export type ImageLayer = {
	readonly id: string;
	readonly created: number;
	readonly createdBy: string;
	readonly size: number;
	readonly tags: readonly string[];
	readonly comment: string;
};

export type PruneKind = 'images' | 'networks' | 'volumes';

export type PruneResult = {
	/** What the daemon says it deleted: image ids (intermediate layers too), network or volume names. */
	readonly deleted: readonly string[];
	/** Image references it removed (an image goes once its last reference does). */
	readonly untagged: readonly string[];
	readonly spaceReclaimed: number;
};

/** Objects `inspect` can read (the daemon's full document). */
export type InspectKind = 'containers' | 'images' | 'networks' | 'volumes';
