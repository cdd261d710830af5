/** What a search is: the words typed and the sections it is narrowed to. Lives in the page URL. */
export interface SearchState {
	query: string;
	/** Section ids; empty means every section. */
	sections: string[];
}

// The URL's parameter names live with the control's few rules, which every page loads.
import { SEARCH_PARAMS } from './search-keys.ts';

export { HIGHLIGHT_PARAM, SEARCH_PARAMS } from './search-keys.ts';

/** Reads a search from a page's query string; unknown section ids are dropped when `known` is given. */
export function readSearchState(params: URLSearchParams, known?: readonly string[]): SearchState {
	const sections = [...new Set(params.getAll(SEARCH_PARAMS.section))].filter(
		(id) => id !== '' && (!known || known.includes(id)),
	);
	return { query: (params.get(SEARCH_PARAMS.query) ?? '').trim(), sections };
}

/** Returns `url` with the search written into its query string (or removed, when empty). */
export function writeSearchState(url: URL, state: SearchState): URL {
	const next = new URL(url);
	next.searchParams.delete(SEARCH_PARAMS.query);
	next.searchParams.delete(SEARCH_PARAMS.section);
	if (state.query) next.searchParams.set(SEARCH_PARAMS.query, state.query);
	for (const id of state.sections) next.searchParams.append(SEARCH_PARAMS.section, id);
	return next;
}

/** An element with an id inside an indexed page, as Pagefind reports it. */
export interface SearchAnchor {
	element: string;
	id: string;
	text?: string;
	/** Word position where the element starts. */
	location: number;
}

/** Elements that start a linkable part of an answer: the guide's labelled items, and headings. */
const PART_ELEMENTS = new Set(['li', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * The part of a page holding most of the search hits, when it is not the page's first part:
 * a result can then link straight there ("Example") instead of to the top of the page.
 */
export function pickBestPart(anchors: readonly SearchAnchor[], locations: readonly number[]): SearchAnchor | undefined {
	const parts = anchors.filter((anchor) => PART_ELEMENTS.has(anchor.element)).sort((a, b) => a.location - b.location);
	const hits = new Map<SearchAnchor, number>();
	for (const location of locations) {
		const part = parts.findLast((anchor) => anchor.location <= location);
		if (part) hits.set(part, (hits.get(part) ?? 0) + 1);
	}
	let best: SearchAnchor | undefined;
	for (const part of parts) if ((hits.get(part) ?? 0) > (best ? hits.get(best)! : 0)) best = part;
	return best && best !== parts[0] ? best : undefined;
}

/**
 * A readable name for a part: a heading's text, or for a labelled item the id its label was made
 * from ("in-depth-explanation"), since an item's text runs on past its label.
 */
export function describePart(anchor: SearchAnchor): string {
	const text = (anchor.element !== 'li' && anchor.text?.trim()) || anchor.id.replace(/-/g, ' ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Leave-one-out retries run only for queries of at most this many words: each retry is a full
 * search of the other words, so a pasted paragraph of 1,000 words cost 1,000 searches (18.6 s).
 */
export const MAX_RETRY_WORDS = 12;

/**
 * The queries to try, in order, when one finds nothing: the query without each one of its words
 * (a repeated word once). Pagefind wants every word, so "where vs having" finds nothing though
 * "where having" does. None for a single word or a query longer than MAX_RETRY_WORDS.
 */
export function queriesWithoutOneWord(query: string): { query: string; dropped: string }[] {
	const words = query.trim().split(/\s+/);
	if (words.length < 2 || words.length > MAX_RETRY_WORDS) return [];
	const seen = new Set<string>();
	return words
		.map((dropped, i) => ({ query: words.filter((_, j) => j !== i).join(' '), dropped }))
		.filter(({ query }) => !seen.has(query) && seen.add(query));
}

/**
 * Searches `query`, and when that finds nothing, each of its leave-one-out retries in turn until
 * one finds something. Stops, returning undefined, as soon as `stale()` says a newer search started.
 */
export async function searchWithRetries<T extends { results: readonly unknown[] }>(
	query: string,
	search: (query: string) => Promise<T>,
	stale: () => boolean,
): Promise<{ found: T; dropped?: string } | undefined> {
	const found = await search(query);
	if (stale()) return undefined;
	if (found.results.length > 0) return { found };
	for (const candidate of queriesWithoutOneWord(query)) {
		const retry = await search(candidate.query);
		if (stale()) return undefined;
		if (retry.results.length > 0) return { found: retry, dropped: candidate.dropped };
	}
	return { found };
}
