// Images, networks and volumes on the real test daemon, set up behind dtui's back:
// images built FROM busybox:local through the API (no registry, no network), internal
// networks only, local volumes. Everything is named with a prefix so cleanup can
// never touch anyone else's objects.
import type Docker from 'dockerode';
import {idleCommand, testImage} from './daemon.js';

/** A ustar archive of small text files: enough for a build context, no dependency. */
export function tarOf(files: Record<string, string>): Buffer {
	const blocks: Buffer[] = [];
	for (const [name, content] of Object.entries(files)) {
		const body = Buffer.from(content);
		const header = Buffer.alloc(512);
		const field = (text: string, offset: number, length: number) => header.write(text.slice(0, length), offset, 'ascii');
		field(name, 0, 100);
		field('0000644\0', 100, 8);
		field('0000000\0', 108, 8);
		field('0000000\0', 116, 8);
		field(`${body.length.toString(8).padStart(11, '0')}\0`, 124, 12);
		field(`${Math.floor(Date.now() / 1000).toString(8).padStart(11, '0')}\0`, 136, 12);
		field('        ', 148, 8);
		field('0', 156, 1);
		field('ustar\0', 257, 6);
		field('00', 263, 2);
		const sum = header.reduce((total, byte) => total + byte, 0);
		field(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
		blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
	}

	blocks.push(Buffer.alloc(1024));
	return Buffer.concat(blocks);
}

/** Builds `FROM busybox:local` plus `lines` (at least one: with none the build is busybox:local itself) through the Engine API; returns the image id. */
export async function buildTestImage(docker: Docker, tag: string, lines: string[]): Promise<string> {
	if (lines.length === 0) throw new Error('buildTestImage needs a Dockerfile line, or the "new" image is busybox:local');
	const dockerfile = [`FROM ${testImage}`, ...lines, ''].join('\n');
	const stream = await docker.buildImage(tarOf({Dockerfile: dockerfile}) as unknown as NodeJS.ReadableStream, {t: tag, rm: true, forcerm: true, networkmode: 'none'});
	await new Promise<void>((resolve, reject) => {
		docker.modem.followProgress(stream, (error: Error | null, output: Array<{error?: string}>) => {
			const failed = error?.message ?? output.find(step => step.error)?.error;
			if (failed) reject(new Error(`build of ${tag} failed: ${failed}`));
			else resolve();
		});
	});
	return (await docker.getImage(tag).inspect()).Id;
}

export async function tagImage(docker: Docker, source: string, reference: string): Promise<void> {
	const split = reference.lastIndexOf(':');
	await docker.getImage(source).tag({repo: reference.slice(0, split), tag: reference.slice(split + 1)});
}

/** An internal bridge network: containers on it can reach nothing, not even the host. */
export async function createTestNetwork(docker: Docker, name: string): Promise<string> {
	const network = await docker.createNetwork({Name: name, Internal: true, CheckDuplicate: true});
	return network.id;
}

export async function createTestVolume(docker: Docker, name: string): Promise<void> {
	await docker.createVolume({Name: name});
}

export type LinkedContainer = {name: string; image?: string; network?: string; volume?: string; start?: boolean};

/** A busybox container on an (internal) network and/or with a volume at /data. */
export async function createLinkedContainer(docker: Docker, options: LinkedContainer): Promise<string> {
	const container = await docker.createContainer({
		name: options.name,
		Image: options.image ?? testImage,
		Cmd: idleCommand,
		HostConfig: {NetworkMode: options.network ?? 'none', Binds: options.volume ? [`${options.volume}:/data`] : []},
	});
	if (options.start) await container.start();
	return container.id;
}

const gone = (error: unknown) => [404, 409].includes((error as {statusCode?: number}).statusCode ?? 0);

async function quietly(run: () => Promise<unknown>): Promise<void> {
	try {
		await run();
	} catch (error) {
		if (!gone(error)) throw error;
	}
}

/** Removes containers, then images (tags), networks and volumes whose names start with `prefix`. */
export async function removeTestObjects(docker: Docker, prefix: string): Promise<void> {
	if (prefix.length < 4) throw new Error('removeTestObjects needs a distinctive prefix');
	const containers = await docker.listContainers({all: true});
	await Promise.all(containers.filter(info => info.Names.some(name => name.replace(/^\//, '').startsWith(prefix))).map(async info => quietly(async () => docker.getContainer(info.Id).remove({force: true}))));
	for (const image of await docker.listImages()) {
		for (const tag of image.RepoTags ?? []) {
			// One at a time: the last tag of an image deletes it, and the daemon dislikes two at once.
			if (tag.startsWith(prefix)) await quietly(async () => docker.getImage(tag).remove({force: true}));
		}
	}

	for (const network of await docker.listNetworks()) {
		if (network.Name.startsWith(prefix)) await quietly(async () => docker.getNetwork(network.Id).remove());
	}

	const {Volumes: volumes} = await docker.listVolumes();
	await Promise.all((volumes ?? []).filter(volume => volume.Name.startsWith(prefix)).map(async volume => quietly(async () => docker.getVolume(volume.Name).remove())));
}

/** Deletes the given image ids (dangling leftovers of a test), ignoring ones already gone; never the base image. */
export async function removeImageIds(docker: Docker, ids: readonly string[]): Promise<void> {
	const base = (await docker.getImage(testImage).inspect()).Id;
	for (const id of ids) {
		// A build that adds nothing yields the base image itself: force would delete busybox:local.
		if (id === base) continue;
		await quietly(async () => docker.getImage(id).remove({force: true}));
	}
}
