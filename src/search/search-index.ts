import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/**
 * Indexes the built pages with Pagefind's Node API when `astro build` finishes, so the build alone
 * makes a complete site (the offline list needs the index's files). Only what a page marks with
 * data-pagefind-body is indexed: the question articles.
 */
export function searchIndex(): AstroIntegration {
	return {
		name: 'interview-guide:search-index',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				const { index, errors } = await createIndex({
					// Identifiers such as __init__, docker-compose and CI/CD are words a reader types whole;
					// Pagefind indexes them whole and by their parts.
					includeCharacters: '_-/',
				});
				if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
				const added = await index.addDirectory({ path: site });
				if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
				const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
				if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
				// Ends Pagefind's indexing process, which would otherwise outlive the build.
				await close();
				logger.info(`Indexed ${added.page_count} pages for search.`);
			},
		},
	};
}
