// `dtui images`: the rows of `docker images`, one per repository and tag.
import {familiarName, parseImageReference} from '../engine/image-reference.js';
import type {ImageSummary} from '../engine/objects.js';
import {formatBytes, shortId} from '../text/format.js';
import {goTime, timeAgo, type Listing, type RowOptions} from './listing.js';

const none = '<none>';

type Line = {readonly repository: string; readonly tag: string; readonly digest: string};

/**
 * The CLI's imageFormat without --digests: a dangling image is one `<none>` line; else a
 * line per tag (by familiar repository, in the daemon's order), then one per repository
 * known only by digest (its tag `<none>`). References the CLI cannot parse are skipped, as it does.
 */
function lines(image: ImageSummary): Line[] {
	if (image.tags.length === 0 && image.digests.length === 0) return [{repository: none, tag: none, digest: none}];
	const tagged = new Map<string, string[]>();
	for (const text of image.tags) {
		const parsed = parseImageReference(text);
		if ('error' in parsed || parsed.reference.tag === undefined) continue;
		const repository = familiarName(parsed.reference);
		tagged.set(repository, [...(tagged.get(repository) ?? []), parsed.reference.tag]);
	}

	const digestOnly = new Set<string>();
	for (const text of image.digests) {
		const parsed = parseImageReference(text);
		if ('error' in parsed || parsed.reference.digest === undefined) continue;
		const repository = familiarName(parsed.reference);
		if (!tagged.has(repository)) digestOnly.add(repository);
	}

	return [
		...[...tagged].flatMap(([repository, tags]) => tags.map(tag => ({repository, tag, digest: none}))),
		...[...digestOnly].map(repository => ({repository, tag: none, digest: ''})),
	];
}

/** Sizes as the CLI's JSON has them: SharedSize and UniqueSize only from disk-usage answers. */
function jsonFields(image: ImageSummary, line: Line, id: string, options: RowOptions): Record<string, string> {
	const shared = image.sharedSize;
	return {
		Containers: image.containers === undefined ? 'N/A' : String(image.containers),
		CreatedAt: goTime(image.created),
		CreatedSince: timeAgo(image.created, options.now),
		Digest: line.digest,
		ID: id,
		Repository: line.repository,
		SharedSize: shared === undefined ? 'N/A' : formatBytes(shared, 4),
		Size: formatBytes(image.size),
		Tag: line.tag,
		UniqueSize: shared === undefined ? 'N/A' : formatBytes(image.size - shared, 4),
		VirtualSize: formatBytes(image.size, 4),
	};
}

/** The images in the order given (the daemon's: newest first). */
export function imageListing(images: readonly ImageSummary[], options: RowOptions): Listing {
	return {
		headers: ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
		rows: images.flatMap(image => {
			const id = options.noTrunc ? image.id : shortId(image.id);
			return lines(image).map(line => ({
				cells: [line.repository, line.tag, id, timeAgo(image.created, options.now), formatBytes(image.size)],
				json: jsonFields(image, line, id, options),
				id,
			}));
		}),
	};
}
