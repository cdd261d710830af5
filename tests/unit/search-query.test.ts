// What a typed search asks for before Pagefind sees it (src/search/query.ts), and the field's
// vocabulary the index carries (content/search-terms.yaml, src/search/terms.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	asksFor,
	compareOrder,
	comparedParts,
	coveredBy,
	editDistance,
	groupWords,
	indexWords,
	planQuery,
	termSearches,
	ungroupWords,
	Vocabulary,
	vocabularySpellings,
	words,
} from '../../src/search/query.ts';
import { parseSearchTerms, SEARCH_TERMS_FILE } from '../../src/search/terms.ts';
import { contentDir, readContent } from '../helpers/content.ts';

// Pages of a small guide, and a vocabulary beside them.
const counts = indexWords(
	[
		'Pydantic models validate data. A deadlock happens when two transactions wait.',
		'Deadlocks and retries: read the file, then read it again. Kubernetes runs pods.',
		'Kubernetes deployments roll out pods. Python reads files with open().',
		'The __init__.py file marks a package; docker-compose runs services.',
	],
	['sharding partitioning', 'pydantic pydnatic', 'liveness probe readiness probe'],
);
const vocabulary = new Vocabulary(counts, vocabularySpellings([['pydantic', 'pydnatic'], ['deadlock', 'deadlocks']], counts));

describe('words', () => {
	test('are lower case, keep _ - / inside a word, and give a joined word by its parts too', () => {
		expect(words('The __init__.py, docker-compose and CI/CD!')).toEqual(['the', '__init__', 'init', 'py', 'docker-compose', 'docker', 'compose', 'and', 'ci/cd', 'ci', 'cd']);
	});
});

describe('indexWords', () => {
	test('count the pages that hold each word, and give the vocabulary’s own words 0', () => {
		expect(counts).toMatchObject({ kubernetes: 2, pydantic: 1, sharding: 0, probe: 0 });
	});
});

describe('groupWords', () => {
	test('writes the words by count, and ungroupWords reads them back', () => {
		expect(groupWords({ b: 2, a: 2, c: 0 })).toEqual({ '2': 'a b', '0': 'c' });
		expect(ungroupWords(groupWords(counts))).toEqual(counts);
	});
});

describe('editDistance', () => {
	test('counts a swapped pair as one edit, and stops early past the most asked', () => {
		expect(editDistance('pydnatic', 'pydantic')).toBe(1);
		expect(editDistance('kuberntes', 'kubernetes')).toBe(1);
		expect(editDistance('abc', 'xyz')).toBe(3);
		expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
	});
});

describe('Vocabulary', () => {
	test('knows a word of the pages or the vocabulary, and the beginning of one while typing', () => {
		expect(vocabulary.knows('kubernetes')).toBe(true);
		expect(vocabulary.knows('kuber')).toBe(true);
		expect(vocabulary.knows('sharding')).toBe(true);
		expect(vocabulary.knows('xyzzy')).toBe(false);
		expect(vocabulary.knows('ku')).toBe(false);
	});

	test('tells the words the pages have from those only the vocabulary has', () => {
		expect(vocabulary.onPages('pods')).toBe(true);
		expect(vocabulary.onPages('sharding')).toBe(false);
	});

	test('corrects to the closest word a page has, the more common first, never to a vocabulary-only word', () => {
		expect(vocabulary.closest('kubernets')).toBe('kubernetes');
		expect(vocabulary.closest('shardin')).toBeUndefined();
		// Two edits away, only a word that starts as typed.
		expect(vocabulary.closest('xeadlockz')).toBeUndefined();
		expect(vocabulary.closest('deadlokcs')).toBe('deadlocks');
		// Short words are never corrected: too many are one edit from each other.
		expect(vocabulary.closest('pid')).toBeUndefined();
	});
});

describe('vocabularySpellings', () => {
	test('are the vocabulary’s one-word phrases no page has, close to one a page has, not its plurals', () => {
		expect(vocabularySpellings([['pydantic', 'pydnatic'], ['deadlock', 'deadlocks'], ['sharding', 'partitioning']], counts)).toEqual({ pydnatic: 'pydantic' });
	});
});

describe('planQuery', () => {
	test('keeps known words as typed, and asks the pages only for the words a page has', () => {
		expect(planQuery('Kubernetes sharding', vocabulary)).toEqual({ text: 'Kubernetes sharding', pageText: 'Kubernetes', vocabularyOnly: ['sharding'], corrections: [], unknown: [] });
	});

	test('corrects a typo, and a misspelling the vocabulary lists, and says so', () => {
		expect(planQuery('kuberntes pods', vocabulary)).toMatchObject({ text: 'kubernetes pods', corrections: [{ from: 'kuberntes', to: 'kubernetes' }] });
		expect(planQuery('pydnatic', vocabulary)).toMatchObject({ text: 'pydantic', corrections: [{ from: 'pydnatic', to: 'pydantic' }] });
	});

	test('leaves out a word nothing is close to: nonsense alone asks for nothing', () => {
		expect(planQuery('xyzzy', vocabulary)).toMatchObject({ text: '', unknown: ['xyzzy'] });
		expect(planQuery('qwertyuiop pods', vocabulary)).toMatchObject({ text: 'pods', unknown: ['qwertyuiop'] });
		expect(planQuery('  ?  ', vocabulary).text).toBe('');
	});

	test('takes the query as typed without the vocabulary (not loaded)', () => {
		expect(planQuery(' xyzzy  pods ', undefined)).toMatchObject({ text: 'xyzzy pods', pageText: 'xyzzy pods', unknown: [] });
	});
});

