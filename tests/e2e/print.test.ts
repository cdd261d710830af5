// The printable guide, printed for real: Chromium's print to PDF, read back with PDF.js.
import { expect, test } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { groupBySection } from '../../src/lib/guide.ts';
import { toPlainText } from '../../src/markdown/inline.ts';
import { readContent } from '../helpers/content.ts';
import { at } from '../helpers/site.ts';

const { sections, questions } = readContent();
/** PDF text comes back in runs split at line ends; compare without whitespace. */
const squash = (text: string) => text.replace(/\s+/g, '');

test('printing /print/ gives a PDF with every section from a new page and every question title', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto(at('/print/'));
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
	const pages: string[] = [];
	for (let number = 1; number <= document.numPages; number++) {
		const content = await (await document.getPage(number)).getTextContent();
		pages.push(squash(content.items.map((item) => ('str' in item ? item.str : '')).join('')));
	}
	expect(pages.length).toBeGreaterThan(sections.length);

	// Each section begins a page of its own, in order.
	let previousPage = 0;
	for (const { section } of groupBySection(sections, questions)) {
		const heading = squash(`Section ${section.number}: ${section.title}`);
		const at = pages.findIndex((text) => text.startsWith(heading));
		expect(at, `a page starting with "${heading}"`).toBeGreaterThan(previousPage);
		previousPage = at;
	}

	const all = pages.join('');
	for (const question of questions) {
		expect(all, `question ${question.number}'s title`).toContain(squash(`${question.number}. ${toPlainText(question.title)}`));
	}
	// Navigation is not printed.
	expect(all).not.toContain(squash('Skip to content'));
});

test('the contents link to every section and question on the same page', { tag: '@base' }, async ({ page }) => {
	await page.goto(at('/print/'));
	const contents = page.getByRole('navigation', { name: 'Contents' });
	const links = contents.getByRole('link');
	await expect(links).toHaveCount(sections.length + questions.length + 1);
	// Each link's target, counted in the page at once (one look-up a link cost a second each on a busy machine).
	const targets = await links.evaluateAll((all) =>
		all.map((a) => {
			const href = a.getAttribute('href')!;
			return { href, targets: href.startsWith('#') ? document.querySelectorAll(`[id="${CSS.escape(href.slice(1))}"]`).length : 0 };
		}),
	);
	expect(targets.filter(({ targets }) => targets !== 1)).toEqual([]);
	await contents.getByRole('link', { name: /^26\. / }).click();
	await expect(page.getByRole('heading', { level: 3, name: /^26\. / })).toBeInViewport();
});
