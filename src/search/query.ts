// What a typed search asks for, before Pagefind sees it. Pagefind, given a word it does not know,
// matches the longest prefix it does know ("qwertyuiop" finds a variable `q`, "readiness" finds
// "read"): so words the index does not know are corrected to a close word it does know, or left out,
// and a search of nothing but unknown words finds nothing. "A vs B" is two searches, not one
// narrower. Pure: the dialog (search-dialog.ts), the index step (search-index.ts) and the tests.

/** The index's words and, for each, how many records hold it. */
export type IndexWords = Record<string, number>;

/**
 * search-words.json: the index's words (a word only the vocabulary has counts 0: it finds no page),
 * the vocabulary's misspellings with the word each stands for, and a topic per section to suggest
 * when nothing matches.
 */
export interface SearchWords {
	/** The words by how many pages hold them: "2": "word word …" (a third the bytes of a word-by-word list). */
	words: Record<string, string>;
	spellings: Record<string, string>;
	topics: string[];
}

/** A word as the index splits text: letters and digits, and the characters Pagefind keeps inside words. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}_\-/]*|_[\p{L}\p{N}_\-/]*/gu;

/** The words of a text as the index keeps them: lower case, and a joined word also by its parts. */
export function words(text: string): string[] {
	const found: string[] = [];
	for (const match of text.toLowerCase().matchAll(WORD)) {
		const word = match[0].replace(/[-/]+$/, '');
		if (!word) continue;
		found.push(word);
		const parts = word.split(/[_\-/]+/).filter(Boolean);
		if (parts.length > 1 || (parts[0] !== undefined && parts[0] !== word)) found.push(...parts);
	}
	return found;
}

/**
 * The words a query's words are checked against: the parts of joined words ("docker", "compose"),
 * never the joined form, and no word with a digit (a number or "k8s" is searched as typed).
 */
export function pieces(text: string): string[] {
	return [...new Set(words(text))].filter((word) => !/[-_/\p{N}]/u.test(word) && word.length <= 40);
}

