import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { SITE_CODE_ENTRY } from '../data/cache-key.ts';
import { filesKey, moduleClosure } from '../data/module-closure.ts';
import { processSlots } from '../data/process-slots.ts';
import { formatBytes } from '../lib/offline.ts';
import { writeOfflineWorker } from '../offline/build.ts';
import { writeSearchIndex } from '../search/search-index.ts';
import { emptyExcept, recordKeptPages, removeUnmade, routeOutputs, takeKeptPages } from './kept-pages.ts';

/** Runs one build-end step; a failure names the step, with the original error as its cause. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		throw new Error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
	}
}

/**
 * Hashes the names of the files the browser bundle writes (each carries a hash of its content) into
 * every page's cacheKey (cache-key.ts). The browser bundle is built before pages render.
 */
function browserFilesKey(): Plugin {
	return {
		name: 'interview-guide:browser-files-key',
		applyToEnvironment: (environment) => environment.name === 'client',
		generateBundle(_options, bundle) {
			processSlots.clientCode = createHash('sha256').update(Object.keys(bundle).sort().join('\n')).digest('base64url');
		},
	};
}

/**
 * The steps that run on the built site, written here rather than left to the order of the
 * integrations list. When `astro build` starts: dist/ emptied but for the pages the last build left
 * (kept-pages.ts). When it ends: the kept pages this build did not make removed; the search index,
 * and the offline worker, whose list of files includes the index's (Pagefind indexes in a process of
 * its own, so the offline step reads and hashes the site's other files meanwhile, and the index's once
 * it is written); then the record of the pages left for the next build.
 */
export function siteBuildSteps(): AstroIntegration {
	// Gzip sizes of the offline files, and the pages left for the next build, in Astro's cacheDir (node_modules/.astro/).
	let sizeCache: string | undefined;
	let keptRecord = '';
	let outDir = '';
	let root = '';
	let kept = new Set<string>();
	return {
		name: 'interview-guide:build-steps',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig }) => {
				// dist/ is emptied at build:start instead, all but the pages that may be kept.
				processSlots.building = command === 'build';
				if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false }, plugins: [browserFilesKey()] } });
				const checkout = fileURLToPath(config.root);
				processSlots.siteCode = filesKey(checkout, moduleClosure(checkout, [SITE_CODE_ENTRY]));
			},
			'astro:config:done': ({ config }) => {
				sizeCache = fileURLToPath(new URL('offline-sizes.json', config.cacheDir));
				keptRecord = fileURLToPath(new URL('kept-pages.json', config.cacheDir));
				outDir = fileURLToPath(config.outDir);
				root = fileURLToPath(config.root);
			},
			'astro:build:start': () => {
				kept = takeKeptPages(keptRecord, outDir);
				emptyExcept(outDir, kept);
			},
			'astro:build:done': async ({ dir, assets, logger }) => {
				const site = fileURLToPath(dir);
				const made = routeOutputs(site, assets);
				const removed = removeUnmade(site, kept, made);
				if (removed > 0) logger.info(`Removed ${removed} page(s) the last build made and this one did not.`);
				const searchIndex = step('Search index (Pagefind)', () => writeSearchIndex(site, root));
				// Both awaited at once, so that a failed index is reported as itself, not left unhandled.
				const [pages, offline] = await Promise.all([searchIndex, step('Offline worker', () => writeOfflineWorker(site, { sizeCache, searchIndex }))]);
				logger.info(`Indexed ${pages.indexed} of ${pages.read} pages for search, and the field's vocabulary (${pages.terms} terms).`);
				logger.info(
					`Offline worker: sw.js is ${(offline.workerGzipBytes / 1024).toFixed(1)} KB gzipped; the saved guide is ${offline.files} files, about ${formatBytes(offline.bytes)}.`,
				);
				// Last: the offline step writes the saved guide's size into pages.
				recordKeptPages(keptRecord, site, made);
			},
		},
	};
}
