// What a search engine or a chat preview reads: unique titles and descriptions, canonical URLs,
// Open Graph tags, a sitemap of every page a reader lands on, and robots.txt pointing at it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { distDir, readBuiltPages } from '../helpers/dist.ts';

const pages = readBuiltPages().filter((page) => !page.path.startsWith('/q/'));
const heads = pages.map((page) => {
	const html = readFileSync(join(distDir, page.file), 'utf8');
	const meta = (attribute: string, name: string) =>
		html.match(new RegExp(`<meta ${attribute}="${name}" content="([^"]*)"`))?.[1];
	return {
		path: page.path,
		title: html.match(/<title>([^<]*)<\/title>/)?.[1],
		description: meta('name', 'description'),
		canonical: html.match(/<link rel="canonical" href="([^"]*)"/)?.[1],
		ogTitle: meta('property', 'og:title'),
		ogDescription: meta('property', 'og:description'),
	};
});
const duplicates = (values: (string | undefined)[]) => values.filter((value, i) => values.indexOf(value) !== i);

describe('every page', () => {
	test('has a unique title and a unique meta description', () => {
		expect(heads.filter((h) => !h.title || !h.description).map((h) => h.path)).toEqual([]);
		expect(duplicates(heads.map((h) => h.title))).toEqual([]);
		expect(duplicates(heads.map((h) => h.description))).toEqual([]);
	});

	test('has Open Graph tags and, but for the 404 page, a canonical URL of its own address', () => {
		for (const head of heads) {
			expect(head.ogTitle, head.path).toBeTruthy();
			expect(head.ogDescription, head.path).toBe(head.description);
			if (head.path === '/404.html') continue;
			expect(new URL(head.canonical!).pathname, head.path).toBe(head.path);
		}
	});
});

describe('the sitemap', () => {
	test('lists every page but the 404 page and the short links', () => {
		const listed = [...readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)]
			.map((match) => new URL(match[1]!).pathname)
			.sort();
		expect(listed).toEqual(pages.map((page) => page.path).filter((path) => path !== '/404.html').sort());
	});

	test('is named in robots.txt', () => {
		expect(readFileSync(join(distDir, 'robots.txt'), 'utf8')).toMatch(/^Sitemap: http.*\/sitemap-index\.xml$/m);
	});
});
