import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {contextId} from '../../source/transport/docker-config.js';

// Fixtures in the docker CLI's own layout ($DOCKER_CONFIG/config.json, contexts/meta,
// contexts/tls), as `docker context create` writes them (checked against CLI 28).

export type ContextFixture = {
	host: string;
	description?: string;
	skipTlsVerify?: boolean;
	/** Source files copied to contexts/tls/<id>/docker/{ca,cert,key}.pem. */
	tls?: {ca?: string; cert?: string; key?: string};
};

export function writeContext(configDirectory: string, name: string, fixture: ContextFixture): string {
	const id = contextId(name);
	const metaDirectory = path.join(configDirectory, 'contexts', 'meta', id);
	mkdirSync(metaDirectory, {recursive: true});
	const meta = {
		Name: name,
		Metadata: fixture.description === undefined ? {} : {Description: fixture.description},
		Endpoints: {docker: {Host: fixture.host, SkipTLSVerify: fixture.skipTlsVerify === true}},
	};
	const file = path.join(metaDirectory, 'meta.json');
	writeFileSync(file, JSON.stringify(meta));
	if (fixture.tls) {
		const tlsDirectory = path.join(configDirectory, 'contexts', 'tls', id, 'docker');
		mkdirSync(tlsDirectory, {recursive: true});
		for (const [kind, source] of Object.entries(fixture.tls)) copyFileSync(source, path.join(tlsDirectory, `${kind}.pem`));
	}

	return file;
}

/** A meta.json with any text, for malformed ones; returns its path. */
export function writeRawContext(configDirectory: string, name: string, text: string): string {
	const metaDirectory = path.join(configDirectory, 'contexts', 'meta', contextId(name));
	mkdirSync(metaDirectory, {recursive: true});
	const file = path.join(metaDirectory, 'meta.json');
	writeFileSync(file, text);
	return file;
}

export function writeConfig(configDirectory: string, config: unknown): string {
	mkdirSync(configDirectory, {recursive: true});
	const file = path.join(configDirectory, 'config.json');
	writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
	return file;
}
