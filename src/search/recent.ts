// The reader's recent searches and recently read questions, kept in this browser so that the search
// dialog opens on something useful. Pure list rules plus a small storage wrapper that never throws.
// The searches' own rules are in recent-searches.ts: only the dialog needs them, and this module is
// in every page's script (the page notes the question being read).

/** A question the reader opened. */
export interface ReadQuestion {
	/** The page's path, under the base path ("/guide/sql-databases/acid/"). */
	url: string;
	number: number;
	/** Plain text. */
	title: string;
}

export const RECENT_READS_KEY = 'sg-recent-reads';
/** How many of each the dialog offers. */
export const RECENT_LIMIT = 5;

/** `item` first, then the others without any equal to it, at most `limit` in all. */
export function remember<T>(list: readonly T[], item: T, same: (a: T, b: T) => boolean, limit = RECENT_LIMIT): T[] {
	return [item, ...list.filter((other) => !same(other, item))].slice(0, limit);
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

/** A stored list; [] for anything else. */
export function safeParse(stored: string | null): unknown[] {
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

export const sameRead = (a: ReadQuestion, b: ReadQuestion) => a.url === b.url;
