import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';

/** How many built pages Pagefind read, and how many of them are in the index. */
export interface SearchIndexCount {
	read: number;
	indexed: number;
}

/**
 * Indexes the built pages in `site` with Pagefind's Node API into `site/pagefind/`, and returns how
 * many pages it read and indexed. Run by the site integration (src/integrations/site.ts) when `astro
 * build` ends, before the offline step, whose list includes the index's files. Pagefind reads every
 * page but indexes only those with data-pagefind-body: the question articles. Its indexing process
 * is closed whatever happens, so a failed index never leaves the build hanging.
 */
export async function writeSearchIndex(site: string): Promise<SearchIndexCount> {
	try {
		const { index, errors } = await createIndex({
			// Identifiers such as __init__, docker-compose and CI/CD are words a reader types whole;
			// Pagefind indexes them whole and by their parts.
			includeCharacters: '_-/',
		});
		if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
		const added = await index.addDirectory({ path: site });
		if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
		const bundle = join(site, 'pagefind');
		const written = await index.writeFiles({ outputPath: bundle });
		if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
		return { read: added.page_count, indexed: indexedPages(bundle) };
	} finally {
		await close();
	}
}

/** The pages in a written index: Pagefind's entry file counts them for each language. */
function indexedPages(bundle: string): number {
	const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
	return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