describe('comparedParts', () => {
	test('finds the two sides of "A vs B", "A versus B", "A or B" and "difference between A and B"', () => {
		expect(comparedParts('async vs threads')).toEqual(['async', 'threads']);
		expect(comparedParts('async vs. threads')).toEqual(['async', 'threads']);
		expect(comparedParts('list versus tuple')).toEqual(['list', 'tuple']);
		expect(comparedParts('WHERE or HAVING')).toEqual(['WHERE', 'HAVING']);
		expect(comparedParts("What's the difference between a process and a thread?")).toEqual(['a process', 'a thread']);
		expect(comparedParts('difference between list and tuple')).toEqual(['list', 'tuple']);
		expect(comparedParts('rate limiting')).toBeUndefined();
		expect(comparedParts('vs threads')).toBeUndefined();
	});
});

describe('asksFor and coveredBy', () => {
	test('a query asks for a phrase when it holds all its words, in any order, plurals aside', () => {
		expect(asksFor('what is a saga', 'saga')).toBe(true);
		expect(asksFor('liveness probes in kubernetes', 'liveness probe')).toBe(true);
		expect(asksFor('probe', 'liveness probe')).toBe(false);
		expect(asksFor('readiness', 'read')).toBe(false);
	});

	test('a one-letter or two-letter phrase only when it is the whole query', () => {
		expect(asksFor('k8s', 'k8s')).toBe(true);
		expect(asksFor('go', 'go')).toBe(true);
		expect(asksFor('how to go on', 'go')).toBe(false);
	});

	test('a phrase covers a query that names part of it, the last word as typed so far', () => {
		expect(coveredBy('probe', 'liveness probe')).toBe(true);
		expect(coveredBy('liveness pro', 'liveness probe')).toBe(true);
		expect(coveredBy('probe timeout', 'liveness probe')).toBe(false);
	});
});

describe('termSearches', () => {
	test('are the whole query and its telling words, not the words on many pages', () => {
		const common = new Vocabulary({ ...Object.fromEntries(['what', 'is', 'the'].map((word) => [word, 90])), saga: 1, shutdown: 0, graceful: 2 });
		expect(termSearches('what is a saga', common)).toEqual(['what is a saga', 'a', 'saga']);
		expect(termSearches('graceful shutdown', common)).toEqual(['graceful shutdown', 'graceful', 'shutdown']);
		expect(termSearches('saga', common)).toEqual(['saga']);
	});
});

describe('compareOrder', () => {
	test('puts what is about both first (two at most), then each side’s in turn, each once', () => {
		expect(compareOrder([5], [1, 5, 2], [3, 4])).toEqual([5, 1, 3, 4, 2]);
		expect(compareOrder([5, 6, 7], [5, 1], [6, 2])).toEqual([5, 6, 1, 2, 7]);
	});
});

describe('parseSearchTerms', () => {
	const questions = new Set([1, 2, 3]);
	test('reads entries, also optional', () => {
		expect(parseSearchTerms('- term: GIL\n  also: [global interpreter lock]\n  topic: the GIL\n  questions: [1]\n- term: venv\n  topic: virtual environment\n  questions: [3, 2]\n', 'f.yaml', questions)).toEqual([
			{ term: 'GIL', also: ['global interpreter lock'], topic: 'the GIL', questions: [1] },
			{ term: 'venv', also: [], topic: 'virtual environment', questions: [3, 2] },
		]);
	});

	test('fails on every bad entry at once, naming the file, the entry and the field', () => {
		const text = [
			'- term: sharding\n  topic: partitions\n  questions: [9]',
			'- term: ""\n  topic: x\n  questions: [1]',
			'- term: GIL\n  topic: lock\n  questions: []\n  tags: [x]',
			'- term: gil\n  topic: lock\n  questions: [1, 1]',
		].join('\n');
		expect(() => parseSearchTerms(text, 'content/search-terms.yaml', questions)).toThrow(
			[
				'content/search-terms.yaml has 6 problems:',
				'content/search-terms.yaml: entry 1 ("sharding"): questions: 9 is not a question of the guide',
				'content/search-terms.yaml: entry 2 (""): term must be a non-empty text',
				'content/search-terms.yaml: entry 3 ("GIL"): unknown field "tags" (fields: term, also, topic, questions)',
				'content/search-terms.yaml: entry 3 ("GIL"): questions must list 1 to 5 question numbers',
				'content/search-terms.yaml: entry 4 ("gil"): questions lists a question twice',
				'content/search-terms.yaml: entry 4 ("gil"): "gil" is already a word of entry 3 ("GIL")',
			].join('\n'),
		);
		expect(() => parseSearchTerms('term: GIL', 'f.yaml', questions)).toThrow('f.yaml: must be a list of entries');
	});
});

describe(SEARCH_TERMS_FILE, () => {
	const { questions } = readContent();
	const terms = parseSearchTerms(readFileSync(join(contentDir, 'search-terms.yaml'), 'utf8'), SEARCH_TERMS_FILE, new Set(questions.map((question) => question.number)));

	test('holds at least 150 entries, each pointing at questions of the guide (the parse checks each)', () => {
		expect(terms.length).toBeGreaterThanOrEqual(150);
	});

	test('names the terms the issue asked for', () => {
		const named = new Set(terms.flatMap((term) => [term.term, ...term.also].map((phrase) => phrase.toLowerCase())));
		for (const phrase of ['liveness probe', 'readiness probe', 'race condition', 'sharding', 'token bucket', 'leaky bucket', 'isolation level', 'jitter', 'saga', 'graceful shutdown', 'n+1 queries', 'orm', 'wsgi', 'asgi']) {
			expect([...named].some((name) => name === phrase || name === `${phrase}s`), phrase).toBe(true);
		}
	});
});
