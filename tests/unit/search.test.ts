import { describe, expect, test } from 'vitest';
import {
	describePart,
	pickBestPart,
	queriesWithoutOneWord,
	readSearchState,
	writeSearchState,
	type SearchAnchor,
} from '../../src/search/rules.ts';
import { hasSearchQuery, isSearchShortcut } from '../../src/search/search-keys.ts';

describe('readSearchState', () => {
	test('returns the query and every section of the query string', () => {
		const params = new URLSearchParams('q=%20deadlock%20&section=sql-databases&section=docker-kubernetes');
		expect(readSearchState(params)).toEqual({ query: 'deadlock', sections: ['sql-databases', 'docker-kubernetes'] });
	});

	test('drops empty, repeated and unknown sections', () => {
		const params = new URLSearchParams('section=&section=a&section=a&section=nope');
		expect(readSearchState(params, ['a', 'b'])).toEqual({ query: '', sections: ['a'] });
	});
});

describe('writeSearchState', () => {
	test('writes the search and keeps other parameters and the hash', () => {
		const url = writeSearchState(new URL('https://x.test/p/?keep=1#top'), { query: 'async await', sections: ['a', 'b'] });
		expect(url.href).toBe('https://x.test/p/?keep=1&q=async+await&section=a&section=b#top');
	});

	test('removes an empty search from the URL', () => {
		const url = writeSearchState(new URL('https://x.test/?q=old&section=a'), { query: '', sections: [] });
		expect(url.href).toBe('https://x.test/');
	});

	test('reads back what it wrote', () => {
		const state = { query: 'CI/CD & __init__', sections: ['sql-databases'] };
		expect(readSearchState(writeSearchState(new URL('https://x.test/'), state).searchParams)).toEqual(state);
	});
});

describe('pickBestPart', () => {
	const anchors: SearchAnchor[] = [
		{ element: 'li', id: 'in-depth-explanation', location: 7 },
		{ element: 'input', id: 'ignored', location: 20 },
		{ element: 'li', id: 'example', location: 40 },
	];

	test('returns the part holding most hits when it is not the first part', () => {
		expect(pickBestPart(anchors, [3, 12, 41, 45, 60])?.id).toBe('example');
	});

	test('returns nothing when the first part, or the title, holds most hits', () => {
		expect(pickBestPart(anchors, [8, 9, 41])).toBeUndefined();
		expect(pickBestPart(anchors, [1, 2])).toBeUndefined();
	});

	test('ignores elements that do not start a part', () => {
		expect(pickBestPart([{ element: 'div', id: 'x', location: 5 }], [6])).toBeUndefined();
	});
});

describe('describePart', () => {
	test('names a labelled item by its id and a heading by its text', () => {
		expect(describePart({ element: 'li', id: 'in-depth-explanation', text: 'In-depth Explanation:#Link', location: 0 })).toBe(
			'In depth explanation',
		);
		expect(describePart({ element: 'h2', id: 'x', text: 'Why it matters', location: 0 })).toBe('Why it matters');
	});
});

describe('queriesWithoutOneWord', () => {
	test('returns the query without each of its words, in order', () => {
		expect(queriesWithoutOneWord('where vs having')).toEqual([
			{ query: 'vs having', dropped: 'where' },
			{ query: 'where having', dropped: 'vs' },
			{ query: 'where vs', dropped: 'having' },
		]);
	});

	test('returns nothing for a single word', () => {
		expect(queriesWithoutOneWord(' gil ')).toEqual([]);
	});
});

describe('hasSearchQuery', () => {
	test('agrees with what writeSearchState writes', () => {
		const url = writeSearchState(new URL('https://x.test/'), { query: 'gil', sections: [] });
		expect(hasSearchQuery(url.searchParams)).toBe(true);
		expect(hasSearchQuery(new URLSearchParams('q=%20'))).toBe(false);
		expect(hasSearchQuery(new URLSearchParams('section=a'))).toBe(false);
	});
});

describe('isSearchShortcut', () => {
	const key = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
		key,
		ctrlKey: false,
		metaKey: false,
		altKey: false,
		...mods,
	});

	test('opens on "/" only outside text fields', () => {
		expect(isSearchShortcut(key('/'), false)).toBe(true);
		expect(isSearchShortcut(key('/'), true)).toBe(false);
	});

	test('opens on Ctrl+K and Cmd+K anywhere, but not with Alt', () => {
		expect(isSearchShortcut(key('k', { ctrlKey: true }), true)).toBe(true);
		expect(isSearchShortcut(key('K', { metaKey: true }), false)).toBe(true);
		expect(isSearchShortcut(key('k', { ctrlKey: true, altKey: true }), false)).toBe(false);
		expect(isSearchShortcut(key('k'), false)).toBe(false);
	});
});
