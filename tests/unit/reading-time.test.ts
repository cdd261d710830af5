import { describe, expect, test } from 'vitest';
import { countWords, formatReadingTime, readingMinutes } from '../../src/lib/reading-time.ts';

describe('countWords', () => {
	test('counts words, not Markdown markup or punctuation', () => {
		expect(countWords('**In-depth Explanation:** A `list` is *mutable*; a tuple isn’t.')).toBe(9);
	});

	test('counts the words of code blocks too', () => {
		expect(countWords('```python\nimport copy\nb = copy.deepcopy(a)\n```')).toBe(7);
	});

	test('returns 0 for text without words', () => {
		expect(countWords('--- * > #')).toBe(0);
	});
});

describe('readingMinutes', () => {
	test('rounds the words of all texts at 200 a minute', () => {
		const word = 'word ';
		expect(readingMinutes([word.repeat(300), word.repeat(200)])).toBe(3);
	});

	test('is at least 1 minute for a short text and 0 for none', () => {
		expect(readingMinutes(['a few words'])).toBe(1);
		expect(readingMinutes([])).toBe(0);
	});
});

describe('formatReadingTime', () => {
	test('says minutes below an hour, and hours and minutes above', () => {
		expect(formatReadingTime(7)).toBe('7 min read');
		expect(formatReadingTime(60)).toBe('1 h read');
		expect(formatReadingTime(65)).toBe('1 h 5 min read');
	});
});
