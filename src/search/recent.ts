// The reader's recent searches and recently read questions, kept in this browser so that the search
// dialog opens on something useful. Pure list rules plus a small storage wrapper that never throws.

/** A question the reader opened. */
export interface ReadQuestion {
	/** The page's path, under the base path ("/guide/sql-databases/acid/"). */
	url: string;
	number: number;
	/** Plain text. */
	title: string;
}

export const RECENT_SEARCHES_KEY = 'sg-recent-searches';
export const RECENT_READS_KEY = 'sg-recent-reads';
/** How many of each the dialog offers. */
export const RECENT_LIMIT = 5;

/** `item` first, then the others without any equal to it, at most `limit` in all. */
export function remember<T>(list: readonly T[], item: T, same: (a: T, b: T) => boolean, limit = RECENT_LIMIT): T[] {
	return [item, ...list.filter((other) => !same(other, item))].slice(0, limit);
}

/** Recent searches from a stored value: only non-empty strings, case-insensitively unique; [] for anything else. */
export function parseSearches(stored: string | null): string[] {
	const list = safeParse(stored);
	const seen = new Set<string>();
	return list
		.filter((item): item is string => typeof item === 'string' && item.trim() !== '')
		.map((item) => item.trim())
		.filter((item) => !seen.has(item.toLowerCase()) && seen.add(item.toLowerCase()))
		.slice(0, RECENT_LIMIT);
}

/** Recently read questions from a stored value: only well-formed entries; [] for anything else. */
export function parseReads(stored: string | null): ReadQuestion[] {
	return safeParse(stored)
		.filter(
			(item): item is ReadQuestion =>
				typeof item === 'object' &&
				item !== null &&
				typeof (item as ReadQuestion).url === 'string' &&
				/^\/(?!\/)/.test((item as ReadQuestion).url) &&
				Number.isInteger((item as ReadQuestion).number) &&
				typeof (item as ReadQuestion).title === 'string',
		)
		.slice(0, RECENT_LIMIT);
}

function safeParse(stored: string | null): unknown[] {
	try {
		const value: unknown = JSON.parse(stored ?? '[]');
		return Array.isArray(value) ? value : [];
	} catch {
		return [];
	}
}

/** Reads a stored list; [] when storage is blocked. */
export function load(key: string): string | null {
	try {
		return localStorage.getItem(key);
	} catch {
		return null;
	}
}

/** Keeps a list; quietly does nothing when storage is blocked or full (this is a convenience, not the reader's work). */
export function store(key: string, list: readonly unknown[]): void {
	try {
		localStorage.setItem(key, JSON.stringify(list));
	} catch {
		// Nothing to lose: the dialog then offers only the sections.
	}
}

export const sameSearch = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
export const sameRead = (a: ReadQuestion, b: ReadQuestion) => a.url === b.url;
