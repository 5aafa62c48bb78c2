import type {ContainerSummary, EngineEvent} from '../../source/engine/engine.js';
import {EngineError} from '../../source/engine/errors.js';
import type {ImageSummary, PruneResult} from '../../source/engine/objects.js';

// The fake daemon's image store: removal and prune follow dockerd 20.10's
// daemon/images/image_delete.go and image_prune.go — which reference removes what,
// which conflicts force can override, and the exact messages.

export type ImageStoreHost = {
	readonly containers: () => readonly ContainerSummary[];
	readonly emit: (event: EngineEvent) => void;
};

let imageCount = 0;

/** Concise test data: a 64-hex id stable per call, one tag, busybox's size. */
export function fakeImage(partial: Partial<ImageSummary> = {}): ImageSummary {
	imageCount += 1;
	const hex = (imageCount.toString(16).padStart(8, '0') + '1a6e').repeat(6).slice(0, 64);
	return {id: `sha256:${hex}`, parentId: '', tags: [`image-${imageCount}:latest`], digests: [], created: Math.floor(Date.now() / 1000), size: 1_985_472, labels: {}, ...partial};
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
const live = new Set(['running', 'paused', 'restarting']);

/** `busybox` means `busybox:latest`, as the daemon normalises it. */
function normalise(ref: string): string {
	const lastSegment = ref.slice(ref.lastIndexOf('/') + 1);
	return lastSegment.includes(':') || ref.includes('@') ? ref : `${ref}:latest`;
}

function conflict(message: string): EngineError {
	return new EngineError('conflict', message, 409);
}

export function createImageStore(host: ImageStoreHost, seed: readonly ImageSummary[]) {
	let images: ImageSummary[] = [...seed];

	function event(action: string, image: ImageSummary, name: string): void {
		host.emit({type: 'image', action, id: image.id, name, time: Math.floor(Date.now() / 1000), attributes: {name}});
	}

	function byId(ref: string): ImageSummary | undefined {
		const hex = ref.replace(/^sha256:/, '');
		if (!/^[0-9a-f]+$/.test(hex)) return undefined;
		const found = images.filter(image => image.id.replace(/^sha256:/, '').startsWith(hex));
		return found.length === 1 ? found[0] : undefined;
	}

	function users(image: ImageSummary) {
		return host.containers().filter(container => container.imageId === image.id);
	}

	function update(id: string, tags: string[]): void {
		images = images.map(image => (image.id === id ? {...image, tags} : image));
	}

	/** imageDeleteHelper: hard conflicts always stop it, soft ones unless forced. */
	function deleteConflict(image: ImageSummary, force: boolean): string | undefined {
		if (images.some(other => other.parentId === image.id)) return '(cannot be forced) - image has dependent child images';
		const using = users(image);
		const running = using.find(container => live.has(container.state));
		if (running) return `(cannot be forced) - image is being used by running container ${short(running.id)}`;
		if (force) return undefined;
		if (image.tags.length > 1) return '(must be forced) - image is referenced in multiple repositories';
		if (using[0]) return `(must be forced) - image is being used by stopped container ${short(using[0].id)}`;
		return undefined;
	}

	function destroy(image: ImageSummary, deleted: string[]): void {
		for (const tag of image.tags) {
			deleted.push(tag);
			event('untag', image, image.id);
		}

		images = images.filter(other => other.id !== image.id);
		deleted.push(image.id);
		event('delete', image, image.id);
	}

	/** DELETE /images/{ref}: what it untagged and deleted, in the daemon's order. */
	function remove(ref: string, force: boolean): string[] {
		const tag = normalise(ref);
		const tagged = images.find(image => image.tags.includes(tag));
		const image = tagged ?? byId(ref);
		if (!image) throw new EngineError('not-found', `No such image: ${byId(ref) ? ref : tag}`, 404);
		const deleted: string[] = [];
		if (tagged) {
			const using = users(image)[0];
			if (!force && image.tags.length === 1 && using) {
				throw conflict(`conflict: unable to remove repository reference "${ref}" (must force) - container ${short(using.id)} is using its referenced image ${short(image.id)}`);
			}

			update(image.id, image.tags.filter(other => other !== tag));
			deleted.push(tag);
			event('untag', image, image.id);
			if (image.tags.length > 1) return deleted;
			// The last reference is gone: the image goes too, unless something still holds it (then quietly not).
			const now = images.find(other => other.id === image.id)!;
			if (deleteConflict(now, force) === undefined) destroy(now, deleted);
			return deleted;
		}

		const problem = deleteConflict(image, force);
		if (problem) throw conflict(`conflict: unable to delete ${short(image.id)} ${problem}`);
		destroy(image, deleted);
		return deleted;
	}

	/** POST /images/prune: dangling (untagged) unused images, or every unused one. */
	function prune(all: boolean): PruneResult {
		const deleted: string[] = [];
		let spaceReclaimed = 0;
		for (const image of [...images]) {
			if (!all && image.tags.length > 0) continue;
			if (users(image).length > 0) continue;
			// A dangling parent of other images stays; a tagged one is only untagged (remove() says so).
			if (image.tags.length === 0 && deleteConflict(image, false) !== undefined) continue;
			const before = images.length;
			if (image.tags.length === 0) destroy(image, deleted);
			else for (const tag of image.tags) deleted.push(...remove(tag, false));
			if (images.length < before) spaceReclaimed += image.size;
		}

		host.emit({type: 'image', action: 'prune', id: '', time: Math.floor(Date.now() / 1000), attributes: {reclaimed: String(spaceReclaimed)}});
		// remove() reports ids and references in one list, as the daemon's answer does.
		return {deleted: deleted.filter(item => item.startsWith('sha256:')), untagged: deleted.filter(item => !item.startsWith('sha256:')), spaceReclaimed};
	}

	return {
		// Like GET /images/json: without `all`, untagged parents (intermediate layers) are left out.
		list: (all = false) => images.filter(image => all || image.tags.length > 0 || !images.some(other => other.parentId === image.id)).map(image => ({...image})),
		users,
		find: (ref: string) => images.find(image => image.tags.includes(normalise(ref))) ?? byId(ref),
		set(next: readonly ImageSummary[]) {
			images = [...next];
		},
		remove,
		prune,
		/** `tag` (a full `repo:tag`) now names `id`; another image holding it loses it (dockerd moves tags). */
		tag(id: string, tag: string) {
			images = images.map(image => (image.id === id ? {...image, tags: [...image.tags.filter(other => other !== tag), tag]} : {...image, tags: image.tags.filter(other => other !== tag)}));
		},
		/** A pulled image joins the store (replacing one with the same id). */
		add(image: ImageSummary) {
			images = [...images.filter(other => other.id !== image.id), image];
		},
	};
}
