import { join } from 'node:path';
import { close, createIndex } from 'pagefind';

/**
 * Indexes the built pages in `site` with Pagefind's Node API into `site/pagefind/`, and returns how
 * many pages it indexed. Run by the site integration (src/integrations/site.ts) when `astro build`
 * ends, before the offline step, whose list includes the index's files. Only what a page marks with
 * data-pagefind-body is indexed: the question articles. Pagefind's indexing process is closed
 * whatever happens, so a failed index never leaves the build hanging.
 */
export async function writeSearchIndex(site: string): Promise<number> {
	try {
		const { index, errors } = await createIndex({
			// Identifiers such as __init__, docker-compose and CI/CD are words a reader types whole;
			// Pagefind indexes them whole and by their parts.
			includeCharacters: '_-/',
		});
		if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
		const added = await index.addDirectory({ path: site });
		if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
		const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
		if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
		return added.page_count;
	} finally {
		await close();
	}
}
