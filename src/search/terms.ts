// The field's vocabulary for search (content/search-terms.yaml): a backend engineer's words for what
// the guide's answers cover, each pointing at the questions whose answer covers it. Pure: the index
// step checks and indexes it (search-index.ts); the tests read it too.
import { yamlList } from '../lib/yaml-list.ts';

/** One entry as an editor writes it. */
export interface SearchTerm {
	/** The canonical word or phrase, as shown in "matched: term → topic". */
	term: string;
	/** Synonyms, abbreviations and common misspellings. */
	also: string[];
	/** What the answer calls it, in the answer's words. */
	topic: string;
	/** The questions whose answer covers it, most relevant first. */
	questions: number[];
}

/** The vocabulary's file, relative to the project's root. */
export const SEARCH_TERMS_FILE = 'content/search-terms.yaml';

const KEYS = new Set(['term', 'also', 'topic', 'questions']);
/** A question per entry at most: more is a topic, not a term. */
const MAX_QUESTIONS = 5;

/**
 * Reads and checks the vocabulary: every problem is listed, naming the file, the entry (its place and
 * term) and the field, and the whole fails, so that no entry is silently dropped. `questions` are the
 * numbers the guide has.
 */
export function parseSearchTerms(text: string, file: string, questions: ReadonlySet<number>): SearchTerm[] {
	const data = yamlList(text, file, 'entries (- term: …)');
	const problems: string[] = [];
	const seen = new Map<string, string>();
	const terms: SearchTerm[] = [];
	for (const [index, raw] of data.entries()) {
		const where = `${file}: entry ${index + 1}${isRecord(raw) && typeof raw['term'] === 'string' ? ` ("${raw['term']}")` : ''}`;
		if (!isRecord(raw)) {
			problems.push(`${where}: must be a mapping with term, topic and questions`);
			continue;
		}
		for (const key of Object.keys(raw)) if (!KEYS.has(key)) problems.push(`${where}: unknown field "${key}" (fields: ${[...KEYS].join(', ')})`);
		const text = (field: string) => {
			const value = raw[field];
			if (typeof value !== 'string' || value.trim() === '') problems.push(`${where}: ${field} must be a non-empty text`);
			return typeof value === 'string' ? value.trim() : '';
		};
		const term = text('term');
		const topic = text('topic');
		const also = raw['also'] ?? [];
		if (!Array.isArray(also) || also.some((word) => typeof word !== 'string' || word.trim() === '')) {
			problems.push(`${where}: also must be a list of non-empty texts`);
		}
		const numbers = raw['questions'];
		if (!Array.isArray(numbers) || numbers.length === 0 || numbers.length > MAX_QUESTIONS) {
			problems.push(`${where}: questions must list 1 to ${MAX_QUESTIONS} question numbers`);
		} else {
			for (const number of numbers) {
				if (!Number.isInteger(number) || !questions.has(number)) problems.push(`${where}: questions: ${JSON.stringify(number)} is not a question of the guide`);
			}
			if (new Set(numbers).size !== numbers.length) problems.push(`${where}: questions lists a question twice`);
		}
		const phrases = [term, ...(Array.isArray(also) ? also.filter((word): word is string => typeof word === 'string') : [])];
		for (const phrase of phrases) {
			const key = phrase.trim().toLowerCase();
			if (!key) continue;
			const owner = seen.get(key);
			if (owner !== undefined) problems.push(`${where}: "${phrase}" is already a word of entry ${owner}`);
			else seen.set(key, `${index + 1} ("${term}")`);
		}
		terms.push({ term, also: phrases.slice(1).map((word) => word.trim()), topic, questions: Array.isArray(numbers) ? (numbers as number[]) : [] });
	}
	if (problems.length > 0) throw new Error(`${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.join('\n')}`);
	return terms;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
