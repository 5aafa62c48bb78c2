import type {ContainerSummary, Engine} from '../engine/engine.js';
import type {ImageSummary} from '../engine/objects.js';
import {formatAge, formatBytes, pluralize, shortId} from '../text/format.js';
import {messageOf} from '../state/run-action.js';
import {onSameHost, plainId} from '../fleet/fleet-id.js';
import type {Operation, ResourceDescriptor} from '../state/resource-descriptor.js';

/** One line of `docker images`: an image under one of its tags (a dangling image has one line, `<none>`). */
export type ImageRow = {
	/** The reference, or the image id when it has none: unique per line. */
	readonly key: string;
	readonly image: ImageSummary;
	/** `repo:tag`; undefined for a dangling image. */
	readonly reference?: string;
	readonly repository: string;
	readonly tag: string;
	/** Names of the containers (any state) made from it. */
	readonly users: readonly string[];
};

const none = '<none>';

/** `registry:5000/team/app:1.2` → ['registry:5000/team/app', '1.2'] (the port's colon is not the tag's). */
export function splitReference(reference: string): [string, string] {
	const colon = reference.lastIndexOf(':');
	return colon > reference.lastIndexOf('/') ? [reference.slice(0, colon), reference.slice(colon + 1)] : [reference, none];
}

export function imageRows(images: readonly ImageSummary[], containers: readonly ContainerSummary[]): ImageRow[] {
	return images.flatMap(image => {
		const users = containers.filter(container => container.imageId === image.id).map(container => container.name);
		if (image.tags.length === 0) return [{key: image.id, image, repository: none, tag: none, users}];
		return image.tags.map(reference => {
			const [repository, tag] = splitReference(reference);
			// In a fleet the same tag is on several hosts: the key names the image's host too.
			return {key: onSameHost(reference, image.id), image, reference, repository, tag, users};
		});
	});
}

async function listImageRows(engine: Engine, signal: AbortSignal): Promise<ImageRow[]> {
	const [images, containers] = await Promise.all([engine.listImages(signal), engine.listContainers(signal)]);
	return imageRows(images, containers);
}

const dangling = (row: ImageRow) => row.reference === undefined;
const label = (row: ImageRow) => row.reference ?? `${none} ${shortId(row.image.id)}`;

function removal(row: ImageRow): Operation {
	// A tag among several only untags; the last reference (or an id) deletes the image.
	const untag = row.reference !== undefined && row.image.tags.length > 1;
	return {
		progress: untag ? 'Untagging' : 'Removing',
		done: untag ? 'untagged' : 'removed',
		dangerous: true,
		run: async (engine, {force}) => engine.remove('images', row.reference === undefined ? row.image.id : onSameHost(row.reference, row.image.id), {force}),
	};
}

/** Shared layers are counted once per image here; the daemon's answer after the prune is the truth. */
function freed(rows: readonly ImageRow[]): string {
	const unique = new Map(rows.map(row => [row.image.id, row.image.size]));
	return `Frees up to ${formatBytes([...unique.values()].reduce((sum, size) => sum + size, 0))} (layers kept images share stay)`;
}

async function prune(engine: Engine, all: boolean): Promise<string> {
	const result = await engine.prune('images', {all});
	const untagged = result.untagged.length > 0 ? `${pluralize(result.untagged.length, 'tag')} removed, ` : '';
	return `Pruned images: ${untagged}${pluralize(result.deleted.length, 'image')} deleted (layers included), ${formatBytes(result.spaceReclaimed)} reclaimed`;
}

export const images: ResourceDescriptor<ImageRow> = {
	kind: 'images',
	title: 'Images',
	scope: 'images',
	list: listImageRows,
	id: row => row.key,
	label,
	columns: [
		{header: 'REPOSITORY', width: 'flex', minWidth: 12, value: row => row.repository, tone: row => (dangling(row) ? 'warn' : undefined)},
		{header: 'TAG', width: 'flex', minWidth: 8, value: row => row.tag, tone: row => (dangling(row) ? 'warn' : undefined)},
		{header: 'ID', width: 12, dropOrder: 2, value: row => shortId(row.image.id)},
		{header: 'SIZE', width: 8, align: 'right', value: row => formatBytes(row.image.size)},
		{header: 'CREATED', width: 7, align: 'right', dropOrder: 3, value: (row, now) => formatAge(row.image.created, now)},
		{header: 'CONTAINERS', width: 10, align: 'right', dropOrder: 4, value: row => String(row.users.length), tone: row => (row.users.length > 0 ? 'good' : 'dim')},
		{header: 'USED BY', width: 'flex', minWidth: 8, dropOrder: 1, value: row => row.users.join(', ')},
	],
	// Newest first, as `docker images`; tags of one image together.
	sort: (a, b) => b.image.created - a.image.created || a.image.id.localeCompare(b.image.id) || label(a).localeCompare(label(b)),
	stateOf: row => (row.users.length > 0 ? `used by ${row.users.join(', ')}` : 'unused'),
	searchText: row => `${label(row)}\n${plainId(row.image.id)}\n${row.users.join('\n')}${dangling(row) ? '\ndangling' : ''}`.toLowerCase(),
	// A container made or removed changes who uses an image.
	refreshOn: ['image', 'container'],
	emptyMessage: 'No images',
	actions: {
		'resource.remove': {
			verb: rows => (rows.length > 0 && rows.every(row => removal(row).progress === 'Untagging') ? 'Untag' : 'Remove'),
			plan: removal,
			// "(must force)" / "(must be forced)": force would do it; "(cannot be forced)" never.
			retryWithForce: error => /\(must (be )?force(d)?\)/.test(messageOf(error)),
			forceMeaning: 'removes it anyway (an id: every tag goes; a stopped container loses its image)',
		},
		'resource.prune': {
			verb: () => 'Prune',
			bulk: {
				pick: (rows, all) => rows.filter(row => row.users.length === 0 && (all || dangling(row))),
				toggle: ['dangling only', 'all unused'],
				summary: freed,
				progress: 'Pruning',
				run: async (engine, {all}) => prune(engine, all),
			},
		},
	},
	opens: {
		'list.inspect': (row, back) => ({screen: 'inspect', kind: 'images', id: row.image.id, title: `Image ${label(row)}`, search: '', back}),
		'image.history': (row, back) => ({screen: 'history', id: row.image.id, title: label(row), back}),
	},
};
