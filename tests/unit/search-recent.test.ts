import { describe, expect, test } from 'vitest';
import { parseReads, remember, sameRead } from '../../src/search/recent.ts';
import { parseSearches, sameSearch } from '../../src/search/recent-searches.ts';

describe('remember', () => {
	test('puts the item first, drops an equal one further down, and keeps at most the limit', () => {
		expect(remember(['gil', 'Docker', 'acid'], 'docker', sameSearch, 3)).toEqual(['docker', 'gil', 'acid']);
		expect(remember(['a', 'b', 'c'], 'd', sameSearch, 3)).toEqual(['d', 'a', 'b']);
	});

	test('tells questions apart by their address', () => {
		const gil = { url: '/python-fundamentals/gil/', number: 7, title: 'GIL' };
		expect(remember([gil], { ...gil, title: 'GIL (renamed)' }, sameRead)).toEqual([{ ...gil, title: 'GIL (renamed)' }]);
	});
});

describe('parseSearches', () => {
	test('keeps non-empty strings, unique regardless of case, and refuses anything else', () => {
		expect(parseSearches('["gil", " ", 3, "GIL", "docker "]')).toEqual(['gil', 'docker']);
		expect(parseSearches('{"a":1}')).toEqual([]);
		expect(parseSearches('not json')).toEqual([]);
		expect(parseSearches(null)).toEqual([]);
	});
});

describe('parseReads', () => {
	test('keeps well-formed entries with a site path only', () => {
		const gil = { url: '/python-fundamentals/gil/', number: 7, title: 'GIL' };
		expect(parseReads(JSON.stringify([gil, { url: 'https://evil.test/', number: 1, title: 'x' }, { url: '//evil.test/', number: 1, title: 'x' }, { url: '/a/', number: '2', title: 'y' }, null]))).toEqual([gil]);
	});
});
