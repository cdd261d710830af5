import { expect, test, type Page } from '@playwright/test';
import { at } from '../helpers/site.ts';
import { readFileSync, writeFileSync } from 'node:fs';

const SECTION = at('/study/sql-databases/');
const heading = (page: Page) => page.locator('li.card h2').filter({ visible: true });
const reveal = (page: Page) => page.getByRole('button', { name: /Show answer|Hide answer/ }).filter({ visible: true });

test.describe('a study session', () => {
	test('runs by keyboard alone: reveal, grade, next, move back', async ({ page }) => {
		await page.goto(SECTION);
		await expect(page.getByText('Question 1 of 10')).toBeVisible();
		await expect(heading(page)).toHaveText(/^51\. /);
		await expect(reveal(page)).toHaveAttribute('aria-expanded', 'false');
		await expect(page.locator('#a-difference-inner-join-left-join')).toBeHidden();
		// Space reveals the answer.
		await page.keyboard.press(' ');
		await expect(reveal(page)).toHaveAttribute('aria-expanded', 'true');
		await expect(page.locator('#a-difference-inner-join-left-join')).toBeVisible();
		// 1 grades "knew it" and moves on.
		await page.keyboard.press('1');
		await expect(page.getByText('Question 2 of 10')).toBeVisible();
		await expect(heading(page)).toHaveText(/^52\. /);
		// Enter reveals, 3 grades "didn't know".
		await page.keyboard.press('Enter');
		await page.keyboard.press('3');
		await expect(heading(page)).toHaveText(/^53\. /);
		// Right and Left move without grading.
		await page.keyboard.press('ArrowRight');
		await expect(heading(page)).toHaveText(/^54\. /);
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowLeft');
		await expect(heading(page)).toHaveText(/^52\. /);
		await expect(page.getByRole('status').filter({ hasText: 'known' })).toHaveText('1 known, 0 partly, 1 to review, 8 not graded yet.');
	});

	test('keeps the grades across a reload and shows them on the section and home pages', async ({ page }) => {
		await page.goto(SECTION);
		await page.getByRole('button', { name: 'Show answer' }).filter({ visible: true }).click();
		await page.getByRole('button', { name: /Partly/ }).filter({ visible: true }).click();
		await page.reload();
		await expect(page.getByRole('status').filter({ hasText: 'known' })).toHaveText('0 known, 1 partly, 0 to review, 9 not graded yet.');
		await page.goto(at('/sql-databases/'));
		await expect(page.getByText('Your progress: 0 known, 1 partly, 0 to review, 9 not graded yet.')).toBeVisible();
		await expect(page.getByRole('main').getByRole('link', { name: /^51\. .*partly$/ })).toBeVisible();
		await page.goto(at('/'));
		await expect(page.getByText('Your progress: 0 known, 1 partly, 0 to review, 9 not graded yet.')).toBeVisible();
	});

	test('review runs only the questions graded partly or didn’t know', async ({ page }) => {
		await page.goto(SECTION);
		// Grade 51 knew it, 52 partly, 53 didn't know.
		for (const key of ['1', '2', '3']) {
			await page.keyboard.press(' ');
			await page.keyboard.press(key);
		}
		await page.getByRole('button', { name: 'Review only what I missed' }).click();
		await expect(page.getByRole('button', { name: 'Review only what I missed' })).toHaveAttribute('aria-pressed', 'true');
		await expect(page.getByText('Question 1 of 2 to review')).toBeVisible();
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
		await page.keyboard.press('1');
		page.once('dialog', (dialog) => dialog.accept());
		await page.getByRole('button', { name: 'Reset progress for section 6, SQL & Databases' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'known' })).toHaveText('0 known, 0 partly, 0 to review, 10 not graded yet.');
	});
});

test.describe('moving progress between browsers', () => {
	test('an exported file imports into a fresh browser', async ({ page, browser }, testInfo) => {
		await page.goto(SECTION);
		await page.keyboard.press(' ');
		await page.keyboard.press('2');
		await page.goto(at('/study/'));
		// Export.
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export progress' }).click();
		const file = testInfo.outputPath('study-progress.json');
		await (await download).saveAs(file);
		expect(JSON.parse(readFileSync(file, 'utf8')).questions['difference-inner-join-left-join'].grade).toBe('partly');
		// Import in a new, empty browser context.
		const fresh = await browser.newPage();
		await fresh.goto(at('/study/'));
		await fresh.getByLabel('Import progress from a file').setInputFiles(file);
		await expect(fresh.getByText('Importing this file adds 1, updates 0, keeps 0.')).toBeVisible();
		await fresh.getByRole('button', { name: 'Merge into my progress' }).click();
		await expect(fresh.getByRole('status').filter({ hasText: 'known' })).toHaveText('0 known, 1 partly, 0 to review, 99 not graded yet.');
		await fresh.close();
	});

	test('a malformed or foreign file is refused and changes nothing', async ({ page }, testInfo) => {
		await page.goto(SECTION);
		await page.keyboard.press(' ');
		await page.keyboard.press('1');
		await page.goto(at('/study/'));
		const foreign = testInfo.outputPath('foreign.json');
		writeFileSync(foreign, JSON.stringify({ kind: 'bookmarks', version: 1, questions: {} }));
		await page.getByLabel('Import progress from a file').setInputFiles(foreign);
		await expect(page.getByText('Not imported: It is a "bookmarks" file, not study progress from this site. Your progress is unchanged.')).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: 'known' })).toHaveText('1 known, 0 partly, 0 to review, 99 not graded yet.');
	});
});

test.describe('random question', () => {
	test('opens a question not yet known', async ({ page }) => {
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
		await expect(page.getByRole('group', { name: 'How well did you know it?' }).filter({ visible: true }).getByRole('button')).toHaveText([/Knew it/, /Partly/, /Didn’t know/]);
	});
});
