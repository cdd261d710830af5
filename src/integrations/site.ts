import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { formatBytes } from '../lib/offline.ts';
import { writeOfflineWorker } from '../offline/build.ts';
import { writeSearchIndex } from '../search/search-index.ts';

/** Runs one build-end step; a failure names the step, with the original error as its cause. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		throw new Error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
	}
}

/**
 * The steps that run on the built site when `astro build` ends, written here rather than left to the
 * order of the integrations list: the search index, and the offline worker, whose list of files
 * includes the index's. Pagefind indexes in a process of its own, so the offline step reads and
 * hashes the site's other files meanwhile, and the index's once it is written.
 */
export function siteBuildSteps(): AstroIntegration {
	// Gzip sizes of the offline files, kept between builds in Astro's cacheDir (node_modules/.astro/).
	let sizeCache: string | undefined;
	return {
		name: 'interview-guide:build-steps',
		hooks: {
			'astro:config:done': ({ config }) => {
				sizeCache = fileURLToPath(new URL('offline-sizes.json', config.cacheDir));
			},
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				const searchIndex = step('Search index (Pagefind)', () => writeSearchIndex(site));
				// Both awaited at once, so that a failed index is reported as itself, not left unhandled.
				const [pages, offline] = await Promise.all([searchIndex, step('Offline worker', () => writeOfflineWorker(site, { sizeCache, searchIndex }))]);
				logger.info(`Indexed ${pages.indexed} of ${pages.read} pages for search.`);
				logger.info(
					`Offline worker: sw.js is ${(offline.workerGzipBytes / 1024).toFixed(1)} KB gzipped; the saved guide is ${offline.files} files, about ${formatBytes(offline.bytes)}.`,
				);
			},
		},
	};
}