/** The words of the pages, each with the number of pages that hold it, and the vocabulary's other words (0). */
export function indexWords(pages: readonly string[], vocabulary: readonly string[]): IndexWords {
	const counts = new Map<string, number>();
	for (const text of pages) for (const word of pieces(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
	for (const text of vocabulary) for (const word of pieces(text)) if (!counts.has(word)) counts.set(word, 0);
	return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Words grouped by count, as search-words.json carries them. */
export function groupWords(counts: IndexWords): Record<string, string> {
	const groups: Record<string, string[]> = {};
	for (const [word, count] of Object.entries(counts)) (groups[count] ??= []).push(word);
	return Object.fromEntries(Object.entries(groups).map(([count, list]) => [count, list.sort().join(' ')]));
}

/** The words and their counts back from their groups. */
export function ungroupWords(groups: Record<string, string>): IndexWords {
	const counts: IndexWords = {};
	for (const [count, list] of Object.entries(groups)) for (const word of list.split(' ')) if (word) counts[word] = Number(count);
	return counts;
}

/**
 * The vocabulary's misspellings: a one-word phrase of an entry that no page has, two edits or fewer
 * from a one-word phrase of the same entry that a page has ("pydnatic" for "pydantic"). A search
 * for one is corrected, and says so, as a typo the vocabulary did not list would be.
 */
export function vocabularySpellings(entries: readonly (readonly string[])[], counts: IndexWords): Record<string, string> {
	const spellings: Record<string, string> = {};
	for (const phrases of entries) {
		const single = phrases.map((phrase) => phrase.toLowerCase()).filter((phrase) => words(phrase).length === 1 && words(phrase)[0] === phrase);
		const known = single.filter((phrase) => (counts[phrase] ?? 0) > 0);
		for (const phrase of single) {
			if ((counts[phrase] ?? 0) > 0) continue;
			// Not a plural or a longer form of a word ("deadlock" of "deadlocks"): that word is found anyway.
			const target = known.find((word) => !word.startsWith(phrase) && !phrase.startsWith(word) && singular(word) !== singular(phrase) && editDistance(phrase, word, 2) <= 2);
			if (target) spellings[phrase] = target;
		}
	}
	return spellings;
}

/** A question a vocabulary entry points at, as the index step writes it into the entry's record. */
export interface TermQuestion {
	number: number;
	/** Its Pagefind result id. */
	id: string;
	/** Its address without the site's base path. */
	url: string;
	title: string;
	/** The section's title, and its id (the search's filter). */
	section: string;
	sectionId: string;
}

/**
 * Damerau (optimal string alignment) distance, so a swapped pair ("pydnatic") is one edit. Stops
 * early, returning more than `most`, once the distance must exceed it.
 */
export function editDistance(a: string, b: string, most = Infinity): number {
	if (Math.abs(a.length - b.length) > most) return most + 1;
	let before: number[] = [];
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
			current.push(value);
			best = Math.min(best, value);
		}
		if (best > most) return most + 1;
		before = previous;
		previous = current;
	}
	return previous[b.length]!;
}

/** The edits a word of this length may be away from the word it is corrected to. */
const allowedEdits = (length: number) => (length < 4 ? 0 : length < 7 ? 1 : 2);

/** A sorted list of the index's words, to look a prefix up in. */
export class Vocabulary {
	readonly #counts: IndexWords;
	readonly #sorted: string[];

	readonly #spellings: Record<string, string>;

	constructor(counts: IndexWords, spellings: Record<string, string> = {}) {
		this.#counts = counts;
		this.#spellings = spellings;
		this.#sorted = Object.keys(counts).sort();
	}

	/** Whether a page has the word (or, three letters or more, one it begins), not only the vocabulary. */
	onPages(word: string): boolean {
		if ((this.#counts[word] ?? 0) > 0) return true;
		if (word.length < 3) return false;
		for (let at = this.#firstFrom(word); this.#sorted[at]?.startsWith(word); at++) if (this.#counts[this.#sorted[at]!]! > 0) return true;
		return false;
	}

	/** Where the first word at or after `word` in sorted order is. */
	#firstFrom(word: string): number {
		let low = 0;
		let high = this.#sorted.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (this.#sorted[middle]! < word) low = middle + 1;
			else high = middle;
		}
		return low;
	}

	/** How many pages hold the word (0: only the vocabulary has it, or nothing does). */
	count(word: string): number {
		return this.#counts[word] ?? 0;
	}

	/** The word a misspelling the vocabulary lists stands for. */
	spelled(word: string): string | undefined {
		return Object.hasOwn(this.#spellings, word) ? this.#spellings[word] : undefined;
	}

	/** Whether the index holds the word, or (three letters or more, as while typing) a word it begins. */
	knows(word: string): boolean {
		if (Object.hasOwn(this.#counts, word)) return true;
		if (word.length < 3) return false;
		return this.#sorted[this.#firstFrom(word)]?.startsWith(word) ?? false;
	}

	/** The closest word the index holds, within the edits the length allows, the more common first. */
	closest(word: string, edits = allowedEdits(word.length)): string | undefined {
		if (edits === 0) return undefined;
		let best: string | undefined;
		let bestDistance = edits + 1;
		for (const candidate of this.#sorted) {
			// A word only the vocabulary has is no correction: it finds no page.
			if (this.#counts[candidate] === 0) continue;
			const distance = editDistance(word, candidate, Math.min(edits, bestDistance));
			if (distance > edits) continue;
			// Two edits away, a word that does not start as typed is another word ("replication", "application").
			if (distance === 2 && candidate[0] !== word[0]) continue;
			if (distance < bestDistance || (distance === bestDistance && this.#counts[candidate]! > this.#counts[best!]!)) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}
}

/** Typos are looked for in a query of at most this many words (each look goes through the whole word list). */
const MOST_WORDS_CORRECTED = 12;

/** A search as the index can answer it. */
export interface PlannedQuery {
	/** What the vocabulary is asked: the typed words, corrected, without the ones nothing matches. */
	text: string;
	/** What the pages are asked: those of the words that a page has. */
	pageText: string;
	/** The kept words only the vocabulary has. */
	vocabularyOnly: string[];
	corrections: { from: string; to: string }[];
	/** Typed words the index does not know and no word of it is close to. */
	unknown: string[];
}

/**
 * Checks each typed word against the index's words: a word it knows (or begins) is kept as typed,
 * one it does not is corrected to the closest it does, or left out. Without the vocabulary (not
 * loaded), the query is taken as it is.
 */
export function planQuery(query: string, vocabulary: Vocabulary | undefined): PlannedQuery {
	const typed = query.trim().split(/\s+/).filter(Boolean);
	// A pasted paragraph is not typed: its unknown words are left out without looking for a close word.
	const corrects = typed.length <= MOST_WORDS_CORRECTED;
	if (!vocabulary) return { text: typed.join(' '), pageText: typed.join(' '), vocabularyOnly: [], corrections: [], unknown: [] };
	const kept: string[] = [];
	const onPages: string[] = [];
	const vocabularyOnly: string[] = [];
	const corrections: PlannedQuery['corrections'] = [];
	const unknown: string[] = [];
	for (const word of typed) {
		// Punctuation alone ("-", "?") is no word to match.
		if (words(word).length === 0) continue;
		const parts = pieces(word);
		// A number, or a word with a digit ("k8s", "404"), is searched as typed.
		if (parts.length === 0) {
			kept.push(word);
			onPages.push(word);
			continue;
		}
		const whole = parts[0]!;
		const spelled = parts.length === 1 ? vocabulary.spelled(whole) : undefined;
		if (!spelled && parts.every((part) => vocabulary.knows(part))) {
			kept.push(word);
			if (parts.every((part) => vocabulary.onPages(part))) onPages.push(word);
			else vocabularyOnly.push(word);
			continue;
		}
		const closest = spelled ?? (corrects && parts.length === 1 && whole.length === word.length ? vocabulary.closest(whole) : undefined);
		if (closest) {
			kept.push(closest);
			onPages.push(closest);
			corrections.push({ from: word, to: closest });
		} else unknown.push(word);
	}
	return { text: kept.join(' '), pageText: onPages.join(' '), vocabularyOnly, corrections, unknown };
}

/**
 * "A vs B", "A versus B", "A or B", "difference between A and B": the two things compared, so that
 * the questions about each come up, not only those that name both.
 */
export function comparedParts(query: string): [string, string] | undefined {
	const text = query.trim().replace(/\?+$/, '');
	const between = /^(?:what(?:'s|’s| is)\s+(?:the\s+)?)?differences?\s+between\s+(.+?)\s+and\s+(.+)$/i.exec(text);
	const versus = between ?? /^(.+?)\s+(?:vs\.?|versus|v\.|or|compared\s+(?:to|with))\s+(.+)$/i.exec(text);
	if (!versus) return undefined;
	const [a, b] = [versus[1]!.trim(), versus[2]!.trim()];
	return a && b ? [a, b] : undefined;
}

/** A word's plural or possessive ending taken off, so "probes" meets "probe". */
export const singular = (word: string) => word.replace(/'s$|’s$/, '').replace(/(?<=[^s])s$|(?<=ss)es$/, '');

/**
 * Whether a query asks for a vocabulary phrase: every word of the phrase is among the query's
 * words (plurals aside), in any order. A phrase of one short word (under 3 letters) must be the whole query.
 */
export function asksFor(query: string, phrase: string): boolean {
	const asked = new Set(words(query).map(singular));
	const wanted = words(phrase).map(singular);
	if (wanted.length === 0) return false;
	if (wanted.length === 1 && wanted[0]!.length < 3) return asked.size === 1 && asked.has(wanted[0]!);
	return wanted.every((word) => asked.has(word));
}

/** A word on more pages than this names no term on its own ("what", "python"). */
const COMMON_WORD_PAGES = 20;

/**
 * The searches that find the vocabulary records a query may ask for: the whole query (a phrase of
 * several of its words), and each of its few telling words alone (a phrase among other words: "what
 * is a saga"). Words on many pages are left out, unless nothing else is left.
 */
export function termSearches(query: string, vocabulary: Vocabulary | undefined): string[] {
	const all = [...new Set(words(query))].filter((word) => !/[-_/]/.test(word));
	const telling = vocabulary ? all.filter((word) => vocabulary.count(word) <= COMMON_WORD_PAGES) : all;
	const searches = new Set([query.trim(), ...(telling.length > 1 || telling.length < all.length ? telling.slice(0, 4) : [])]);
	return [...searches].filter(Boolean);
}

/**
 * Whether a vocabulary phrase holds every word of the query (plurals aside; the last, as typed so
 * far, may begin one of its words): "probe" covers "liveness probe".
 */
export function coveredBy(query: string, phrase: string): boolean {
	const asked = words(query).map(singular);
	const held = words(phrase).map(singular);
	return asked.length > 0 && asked.every((word, index) => held.includes(word) || (index === asked.length - 1 && word.length >= 3 && held.some((other) => other.startsWith(word))));
}

/** How many of the questions about both sides of a comparison come before each side's own. */
const BOTH_FIRST = 2;

/**
 * The order of a comparison's results: the questions about both first (Pagefind's order for the
 * whole query; the first two, so that each side's own best is still in the first three), then the
 * two sides' questions taken in turn, each once.
 */
export function compareOrder<T>(both: readonly T[], a: readonly T[], b: readonly T[]): T[] {
	const order = new Set<T>(both.slice(0, BOTH_FIRST));
	for (let i = 0; i < Math.max(a.length, b.length); i++) {
		if (i < a.length) order.add(a[i]!);
		if (i < b.length) order.add(b[i]!);
	}
	for (const item of both) order.add(item);
	return [...order];
}
