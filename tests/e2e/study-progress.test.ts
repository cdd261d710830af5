// Study progress under the faults a reader's browser can have: bad stored data, a newer site's
// data, two tabs, full or blocked storage, and imports that merge or replace.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { at } from '../helpers/site.ts';

const SECTION = at('/study/sql-databases/');
const KEY = 'sg-study-progress';
const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-20T10:00:00.000Z';

/** The study page's line of counts: ends with "N of M seen (Again a, Hard h, Good g, Easy e)", each question's last grade. */
const summary = (page: Page) => page.locator('[data-status]');
const storeNote = (page: Page) => page.locator('[data-store-mode]');
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);
/** The questions stored: a version 2 to 4 value's cards, or a version 1 value's questions until the first save migrates it. */
const storedSlugs = async (page: Page) => {
	const value = JSON.parse((await stored(page))!) as { version: number; cards?: object; questions?: object };
	return Object.keys(value.version === 1 ? value.questions! : value.cards!).sort();
};
/** A version 1 file, as the site exported before FSRS (imported and stored files are migrated). */
const progressFile = (questions: Record<string, { grade: string; at: string }>) =>
	JSON.stringify({ kind: KEY, exported: T2, version: 1, questions });

/** Shows the current card's answer and grades it with key 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy). */
async function grade(page: Page, key: '1' | '2' | '3' | '4') {
	await page.keyboard.press(' ');
	await page.keyboard.press(key);
}

/** Puts `value` under the progress key before the page's scripts run, then opens `path`. */
async function openWithStored(page: Page, value: string, path = SECTION) {
	await page.goto(at('/404.html'));
	await page.evaluate(([key, text]) => localStorage.setItem(key!, text!), [KEY, value]);
	await page.goto(path);
}

/** Exports from /study/ and returns the file's question states and log. */
async function exported(page: Page, file: string) {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export progress' }).click();
	await (await download).saveAs(file);
	return JSON.parse(readFileSync(file, 'utf8')) as { cards: Record<string, unknown>; log: { grade: string }[] };
}

test.describe('stored progress that cannot be read in full', () => {
	const text = JSON.stringify({
		version: 1,
		questions: {
			'difference-inner-join-left-join': { grade: 'known', at: T1 },
			'Create-Index-SQL': { grade: 'known', at: T1 },
			'create-index-sql': { grade: 'partly', at: T1 },
		},
	});

	test('keeps the valid entries, backs the value up, tells the reader once and offers it for download', async ({ page }, testInfo) => {
		await openWithStored(page, text);
		await expect(summary(page)).toContainText('2 of 10 seen (Again 0, Hard 1, Good 1, Easy 0)');
		await expect(page.getByText('Part of your saved progress could not be read ("Create-Index-SQL" is not a question id). Every grade that could be read is kept')).toBeVisible();
		// The unreadable value downloads as it was stored.
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download the unreadable part' }).click();
		const file = testInfo.outputPath('kept.json');
		await (await download).saveAs(file);
		expect(readFileSync(file, 'utf8')).toBe(text);
		// The next grade keeps both valid grades (the two due questions come first, 52 after its
		// "what does this print?" card, then 53).
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(page.locator('li.card h2').filter({ visible: true })).toHaveText(/^53\. /);
		await grade(page, '1');
		expect(await storedSlugs(page)).toEqual(['create-index-sql', 'difference-inner-join-left-join', 'normalization-databases']);
		// Told once: a reload does not repeat it; the progress tools still offer the download.
		await page.reload();
		await expect(summary(page)).toContainText('3 of 10 seen (Again 1, Hard 1, Good 1, Easy 0)');
		await expect(page.getByText('Part of your saved progress could not be read')).toBeHidden();
		await page.goto(at('/study/'));
		await expect(page.getByRole('button', { name: /^Download what was kept aside on / })).toHaveCount(1);
	});

	test('a value that is not JSON is kept aside, not overwritten', async ({ page }) => {
		await openWithStored(page, '{"version":1,"questions":{"difference-inner');
		await expect(page.getByText('Part of your saved progress could not be read (It is not JSON')).toBeVisible();
		await grade(page, '3');
		const backups = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('sg-study-progress-backup-')).map((key) => localStorage.getItem(key)));
		expect(backups).toEqual(['{"version":1,"questions":{"difference-inner']);
		expect(await storedSlugs(page)).toEqual(['difference-inner-join-left-join']);
	});

	test('progress of a newer version is left untouched and the reader is asked to update the page', async ({ page }) => {
		const newer = JSON.stringify({ version: 5, cards: { 'create-index-sql': { due: T2 } } });
		await openWithStored(page, newer);
		await expect(storeNote(page)).toHaveText(/saved by a newer version of this site and is left as it is\. Reload the page to update it/);
		await grade(page, '3');
		await expect(summary(page)).toContainText('1 of 10 seen (Again 0, Hard 0, Good 1, Easy 0)');
		expect(await stored(page)).toBe(newer);
	});
});

