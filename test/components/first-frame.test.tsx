// start.ts writes the first frame before Ink has loaded; Ink then draws its own in the
// same place. The two must show the same text, or the screen jumps: the painted frame
// (first-frame.ts) is held here to what the dashboard draws for the same containers.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {firstFrameLines} from '../../source/start/first-frame.js';
import {createFakeEngine, fakeContainer} from '../fakes/fake-engine.js';
import type {ContainerSummary} from '../../source/engine/engine.js';
import {renderApp} from '../helpers/render-app.js';

const longAgo = Math.floor(Date.now() / 1000) - 3 * 86_400;

function fixture(count: number): ContainerSummary[] {
	return Array.from({length: count}, (_, index) =>
		fakeContainer({
			name: `web-${String(index).padStart(3, '0')}`,
			state: index % 3 === 0 ? 'exited' : 'running',
			created: longAgo,
			...(index % 5 === 0 ? {ports: [{privatePort: 80, publicPort: 8080 + index, ip: '0.0.0.0', type: 'tcp'}]} : {}),
			...(index % 7 === 0 ? {labels: {'com.docker.compose.project': 'shop', 'com.docker.compose.service': `svc${index}`}} : {}),
		}),
	);
}

async function compare(containers: ContainerSummary[], options: {readOnly?: boolean} = {}) {
	const fake = createFakeEngine({containers});
	const info = await fake.ping();
	const app = await renderApp(containers, {fake, readOnly: options.readOnly, columns: 100, rows: 24});
	try {
		const screen = await app.waitFor(info.version);
		const painted = firstFrameLines({host: fake.host, info, containers, readOnly: options.readOnly ?? false, columns: 100, rows: 24, now: Date.now(), color: false});
		const drawn = screen.split('\n');
		assert.equal(painted.length, 23, 'one line less than the terminal, as the dashboard');
		// The status lines (the last two) are left blank by the painted frame.
		const compared = painted.length - 2;
		assert.deepEqual(
			painted.slice(0, compared).map(line => line.trimEnd()),
			drawn.slice(0, compared).map(line => line.trimEnd()),
		);
	} finally {
		app.unmount();
	}
}

test('the painted first frame is the frame the dashboard draws: header, title, columns, rows, cursor', async () => {
	await compare(fixture(40));
});

test('… with fewer rows than the screen, and read-only', async () => {
	await compare(fixture(4), {readOnly: true});
});

test('… with no containers at all', async () => {
	await compare([]);
});
