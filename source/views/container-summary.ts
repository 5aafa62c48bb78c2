// The part of a container's inspect document a person looks for first — what runs,
// with which environment, mounts, ports, labels, restart policy, and how its health
// check has been doing — as lines above the full document. The document comes from
// the engine already sanitised; any field may be missing (Podman, old daemons).
import type {Line, Segment} from '../components/scroll-text.js';

type Json = Record<string, unknown>;

const record = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');

/** A command as a shell would read it back: arguments with spaces or quotes are quoted. */
export function shellWords(words: readonly string[]): string {
	return words.map(word => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", String.raw`'\''`)}'`)).join(' ');
}

/** Nanoseconds (how the daemon stores health-check timing) → "30s", "1m30s", "500ms". */
export function goDuration(nanoseconds: unknown): string {
	if (typeof nanoseconds !== 'number' || !(nanoseconds > 0)) return '';
	const ms = nanoseconds / 1e6;
	if (ms < 1000) return `${Math.round(ms)}ms`;
	const seconds = Math.round(ms / 1000);
	const minutes = Math.floor(seconds / 60);
	return minutes > 0 ? `${minutes}m${seconds % 60 === 0 ? '' : `${seconds % 60}s`}` : `${seconds}s`;
}

function ports(document: Json): string[] {
	const published = record(record(document['NetworkSettings'])['Ports']);
	const configured = Object.keys(record(record(document['Config'])['ExposedPorts']));
	const keys = [...new Set([...Object.keys(published), ...configured])].sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b));
	return keys.flatMap(port => {
		const bindings = published[port];
		if (!Array.isArray(bindings) || bindings.length === 0) return [`${port} (not published)`];
		return bindings.map(binding => `${text(record(binding)['HostIp']) || '0.0.0.0'}:${text(record(binding)['HostPort'])} → ${port}`);
	});
}

function mounts(document: Json): string[] {
	const list = Array.isArray(document['Mounts']) ? document['Mounts'].map(record) : [];
	return list.map(mount => {
		const source = text(mount['Type']) === 'volume' ? `volume ${text(mount['Name'])}` : `${text(mount['Type']) || 'bind'} ${text(mount['Source'])}`;
		return `${source} → ${text(mount['Destination'])} (${mount['RW'] === false ? 'ro' : 'rw'})`;
	});
}

function restartPolicy(document: Json): string {
	const policy = record(record(document['HostConfig'])['RestartPolicy']);
	const name = text(policy['Name']) || 'no';
	const retries = typeof policy['MaximumRetryCount'] === 'number' && policy['MaximumRetryCount'] > 0 ? ` (at most ${policy['MaximumRetryCount']} retries)` : '';
	const count = typeof document['RestartCount'] === 'number' && document['RestartCount'] > 0 ? ` · restarted ${document['RestartCount']} times` : '';
	return `${name}${retries}${count}`;
}

/** The health check's definition, then its status and last results, newest last. */
function health(document: Json): string[] {
	const check = record(record(document['Config'])['Healthcheck']);
	const state = record(record(document['State'])['Health']);
	const test = strings(check['Test']);
	if (test.length === 0 && Object.keys(state).length === 0) return [];
	const timing = [goDuration(check['Interval']) && `every ${goDuration(check['Interval'])}`, goDuration(check['Timeout']) && `timeout ${goDuration(check['Timeout'])}`, typeof check['Retries'] === 'number' ? `${check['Retries']} retries` : ''].filter(Boolean).join(', ');
	const lines = [
		`${text(state['Status']) || 'no status yet'}${typeof state['FailingStreak'] === 'number' ? ` · failing streak ${state['FailingStreak']}` : ''}`,
		...(test.length > 0 ? [`test: ${test[0] === 'CMD-SHELL' ? test.slice(1).join(' ') : shellWords(test[0] === 'CMD' ? test.slice(1) : test)}${timing ? ` (${timing})` : ''}`] : []),
	];
	const log = Array.isArray(state['Log']) ? state['Log'].map(record) : [];
	for (const result of log.slice(-5)) {
		const output = text(result['Output']).replace(/\s+/g, ' ').trim();
		lines.push(`${text(result['End']).replace(/\.\d+/, '') || '?'} exit ${text(result['ExitCode']) || '?'}${output ? ` · ${output}` : ''}`);
	}

	return lines;
}

/** [label, values] pairs of the summary, in reading order. */
export function summaryFields(document: unknown): Array<[string, string[]]> {
	const root = record(document);
	const config = record(root['Config']);
	const labels = Object.entries(record(config['Labels'])).map(([key, value]) => `${key}=${text(value)}`).sort();
	const words = (value: unknown) => (strings(value).length > 0 ? [shellWords(strings(value))] : []);
	return [
		['Command', words(config['Cmd'])],
		['Entrypoint', words(config['Entrypoint'])],
		['Env', strings(config['Env'])],
		['Mounts', mounts(root)],
		['Ports', ports(root)],
		['Labels', labels],
		['Restart', [restartPolicy(root)]],
		['Health', health(root)],
	];
}

const labelWidth = 12;

/** The summary as lines for the inspect tab: one value per line, continuation lines indented. */
export function summaryLines(document: unknown): Line[] {
	const lines: Line[] = [[{text: 'Summary', bold: true, color: 'cyan'}]];
	for (const [label, values] of summaryFields(document)) {
		const shown = values.length > 0 ? values : ['-'];
		shown.forEach((value, index) => {
			const lead: Segment = {text: index === 0 ? `  ${label.padEnd(labelWidth)}` : ' '.repeat(labelWidth + 2), bold: index === 0};
			lines.push([lead, {text: value, ...(values.length === 0 ? {color: 'gray'} : {})}]);
		});
	}

	lines.push([{text: ''}], [{text: 'Document', bold: true, color: 'cyan'}]);
	return lines;
}
