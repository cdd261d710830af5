// The link checker that tests/site runs on dist/ (and, under /guide/, on the base-path build).
import { describe, expect, test } from 'vitest';
import { findBrokenLinks, type BuiltPage } from '../helpers/dist.ts';

const page = (path: string, links: string[], ids: string[] = []): BuiltPage => ({
	path,
	file: `${path}index.html`,
	ids: new Set(ids),
	links,
	references: [],
});

describe('findBrokenLinks', () => {
	test('under a base path, resolves links inside it and reports those that leave it or lead nowhere', () => {
		const pages = [
			page('/', ['/guide/a/', 'a/#part', '/guide/a/#none', '/a/', '/guide/missing/', 'https://example.org/']),
			page('/a/', ['../'], ['part']),
		];
		const { broken, external } = findBrokenLinks(pages, '/nonexistent-dist/', '/guide/');
		expect(broken).toEqual([
			{ page: '/', link: '/guide/a/#none', why: 'no element with id "none"' },
			{ page: '/', link: '/a/', why: 'outside the base path /guide/' },
			{ page: '/', link: '/guide/missing/', why: 'no such page or file' },
		]);
		expect(external).toEqual(['https://example.org/']);
	});

	test('at the root, the same links resolve without the prefix', () => {
		const pages = [page('/', ['/a/', 'a/#part']), page('/a/', ['../'], ['part'])];
		expect(findBrokenLinks(pages, '/nonexistent-dist/', '/').broken).toEqual([]);
	});
});
