import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precacheFiles, precacheUrl } from '../lib/offline.ts';

/** The cache version of a build: a hash of the cached files' paths and contents, so any change gives a new one. */
export function offlineVersion(files: readonly (readonly [path: string, content: Uint8Array])[]): string {
	const hash = createHash('sha256');
	for (const [path, content] of files) hash.update(`${path}\0`).update(content).update('\0');
	return hash.digest('hex').slice(0, 16);
}

/**
 * Writes the service worker (src/offline/sw.ts) to /sw.js once the site and its search index are
 * built: with the list of files to cache for offline reading, and a version that is a hash of those
 * files' paths and contents, so any change to the site gives a new cache and removes the old one.
 */
export function offline(): AstroIntegration {
	return {
		name: 'interview-guide:offline',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				const files = readdirSync(site, { recursive: true, encoding: 'utf8' })
					.filter((file) => statSync(join(site, file)).isFile())
					.map((file) => file.split('\\').join('/'))
					.sort();
				const cached = precacheFiles(files);
				const urls = cached.map(precacheUrl);
				const version = offlineVersion(cached.map((file) => [file, readFileSync(join(site, file))]));
				await build({
					entryPoints: [fileURLToPath(new URL('../offline/sw.ts', import.meta.url))],
					outfile: join(site, 'sw.js'),
					bundle: true,
					minify: true,
					format: 'iife',
					target: 'es2022',
					define: { __PRECACHE__: JSON.stringify(urls), __VERSION__: JSON.stringify(version) },
					logLevel: 'warning',
				});
				logger.info(`Service worker ${version}: ${urls.length} files for offline reading.`);
			},
		},
	};
}