test.describe('two tabs', () => {
	test('each keeps the other’s grades, and a tab shows the other’s grades as they are given', async ({ context }) => {
		// Tab B is opened first, then tab A grades three questions.
		const tabB = await context.newPage();
		await tabB.goto(SECTION);
		const tabA = await context.newPage();
		await tabA.goto(SECTION);
		await grade(tabA, '3');
		await grade(tabA, '3');
		await grade(tabA, '2');
		await expect(summary(tabB)).toContainText('3 of 10 seen (Again 0, Hard 1, Good 2, Easy 0)');
		// Tab B grades the question it still shows (the first one), which tab A graded too.
		await tabB.bringToFront();
		await tabB.keyboard.press('ArrowRight');
		await tabB.keyboard.press('ArrowRight');
		await tabB.keyboard.press('ArrowRight');
		await grade(tabB, '1');
		expect(await storedSlugs(tabB)).toEqual(['create-index-sql', 'difference-inner-join-left-join', 'normalization-databases', 'optimize-slow-queries']);
		await expect(summary(tabA)).toContainText('4 of 10 seen (Again 1, Hard 1, Good 2, Easy 0)');
	});
});

test.describe('full storage', () => {
	test.beforeEach(async ({ page }) => {
		await page.addInitScript(() => {
			const setItem = Storage.prototype.setItem;
			Storage.prototype.setItem = function (key: string, value: string) {
				if (this === window.localStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return setItem.call(this, key, value);
			};
		});
	});

	test('grading goes on in memory, the reader is told, and export holds every grade', async ({ page }, testInfo) => {
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await page.goto(at('/study/'));
		await grade(page, '3');
		await expect(page.getByText('2 of 10 due now')).toBeVisible();
		await grade(page, '1');
		await expect(storeNote(page)).toHaveText(/storage is full, so grades given from now on last for this visit only/);
		await expect(summary(page)).toContainText('2 of 100 seen (Again 1, Hard 0, Good 1, Easy 0)');
		const file = await exported(page, testInfo.outputPath('p.json'));
		expect(Object.keys(file.cards)).toHaveLength(2);
		expect(file.log).toHaveLength(2);
		expect(errors).toEqual([]);
	});

	test('import works and says nothing is kept after the visit', async ({ page }, testInfo) => {
		await page.goto(at('/study/'));
		const file = testInfo.outputPath('in.json');
		writeFileSync(file, progressFile({ 'create-index-sql': { grade: 'partly', at: T1 } }));
		await page.getByLabel('Import progress from a file').setInputFiles(file);
		await page.getByRole('button', { name: 'Merge into my progress' }).click();
		await expect(page.getByText('Imported: added 1, updated 0, kept 0.')).toBeVisible();
		await expect(summary(page)).toContainText('1 of 100 seen (Again 0, Hard 1, Good 0, Easy 0)');
		await expect(storeNote(page)).toHaveText(/storage is full/);
	});
});

test.describe('blocked storage', () => {
	test.beforeEach(async ({ page }) => {
		await page.addInitScript(() => {
			Object.defineProperty(window, 'localStorage', {
				get: () => {
					throw new DOMException('blocked', 'SecurityError');
				},
			});
		});
	});

	test('study works for the visit and says progress will not be kept', async ({ page }) => {
		await page.goto(SECTION);
		await expect(storeNote(page)).toHaveText(/This browser does not let the site store anything/);
		await grade(page, '3');
		await expect(summary(page)).toContainText('1 of 10 seen (Again 0, Hard 0, Good 1, Easy 0)');
	});

	test('export holds this visit’s grades and import needs no reload', async ({ page }, testInfo) => {
		await page.goto(at('/study/'));
		await grade(page, '3');
		await grade(page, '2');
		const { log } = await exported(page, testInfo.outputPath('p.json'));
		expect(log.map((record) => record.grade)).toEqual(['good', 'hard']);
		const file = testInfo.outputPath('in.json');
		writeFileSync(file, progressFile({ 'create-index-sql': { grade: 'unknown', at: T1 } }));
		await page.getByLabel('Import progress from a file').setInputFiles(file);
		await page.getByRole('button', { name: 'Merge into my progress' }).click();
		await expect(summary(page)).toContainText('3 of 100 seen (Again 1, Hard 1, Good 1, Easy 0)');
	});
});

test.describe('importing', () => {
	test.beforeEach(async ({ page }) => {
		// Three grades here: 51 known (old), 52 partly (recent), 53 didn't know (old).
		await openWithStored(
			page,
			progressFile({
				'difference-inner-join-left-join': { grade: 'known', at: T1 },
				'create-index-sql': { grade: 'partly', at: T2 },
				'normalization-databases': { grade: 'unknown', at: T1 },
			}),
			at('/study/'),
		);
	});

	/** A file: 51 newer (updates), 52 older (kept), 54 new (adds), and a slug this guide lacks. */
	function importFile(testInfo: { outputPath: (name: string) => string }) {
		const file = testInfo.outputPath('import.json');
		writeFileSync(
			file,
			progressFile({
				'difference-inner-join-left-join': { grade: 'unknown', at: T2 },
				'create-index-sql': { grade: 'known', at: T1 },
				'optimize-slow-queries': { grade: 'known', at: T1 },
				'fake-question': { grade: 'known', at: T1 },
			}),
		);
		return file;
	}

	test('shows what a merge will do, then merges: the newer grade of each question wins', async ({ page }, testInfo) => {
		await page.getByLabel('Import progress from a file').setInputFiles(importFile(testInfo));
		await expect(page.getByText('Importing this file adds 1, updates 1, keeps 2. 1 question is not in this guide and will be ignored (fake-question).')).toBeVisible();
		// Nothing changes before the reader confirms.
		await expect(summary(page)).toContainText('3 of 100 seen (Again 1, Hard 1, Good 1, Easy 0)');
		await page.getByRole('button', { name: 'Merge into my progress' }).click();
		await expect(page.getByText('Imported: added 1, updated 1, kept 2.')).toBeVisible();
		await expect(summary(page)).toContainText('4 of 100 seen (Again 2, Hard 1, Good 1, Easy 0)');
		expect(await storedSlugs(page)).toEqual(['create-index-sql', 'difference-inner-join-left-join', 'normalization-databases', 'optimize-slow-queries']);
	});

	test('a file with no questions changes nothing', async ({ page }, testInfo) => {
		const file = testInfo.outputPath('empty.json');
		writeFileSync(file, progressFile({}));
		await page.getByLabel('Import progress from a file').setInputFiles(file);
		await expect(page.getByText('Importing this file adds 0, updates 0, keeps 3.')).toBeVisible();
		await page.getByRole('button', { name: 'Merge into my progress' }).click();
		expect(await storedSlugs(page)).toHaveLength(3);
	});

	test('replacing everything asks first, and does nothing when declined', async ({ page }, testInfo) => {
		await page.getByLabel('Import progress from a file').setInputFiles(importFile(testInfo));
		const questions: string[] = [];
		page.once('dialog', (dialog) => {
			questions.push(dialog.message());
			void dialog.dismiss();
		});
		await page.getByRole('button', { name: 'Replace all my progress with this file' }).click();
		expect(questions).toEqual(['Replace all your progress with this file? It holds 3 grades; 3 grades you have here now will be forgotten.']);
		expect(await storedSlugs(page)).toEqual(['create-index-sql', 'difference-inner-join-left-join', 'normalization-databases']);
		// Confirmed, it replaces.
		page.once('dialog', (dialog) => void dialog.accept());
		await page.getByRole('button', { name: 'Replace all my progress with this file' }).click();
		await expect(page.getByText('Replaced: your progress is now the file’s 3 grades.')).toBeVisible();
		expect(await storedSlugs(page)).toEqual(['create-index-sql', 'difference-inner-join-left-join', 'optimize-slow-queries']);
		await expect(summary(page)).toContainText('3 of 100 seen (Again 1, Hard 0, Good 2, Easy 0)');
	});

	test('a file with a bad entry among good ones is refused whole, naming the entry, and changes nothing', async ({ page }, testInfo) => {
		const file = testInfo.outputPath('bad-entry.json');
		writeFileSync(file, progressFile({ 'optimize-slow-queries': { grade: 'known', at: T1 }, 'handle-deadlocks-sql': { grade: 'great', at: T1 } }));
		const before = await storedSlugs(page);
		await page.getByLabel('Import progress from a file').setInputFiles(file);
		await expect(page.getByText(/^Not imported: .*handle-deadlocks-sql.* Your progress is unchanged\.$/)).toBeVisible();
		await expect(page.getByRole('button', { name: 'Merge into my progress' })).toBeHidden();
		expect(await storedSlugs(page)).toEqual(before);
	});

	test('a state the scheduler cannot take is set right and named, and its question still grades', async ({ page }, testInfo) => {
		// Exported by a device whose clock ran two days ahead, and by a page that wrote a difficulty below FSRS's 1.
		const ahead = new Date(Date.now() + 2 * 86_400_000).toISOString();
		const state = { due: ahead, stability: 3, difficulty: 5, reps: 1, lapses: 0, state: 'review', lastReview: ahead, scheduledDays: 3 };
		const file = testInfo.outputPath('bad-states.json');
		writeFileSync(
			file,
			JSON.stringify({
				kind: KEY,
				exported: ahead,
				version: 2,
				cards: { 'create-index-sql': state, 'handle-deadlocks-sql': { ...state, lastReview: T2, due: T2, difficulty: 0.5 } },
				log: [],
			}),
		);
		await page.getByLabel('Import progress from a file').setInputFiles(file);
		// The question graded here keeps its own state: when the file's was really graded is not known.
		await expect(page.getByText(/^Importing this file adds 1, updates 0, keeps 3\. 2 values the scheduler cannot take will be set right: /)).toContainText(
			`Question "create-index-sql": "lastReview" ${ahead} is later than now (a clock set ahead?): set to now; Question "handle-deadlocks-sql": "difficulty" 0.5 is below 1: set to 1.`,
		);
		await page.getByRole('button', { name: 'Merge into my progress' }).click();
		await expect(page.getByText('Imported: added 1, updated 0, kept 3.')).toBeVisible();
		for (const path of ['/sql-databases/handle-deadlocks-sql/', '/sql-databases/create-index-sql/']) {
			await page.goto(at(path));
			await page.getByRole('button', { name: /^Good/ }).hover();
			await expect(page.getByRole('button', { name: /^Good \d+ (days?|months?)$/ })).toBeVisible();
			await page.getByRole('button', { name: /^Good/ }).click();
			await expect(page.getByRole('status').filter({ hasText: /^Graded Good: it comes back in \d+ (days?|months?)\.$/ })).toBeVisible();
		}
	});

	test('an absurdly large file is refused with a message', async ({ page }, testInfo) => {
		const questions: Record<string, { grade: string; at: string }> = {};
		for (let i = 0; i < 70_000; i++) questions[`fake-question-${i}`] = { grade: 'known', at: T1 };
		const file = testInfo.outputPath('huge.json');
		writeFileSync(file, progressFile(questions));
		await page.getByLabel('Import progress from a file').setInputFiles(file);
		await expect(page.getByText(/^Not imported: this file is \d\.\d MB, far more than a progress file of this guide/)).toBeVisible();
		expect(await storedSlugs(page)).toHaveLength(3);
	});
});
