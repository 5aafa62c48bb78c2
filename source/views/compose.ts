// Compose projects in the containers list: the labels docker compose writes are enough
// to group, count and act on a project through the Engine API alone (no compose CLI).
import type {ContainerSummary} from '../engine/engine.js';
import type {GroupSpec} from '../state/resource-descriptor.js';

export const composeProjectLabel = 'com.docker.compose.project';
const serviceLabel = 'com.docker.compose.service';

const live = new Set(['running', 'paused', 'restarting']);

export const composeProjects: GroupSpec<ContainerSummary> = {
	key: container => container.labels[composeProjectLabel] || undefined,
	noun: 'project',
	cells(project, members) {
		const running = members.filter(container => live.has(container.state)).length;
		const services = new Set(members.map(container => container.labels[serviceLabel]).filter(Boolean)).size;
		return {
			NAME: project,
			IMAGE: services > 0 ? `${services} service${services === 1 ? '' : 's'}` : '',
			STATE: `${running}/${members.length}`,
			STATUS: `compose project · ${running} running / ${members.length} total`,
		};
	},
};
