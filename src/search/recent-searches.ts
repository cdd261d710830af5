// The reader's recent searches: the rules only the search dialog needs (recent.ts has the rest).
import { RECENT_LIMIT, safeParse } from './recent.ts';

export const RECENT_SEARCHES_KEY = 'sg-recent-searches';

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

export const sameSearch = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
