import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { SITE_PATHS } from '../lib/links.ts';
import { groupWords, indexWords, vocabularySpellings, type SearchWords, type TermQuestion } from './query.ts';
import { parseSearchTerms, SEARCH_TERMS_FILE, type SearchTerm } from './terms.ts';

/** How many built pages Pagefind read, how many of them are in the index, and the vocabulary's records beside them. */
export interface SearchIndexCount {
	read: number;
	indexed: number;
	terms: number;
}


/**
 * Indexes the built pages in `site` with Pagefind's Node API into `site/pagefind/`, and returns how
 * many pages it read and indexed. Run by the site integration (src/integrations/site.ts) when `astro
 * build` ends, before the offline step, whose list includes the index's files. Pagefind reads every
 * page but indexes only those with data-pagefind-body: the question articles. Beside them, one record
 * per entry of the field's vocabulary (`root`/content/search-terms.yaml), filtered as `kind: term`
 * and never shown as text: the dialog finds the questions it points at. Then the index's own words
 * go to search-words.json. Its indexing process is closed whatever happens, so a failed index never
 * leaves the build hanging.
 */
export async function writeSearchIndex(site: string, root: string): Promise<SearchIndexCount> {
	try {
		const { index, errors } = await createIndex({
			// Identifiers such as __init__, docker-compose and CI/CD are words a reader types whole;
			// Pagefind indexes them whole and by their parts.
			includeCharacters: '_-/',
		});
		if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
		const added = await index.addDirectory({ path: site });
		if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
		const pages = await fragments(index);
		const questions = new Map<number, TermQuestion>();
		for (const [id, page] of pages) {
			const number = Number(page.meta['number']);
			const sectionId = page.filters['section']?.[0] ?? '';
			if (Number.isInteger(number)) questions.set(number, { number, id, url: page.url, title: page.meta['title'] ?? '', section: page.meta['section'] ?? '', sectionId });
		}
		// A guide may have no vocabulary (a new one, the tests' small guides): its search is Pagefind's alone.
		const vocabularyFile = join(root, SEARCH_TERMS_FILE);
		const terms = existsSync(vocabularyFile) ? parseSearchTerms(readFileSync(vocabularyFile, 'utf8'), SEARCH_TERMS_FILE, new Set(questions.keys())) : [];
		for (const [place, term] of terms.entries()) {
			const record = await index.addCustomRecord({
				// A record's address is its identity in the index (never shown: the dialog links its questions).
				url: `${SITE_PATHS.searchBundle}terms/${place + 1}`,
				content: [term.term, ...term.also].join('. '),
				language: 'en',
				meta: { title: term.term, topic: term.topic, questions: JSON.stringify(term.questions.map((number) => questions.get(number)!)) },
				filters: { kind: ['term'] },
			});
			if (record.errors.length > 0) throw new Error(`Pagefind could not index the term "${term.term}" (${SEARCH_TERMS_FILE}): ${record.errors.join('; ')}`);
		}
		const phrases = terms.map((term) => [term.term, ...term.also]);
		const counts = indexWords(
			[...pages.values()].map((page) => page.content),
			phrases.map((list) => list.join(' ')),
		);
		const words: SearchWords = { words: groupWords(counts), spellings: vocabularySpellings(phrases, counts), topics: suggestedTopics(terms, questions) };
		writeFileSync(join(site, SITE_PATHS.searchWords.slice(1)), JSON.stringify(words));
		const bundle = join(site, 'pagefind');
		const written = await index.writeFiles({ outputPath: bundle });
		if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
		return { read: added.page_count, indexed: indexedPages(bundle) - terms.length, terms: terms.length };
	} finally {
		await close();
	}
}

/**
 * A topic to suggest per section when a search finds nothing: the vocabulary's term that points at
 * the most questions of the section (the first such, in the file's order).
 */
function suggestedTopics(terms: readonly SearchTerm[], questions: ReadonlyMap<number, TermQuestion>): string[] {
	const best = new Map<string, { term: string; count: number }>();
	for (const term of terms) {
		const section = questions.get(term.questions[0]!)!.sectionId;
		const count = term.questions.filter((number) => questions.get(number)!.sectionId === section).length;
		if (count > (best.get(section)?.count ?? 0)) best.set(section, { term: term.term, count });
	}
	return [...best.values()].map(({ term }) => term);
}

/** The pages Pagefind has indexed so far, by result id (its fragment's name), as its fragments hold them. */
interface Fragment {
	url: string;
	content: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
}
async function fragments(index: PagefindIndex): Promise<Map<string, Fragment>> {
	const { files, errors } = await index.getFiles();
	if (errors.length > 0) throw new Error(`Pagefind could not list its files: ${errors.join('; ')}`);
	const pages = new Map<string, Fragment>();
	for (const file of files) {
		const name = /^fragment\/(.+)\.pf_fragment$/.exec(file.path)?.[1];
		if (!name) continue;
		// A fragment is gzipped JSON after a signature.
		const text = gunzipSync(file.content).toString('utf8');
		pages.set(name, JSON.parse(text.slice(text.indexOf('{'))));
	}
	return pages;
}

/** The pages in a written index: Pagefind's entry file counts them for each language. */
function indexedPages(bundle: string): number {
	const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
	return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
