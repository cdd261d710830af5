import { expect, test, type Page } from '@playwright/test';
import { at } from '../helpers/site.ts';
import { readFileSync, writeFileSync } from 'node:fs';

const SECTION = at('/study/sql-databases/');
const heading = (page: Page) => page.locator('li.card h2').filter({ visible: true });
const reveal = (page: Page) => page.getByRole('button', { name: /Show answer|Hide answer/ }).filter({ visible: true });

/** The line under the controls: reviews and new questions due, new ones left today, questions seen. */
const status = (page: Page) => page.locator('[data-status]');

test.describe('a study session', () => {
	test('runs by keyboard alone: reveal, grade, next, move back', async ({ page }) => {
		await page.goto(SECTION);
		await expect(page.getByText('1 of 10 due now')).toBeVisible();
		await expect(heading(page)).toHaveText(/^51\. /);
		await expect(reveal(page)).toHaveAttribute('aria-expanded', 'false');
		await expect(page.locator('#a-difference-inner-join-left-join')).toBeHidden();
		// Space reveals the answer.
		await page.keyboard.press(' ');
		await expect(reveal(page)).toHaveAttribute('aria-expanded', 'true');
		await expect(page.locator('#a-difference-inner-join-left-join')).toBeVisible();
		// 3 grades Good and moves on.
		await page.keyboard.press('3');
		await expect(page.getByText('2 of 10 due now')).toBeVisible();
		await expect(heading(page)).toHaveText(/^52\. /);
		// Enter reveals, 1 grades Again.
		await page.keyboard.press('Enter');
		await page.keyboard.press('1');
		await expect(heading(page)).toHaveText(/^53\. /);
		// Right and Left move without grading.
		await page.keyboard.press('ArrowRight');
		await expect(heading(page)).toHaveText(/^54\. /);
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowLeft');
		await expect(heading(page)).toHaveText(/^52\. /);
		// 52, graded Again, is back in 10 minutes: a review due now, and the 11th card of this session.
		await expect(status(page)).toHaveText('1 review and 8 new questions due now · 8 of 10 new questions left today (whole guide) · 2 of 10 seen (Again 1, Hard 0, Good 1, Easy 0)');
		await expect(page.getByText('2 of 11 due now')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Only what I missed: 1' })).toBeVisible();
	});

	test('keeps the grades across a reload and shows them on the section and home pages', { tag: '@base' }, async ({ page }) => {
		await page.goto(SECTION);
		await page.getByRole('button', { name: 'Show answer' }).filter({ visible: true }).click();
		await page.getByRole('button', { name: /^Hard/ }).filter({ visible: true }).click();
		await page.reload();
		await expect(status(page)).toContainText('1 of 10 seen');
		await page.goto(at('/sql-databases/'));
		// Hard on a new question brings it back in 15 minutes: due today.
		await expect(page.getByText('Your progress: 1 of 10 seen, 1 due now, 1 last graded Again or Hard.')).toBeVisible();
		await expect(page.getByRole('main').getByRole('link', { name: /^51\. .*Hard$/ })).toBeVisible();
		// The home page: the whole guide's standing, and the section's card.
		await page.goto(at('/'));
		await expect(page.getByRole('list', { name: 'Your standing: 0 known, 0 learning, 1 due, 99 new' })).toBeVisible();
		await expect(page.getByRole('listitem').filter({ hasText: 'SQL & Databases' }).getByText('0 of 10 known · 1 due')).toBeVisible();
	});

	test('review runs only the questions graded Hard or Again', async ({ page }) => {
		await page.goto(SECTION);
		// Grade 51 Good, 52 Hard, 53 Again.
		for (const key of ['3', '2', '1']) {
			await page.keyboard.press(' ');
			await page.keyboard.press(key);
		}
		await page.getByRole('button', { name: 'Only what I missed: 2' }).click();
		await expect(page.getByRole('button', { name: 'Only what I missed: 2' })).toHaveAttribute('aria-pressed', 'true');
		await expect(page.getByText('1 of 2 to review')).toBeVisible();
		await expect(heading(page)).toHaveText(/^52\. /);
		await page.keyboard.press('ArrowRight');
		await expect(heading(page)).toHaveText(/^53\. /);
	});

	test('shuffles, and keeps the shuffled order for the session', async ({ page }) => {
		await page.goto(at('/study/'));
		await page.getByRole('combobox', { name: 'Order' }).selectOption('shuffled');
		const first = await heading(page).textContent();
		await page.reload();
		await expect(page.getByRole('combobox', { name: 'Order' })).toHaveValue('shuffled');
		await expect(heading(page)).toHaveText(first!);
	});

	test('reset forgets the section’s grades', async ({ page }) => {
		await page.goto(SECTION);
		await page.keyboard.press(' ');
		await page.keyboard.press('3');
		await page.getByText('More', { exact: true }).click();
		await page.getByRole('button', { name: 'Reset progress for section 6, SQL & Databases…' }).click();
		await page.getByRole('dialog').getByRole('button', { name: 'Reset', exact: true }).click();
		await expect(status(page)).toHaveText('0 reviews and 10 new questions due now · 10 of 10 new questions left today (whole guide) · 0 of 10 seen (Again 0, Hard 0, Good 0, Easy 0)');
	});
});

test.describe('moving progress between browsers', () => {
	test('an exported file imports into a fresh browser', async ({ page, browser }, testInfo) => {
		await page.goto(SECTION);
		for (const key of ['2', '4']) {
			await page.keyboard.press(' ');
			await page.keyboard.press(key);
		}
		await page.goto(at('/study/'));
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export progress' }).click();
		const file = testInfo.outputPath('study-progress.json');
		await (await download).saveAs(file);
		const exported = JSON.parse(readFileSync(file, 'utf8'));
		expect(exported).toMatchObject({ kind: 'sg-study-progress', version: 4 });
		expect(exported.$schema).toMatch(/\/study\/progress\.schema\.json$/);
		// The schema it points to is served.
		expect((await page.request.get(exported.$schema)).ok()).toBe(true);
		// Import in a new, empty browser context.
		const fresh = await browser.newPage();
		await fresh.goto(SECTION);
		await expect(fresh.getByRole('button', { name: 'Due now: 10' })).toBeVisible();
		await fresh.goto(at('/study/'));
		await fresh.getByLabel('Import progress from a file').setInputFiles(file);
		await expect(fresh.getByText('Importing this file adds 2, updates 0, keeps 0.')).toBeVisible();
		await fresh.getByRole('button', { name: 'Merge into my progress' }).click();
		await expect(fresh.getByText('Imported: added 2, updated 0, kept 0.')).toBeVisible();
		await fresh.goto(SECTION);
		// Hard (back in 15 minutes) is due with the 8 new questions left today.
		await expect(fresh.getByRole('button', { name: 'Due now: 9' })).toBeVisible();
		await expect(fresh.getByRole('button', { name: 'Only what I missed: 1' })).toBeVisible();
		await fresh.close();
	});

	test('a malformed or foreign file is refused and changes nothing', async ({ page }, testInfo) => {
		await page.goto(SECTION);
		await page.keyboard.press(' ');
		await page.keyboard.press('3');
		await page.goto(at('/study/'));
		const foreign = testInfo.outputPath('foreign.json');
		writeFileSync(foreign, JSON.stringify({ kind: 'bookmarks', version: 1, questions: {} }));
		await page.getByLabel('Import progress from a file').setInputFiles(foreign);
		await expect(page.getByText('Not imported: It is a "bookmarks" file, not study progress from this site. Your progress is unchanged.')).toBeVisible();
		await expect(status(page)).toContainText('1 of 100 seen');
	});
});

test.describe('random question', () => {
	test('opens a question not yet known', { tag: '@base' }, async ({ page }) => {
		await page.goto(at('/sql-databases/'));
		await page.getByRole('link', { name: 'Random question not yet known' }).click();
		await expect(page).toHaveURL(/\/sql-databases\/[a-z0-9-]+\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^5\d\. |^60\. /);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the study page shows every question with its answer', async ({ page }) => {
		await page.goto(SECTION);
		await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveCount(10);
		await expect(page.locator('#a-handle-deadlocks-sql')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Show answer' })).toHaveCount(0);
	});
});

test.describe('accessibility', () => {
	test('with an answer revealed, the reveal is a button whose state is announced', async ({ page }) => {
		await page.goto(SECTION);
		await reveal(page).click();
		await expect(reveal(page)).toHaveAttribute('aria-expanded', 'true');
		await expect(reveal(page)).toHaveAttribute('aria-controls', 'a-difference-inner-join-left-join');
		await expect(page.getByRole('group', { name: 'How well did you know it?' }).filter({ visible: true }).getByRole('button')).toHaveText([/^Again/, /^Hard/, /^Good/, /^Easy/]);
	});
});
