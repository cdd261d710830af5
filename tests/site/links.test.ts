// Every internal link and #fragment of the built site resolves. A broken link on a question page
// names the content file it comes from. scripts/test.ts runs this on the build under /guide/ too.
import { describe, expect, test } from 'vitest';
import { questionPath } from '../../src/lib/links.ts';
import { readContent } from '../helpers/content.ts';
import { findBrokenLinks, readBuiltPages } from '../helpers/dist.ts';
import { href } from '../helpers/site.ts';

const pages = readBuiltPages();
const { questions } = readContent();
const sourceOf = new Map(questions.map((q) => [questionPath(q), q.file]));

describe('links in dist/', () => {
	test('every internal link, asset and #fragment resolves', () => {
		const { broken } = findBrokenLinks(pages);
		const report = broken.map(({ page, link, why }) => `${sourceOf.get(page) ?? page}: link "${link}": ${why}`);
		expect(report).toEqual([]);
	});

	test('every ARIA and label reference names an element of its own page', () => {
		const dangling = pages.flatMap((page) => page.references.filter((id) => !page.ids.has(id)).map((id) => `${page.path}: "${id}"`));
		expect(dangling).toEqual([]);
		expect(pages.reduce((sum, page) => sum + page.references.length, 0)).toBeGreaterThan(100);
	});

	test('no page links to another site', () => {
		expect(findBrokenLinks(pages).external).toEqual([]);
	});

	test('every question has a short link /q/N/ that leads to its page', () => {
		for (const question of questions) {
			const short = pages.find((page) => page.path === `/q/${question.number}/`);
			expect(short?.links, `/q/${question.number}/`).toContain(href(questionPath(question)));
		}
	});

	test('every page of the build is one the content accounts for', () => {
		const sections = new Set(questions.map((q) => q.section));
		// Two pages per question (its page and its short link), two per section (its page and its
		// study page), and the fixed pages.
		const fixed = ['/', '/404.html', '/about/', '/questions/', '/study/', '/print/', '/additions/', '/mock/'];
		expect(pages.length).toBe(questions.length * 2 + sections.size * 2 + fixed.length);
		for (const path of fixed) expect(pages.some((page) => page.path === path), path).toBe(true);
	});
});
