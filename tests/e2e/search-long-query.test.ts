// A long query that matches nothing used to be retried once per word, each retry a full search:
// 1,000 words took 18.6 s before any text appeared. Words no answer has are now left out before any
// search, retries are capped, a newer keystroke stops a run, and a slow search says "Searching…".
// (Timings come from `npm run bench`; this counts the searches of questions, not of the vocabulary.)
import { expect, test, type Page } from '@playwright/test';
import { at } from '../helpers/site.ts';
import { searchDialog as dialog, searchInput as input } from '../helpers/browser.ts';

const summary = (page: Page) => dialog(page).getByRole('status');
/** The searches of questions made so far (the vocabulary's own searches, filtered as `kind: term`, left out). */
const searches = (page: Page) => page.evaluate(() => (globalThis as { __searches?: string[] }).__searches ?? []);

/** `count` made-up words that no question has ("zorblaxa zorblaxb …": letters, since a word with a digit is searched as typed). */
const nonsense = (count: number) => Array.from({ length: count }, (_, i) => `zorblax${i.toString(26).replace(/./g, (digit) => String.fromCharCode(97 + Number.parseInt(digit, 26)))}`).join(' ');

/**
 * Serves Pagefind's own pagefind.js with its `search` export wrapped to record each query, so the
 * test sees how many searches a query costs; `delay` holds the search index's files back that long.
 */
async function countSearches(page: Page, delay = 0) {
	await page.route('**/pagefind/pagefind.js', async (route) => {
		const response = await route.fetch();
		const text = await response.text();
		const exports = /export\{([^}]*)\bsearch\};\s*$/;
		if (!exports.test(text)) throw new Error('pagefind.js no longer ends in the export list this test wraps');
		const body = text.replace(
			exports,
			'const __counted=(query,options)=>{if(!options?.filters?.kind)(globalThis.__searches??=[]).push(query);return search(query,options)};export{$1__counted as search};',
		);
		await route.fulfill({ response, body });
	});
	if (delay > 0) {
		await page.route('**/pagefind/index/**', async (route) => {
			await new Promise((resolve) => setTimeout(resolve, delay));
			await route.continue();
		});
	}
}

test.describe('a long query that matches nothing', () => {
	for (const words of [300, 1000]) {
		test(`of ${words} words runs no search, none of its words being in an answer, and says nothing matches`, async ({ page }) => {
			await countSearches(page);
			await page.goto(at('/'));
			await page.keyboard.press('/');
			await expect(dialog(page).getByRole('checkbox')).toHaveCount(10);
			await input(page).fill(nonsense(words));
			await expect(summary(page)).toHaveText(`No question has all ${words} words of this search. Try fewer or other words.`);
			expect(await searches(page)).toEqual([]);
		});
	}

	test('a short query still leaves out a word no question has with the others', async ({ page }) => {
		await countSearches(page);
		await page.goto(at('/'));
		await page.keyboard.press('/');
		// Typed once the dialog is ready, so that its opening does not run the same search again.
		await expect(dialog(page).getByRole('checkbox')).toHaveCount(10);
		await input(page).fill('tuple gunicorn');
		await expect(summary(page)).toContainText('no question has every word, so “tuple” was left out');
		expect(await searches(page)).toEqual(['tuple gunicorn', 'gunicorn']);
	});
});

test.describe('while a search runs', () => {
	test('the dialog says "Searching…", then shows the results', async ({ page }) => {
		await countSearches(page, 1500);
		await page.goto(at('/'));
		await page.keyboard.press('/');
		await input(page).fill('deadlock');
		await expect(summary(page)).toHaveText('Searching…');
		await expect(summary(page)).toHaveText(/\d+ questions? match(es)? “deadlock”/);
	});

	test('a newer query stops the run of the one before', async ({ page }) => {
		await countSearches(page, 1500);
		await page.goto(at('/'));
		await page.keyboard.press('/');
		// Typed once the dialog is ready (keys typed before its code loads make one search, of the last text).
		await expect(dialog(page).getByRole('checkbox')).toHaveCount(10);
		// Type a query whose retries would run (no question has all its words), then a new one before its first search is back.
		await input(page).fill('tuple gunicorn kafka');
		// Its first search asked (and held back by the slow index), the newer query comes.
		await expect.poll(() => searches(page)).toEqual(['tuple gunicorn kafka']);
		await input(page).fill('deadlock');
		await expect(summary(page)).toHaveText(/\d+ questions? match(es)? “deadlock”/);
		const asked = await searches(page);
		expect(asked).toContain('deadlock');
		expect(asked.filter((query) => query !== 'deadlock')).toEqual(['tuple gunicorn kafka']);
	});
});
