// "What does this print?" cards (issue 36): on a question page, Predict, then run (the output stays
// closed until then, and opens without JavaScript too); in the study queue, a card before its
// question, checked, graded like any card and kept in the progress; turned off in the study menu;
// carried by export and import.
import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { axeSource, axeViolations, watch } from '../helpers/browser.ts';
import { editCode, example, expect, LOAD, origin, test } from '../helpers/example-page.ts';
import { at, BASE } from '../helpers/site.ts';
import { applyGrade, applyPredictionGrade } from '../../src/study/rules.ts';
import { emptyProgress, type Progress } from '../../src/study/record.ts';

const GIL = at('/python-fundamentals/global-interpreter-lock-gil/');
/** Question 11's second example has a card with choices: wrong outputs from changed programs. */
const DECORATORS = at('/intermediate-python/decorators-python/');
const card = (page: Page) => page.locator('form.predict').filter({ visible: true });

test.describe('on a question page', () => {
	test.setTimeout(LOAD + 30_000);

	test('the output waits behind its label; Predict, then Run and check sets the prediction against what it printed', async ({ page }) => {
		const problems = watch(page);
		await page.goto(GIL);
		const output = example(page).locator('details.example-output');
		await expect(output).not.toHaveAttribute('open');
		await expect(output.locator('.example-output-body')).toBeHidden();
		await example(page).getByRole('button', { name: 'Predict' }).click();
		const field = card(page).getByRole('textbox', { name: 'Your prediction: what it prints, line by line' });
		await expect(field).toBeFocused();
		await expect(example(page).getByRole('button', { name: 'Predict' })).toBeHidden();
		// Nothing typed: said, and nothing runs.
		await card(page).getByRole('button', { name: 'Run and check' }).click();
		await expect(card(page).getByRole('status')).toHaveText('Type what you think it prints first.');
		await expect(output).not.toHaveAttribute('open');
		await field.fill('0\nFalse');
		await card(page).getByRole('button', { name: 'Run and check' }).click();
		await expect(example(page).locator('.example-status')).toHaveText(/^Finished in/, { timeout: LOAD });
		await expect(output).toHaveAttribute('open');
		await expect(card(page).locator('.predict-verdict')).toHaveText('Not quite. The lines that differ are marked below.');
		// The line that matched, then yours and what it printed, each said in words as well as marked.
		await expect(card(page).locator('.predict-line')).toHaveText(['0', 'You predicted: False', 'It printed: True']);
		await expect(field).toHaveAttribute('readonly');
		// Reset: the example as written, and Predict again.
		await example(page).getByRole('button', { name: 'Reset' }).click();
		await expect(card(page)).toHaveCount(0);
		await example(page).getByRole('button', { name: 'Predict' }).click();
		await card(page).getByRole('textbox').fill('0\nTrue\n');
		await card(page).getByRole('textbox').press('Tab');
		await page.keyboard.press('Enter');
		await expect(card(page).locator('.predict-verdict')).toHaveText('Right. That is what it prints, line for line.', { timeout: LOAD });
		expect(problems).toEqual([]);
	});

	test('the prediction is of the code the card shows, whatever the editor holds', async ({ page }) => {
		await page.goto(GIL);
		await editCode(page, 'print("edited")');
		await example(page).getByRole('button', { name: 'Predict' }).click();
		await card(page).getByRole('textbox').fill('0\nTrue');
		await card(page).getByRole('button', { name: 'Run and check' }).click();
		await expect(card(page).locator('.predict-verdict')).toHaveText('Right. That is what it prints, line for line.', { timeout: LOAD });
		await expect(example(page).locator('.example-output-body')).toHaveText('0\nTrue\n');
	});

	test('a card with choices: a wrong one names the change that would print it; axe finds nothing in light and dark', async ({ page }) => {
		await page.addInitScript(axeSource);
		await page.goto(DECORATORS);
		const second = page.locator('sg-example[data-predict="decorators-python#2"]');
		await second.getByRole('button', { name: 'Predict' }).click();
		const choices = card(page).getByRole('group', { name: 'Your prediction' }).getByRole('radio');
		await expect(choices).toHaveCount(4);
		await expect(choices.first()).toBeFocused();
		expect(await axeViolations(page)).toEqual([]);
		await card(page).getByRole('group').locator('label').filter({ hasText: /^wrapper\nNone/ }).click();
		await card(page).getByRole('button', { name: 'Run and check' }).click();
		await expect(card(page).locator('.predict-verdict')).toHaveText(
			'Not quite. That output is what it would print with one change: line 5: @functools.wraps(func) left out.',
			{ timeout: LOAD },
		);
		// The choices not taken cannot be changed after the check.
		await expect(card(page).locator('input[type=radio]:not(:checked)')).toHaveCount(3);
		for (const other of await card(page).locator('input[type=radio]:not(:checked)').all()) await expect(other).toBeDisabled();
		await expect(second.locator('details.example-output')).toHaveAttribute('open');
		expect(await axeViolations(page)).toEqual([]);
	});

	test('a card made of other code (a deploy since the page was loaded) is not offered: the page asks for a reload', async ({ page }) => {
		await page.route('**/study/predictions.json', async (route) => {
			const cards = (await (await route.fetch()).json()) as { id: string; code: string }[];
			await route.fulfill({ json: cards.map((card) => (card.id === 'global-interpreter-lock-gil#1' ? { ...card, code: `${card.code}\nprint("new")` } : card)) });
		});
		await page.goto(GIL);
		await example(page).getByRole('button', { name: 'Predict' }).click();
		await expect(example(page).locator('.example-status')).toHaveText('This page is out of date — reload it to predict.');
		await expect(card(page)).toHaveCount(0);
	});

	test('an example without a card has no Predict, and its output shows', async ({ page }) => {
		await page.goto(at('/python-fundamentals/difference-list-tuple-python/'));
		const first = page.locator('sg-example').first();
		await expect(first).not.toHaveAttribute('data-predict');
		await expect(first.getByRole('button', { name: 'Run' })).toBeVisible();
		await expect(first.getByRole('button', { name: 'Predict' })).toBeHidden();
		await expect(first.locator('.example-output-body')).toBeVisible();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the closed output opens at its label', async ({ page }) => {
		await page.goto(GIL);
		const body = page.locator('details.example-output .example-output-body');
		await expect(body).toBeHidden();
		await page.locator('summary.example-output-label').click();
		await expect(body).toHaveText('0\nTrue\n');
	});

	test('printed, the closed output is on the paper', async ({ page }) => {
		await page.goto(GIL);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('details.example-output .example-output-body')).toBeVisible();
	});
});

const STUDY = at('/study/python-fundamentals/');
const heading = (page: Page) => page.locator('li.card h2').filter({ visible: true });
const grades = (page: Page) => page.getByRole('group', { name: 'How well did you know it?' }).filter({ visible: true });

/** Progress where question 7 was learnt two days ago and is due today: its card comes before it. */
function gilLearnt(): Progress {
	const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
	const progress = applyGrade(emptyProgress(), 'global-interpreter-lock-gil', 'again', twoDaysAgo);
	return { ...progress, cards: { ...progress.cards, 'global-interpreter-lock-gil': { ...progress.cards['global-interpreter-lock-gil']!, due: twoDaysAgo.toISOString() } } };
}

async function seed(page: Page, progress: Progress, settings: object = {}) {
	await page.addInitScript(
		({ progress, settings }) => {
			if (sessionStorage.getItem('seeded')) return;
			sessionStorage.setItem('seeded', '1');
			localStorage.setItem('sg-study-progress', JSON.stringify(progress));
			localStorage.setItem('sg-study-settings', JSON.stringify(settings));
		},
		{ progress, settings },
	);
}

test.describe('in the study queue', () => {
	test('comes before its question: the code, a prediction, its check, then a grade kept in the progress', async ({ page }) => {
		const problems = watch(page, origin);
		await seed(page, gilLearnt(), { newPerDay: 0 });
		await page.addInitScript(axeSource);
		await page.goto(STUDY);
		await expect(heading(page)).toHaveText('7. What does this print?');
		await expect(page.locator('[data-position]')).toHaveText('1 of 2 due now (1 question, 1 output to predict)');
		const shown = page.locator('li.card').filter({ visible: true });
		await expect(shown.locator('.meta')).toHaveText('An example from 7. What is the Global Interpreter Lock (GIL)?');
		await expect(shown.locator('pre.astro-code')).toContainText('sys._is_gil_enabled()');
		// Nothing of the answer is on the card, and no grade before the check.
		await expect(shown.locator('.answer')).toHaveCount(0);
		await expect(grades(page)).toHaveCount(0);
		await shown.getByRole('textbox').fill('0\nTrue');
		await shown.getByRole('button', { name: 'Check' }).click();
		await expect(shown.locator('.predict-verdict')).toHaveText('Right. That is what it prints, line for line.');
		// The card has the focus again (Check is spent), so the keys grade it.
		await expect(heading(page)).toBeFocused();
		await expect(grades(page).getByRole('button')).toHaveText([/^Again again in/, /^Hard again in/, /^Good again in/, /^Easy again in/]);
		expect(await axeViolations(page)).toEqual([]);
		await page.keyboard.press('3');
		await expect(heading(page)).toHaveText(/^7\. What is the Global Interpreter Lock/);
		const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('sg-study-progress')!) as Progress);
		expect(kept.version).toBe(4);
		expect(kept.predictions.cards['global-interpreter-lock-gil#1']?.reps).toBe(1);
		expect(kept.predictions.log).toEqual([{ card: 'global-interpreter-lock-gil#1', grade: 'good', at: expect.any(String) }]);
		// The question's own grade, and the summary counts both.
		await page.keyboard.press(' ');
		await page.keyboard.press('3');
		await expect(page.locator('[data-end-title]')).toHaveText('Session done: 1 question graded and 1 output predicted');
		expect(problems).toEqual([]);
	});

	test('missed, it is asked again afresh at the end of the deck', async ({ page }) => {
		await seed(page, gilLearnt(), { newPerDay: 0 });
		await page.goto(STUDY);
		await expect(heading(page)).toHaveText('7. What does this print?');
		const shown = page.locator('li.card').filter({ visible: true });
		await shown.getByRole('textbox').fill('1\nFalse');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await expect(shown.locator('.predict-verdict')).toHaveText('Not quite. The lines that differ are marked below.');
		await page.keyboard.press('1');
		await expect(heading(page)).toHaveText(/^7\. What is the Global Interpreter Lock/);
		await expect(page.locator('[data-position]')).toHaveText('2 of 3 due now (1 question, 2 outputs to predict)');
		await page.keyboard.press(' ');
		await page.keyboard.press('3');
		await expect(heading(page)).toHaveText('7. What does this print?');
		await expect(shown.getByRole('textbox')).toHaveValue('');
		await shown.getByRole('textbox').fill('0\nTrue');
		await shown.getByRole('button', { name: 'Check' }).click();
		await page.keyboard.press('3');
		await expect(page.locator('[data-end-title]')).toHaveText('Session done: 1 question graded and 1 output predicted');
		const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('sg-study-progress')!) as Progress);
		expect(kept.predictions.log.map((review) => review.grade)).toEqual(['again', 'good']);
	});

	test('going back to a graded card shows it as it was left; a second grade counts it once', async ({ page }) => {
		await seed(page, gilLearnt(), { newPerDay: 0 });
		await page.goto(STUDY);
		const shown = page.locator('li.card').filter({ visible: true });
		await shown.getByRole('textbox').fill('0\nTrue');
		await shown.getByRole('button', { name: 'Check' }).click();
		await page.keyboard.press('3');
		await expect(heading(page)).toHaveText(/^7\. What is the Global Interpreter Lock/);
		await page.keyboard.press('ArrowLeft');
		await expect(shown.locator('.predict-verdict')).toHaveText('Right. That is what it prints, line for line.');
		await expect(grades(page)).toBeVisible();
		await page.keyboard.press('4');
		await page.keyboard.press(' ');
		await page.keyboard.press('3');
		await expect(page.locator('[data-end-title]')).toHaveText('Session done: 1 question graded and 1 output predicted');
	});

	test('Space checks; with nothing typed it says so and the grades wait', async ({ page }) => {
		await seed(page, gilLearnt(), { newPerDay: 0 });
		await page.goto(STUDY);
		await expect(heading(page)).toHaveText('7. What does this print?');
		await heading(page).focus();
		await page.keyboard.press(' ');
		const shown = page.locator('li.card').filter({ visible: true });
		await expect(shown.getByRole('status')).toHaveText('Type what you think it prints first.');
		await expect(shown.getByRole('textbox')).toBeFocused();
		await page.keyboard.press('3');
		await expect(heading(page)).toHaveText('7. What does this print?');
		await expect(shown.getByRole('textbox')).toHaveValue('3');
	});

	test('a card made of other code than the page shows (a deploy since it was loaded) is left out', async ({ page }) => {
		await page.route('**/study/predictions.json', async (route) => {
			const cards = (await (await route.fetch()).json()) as { id: string; code: string }[];
			await route.fulfill({ json: cards.map((card) => ({ ...card, code: `${card.code}\n` })) });
		});
		await seed(page, gilLearnt(), { newPerDay: 0 });
		await page.goto(STUDY);
		// Loaded, and still the question alone.
		await expect(page.locator('sg-study')).toHaveAttribute('data-predictions-state', 'loaded');
		await expect(heading(page)).toHaveText(/^7\. What is the Global Interpreter Lock/);
		await expect(page.locator('li.card[data-prediction]')).toHaveCount(0);
		await expect(page.locator('[data-position]')).toHaveText('1 of 1 due now');
	});

	test('turned off in More: the deck is the questions alone, and stays so after a reload', async ({ page }) => {
		await seed(page, gilLearnt(), { newPerDay: 0 });
		await page.goto(STUDY);
		await expect(heading(page)).toHaveText('7. What does this print?');
		await page.locator('details.more summary').click();
		await page.getByRole('checkbox', { name: '“What does this print?” cards with their questions' }).uncheck();
		await expect(heading(page)).toHaveText(/^7\. What is the Global Interpreter Lock/);
		await expect(page.locator('[data-position]')).toHaveText('1 of 1 due now');
		await page.reload();
		await expect(heading(page)).toHaveText(/^7\. What is the Global Interpreter Lock/);
		await expect(page.locator('[data-position]')).toHaveText('1 of 1 due now');
	});
});

test.describe('in a progress file', () => {
	test('a prediction card’s grades go out with an export and come in with an import, said apart from the questions', async ({ page, browser }, testInfo) => {
		const learnt = applyPredictionGrade(gilLearnt(), 'global-interpreter-lock-gil#1', 'good', new Date(Date.now() - 86_400_000));
		await seed(page, learnt);
		await page.goto(at('/study/'));
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export progress' }).click();
		const file = testInfo.outputPath('progress.json');
		await (await download).saveAs(file);
		const exported = JSON.parse(readFileSync(file, 'utf8')) as Progress;
		expect(exported.version).toBe(4);
		expect(exported.predictions).toEqual(learnt.predictions);
		// Another browser, with nothing: the file's question and its card come in.
		const other = await browser.newContext({ baseURL: `${origin}${BASE}`, serviceWorkers: 'block' });
		try {
			const elsewhere = await other.newPage();
			await elsewhere.goto(at('/study/'));
			writeFileSync(file, JSON.stringify(exported));
			await elsewhere.getByLabel('Import progress from a file').setInputFiles(file);
			await expect(elsewhere.getByText('Importing this file adds 1, updates 0, keeps 0; of its “what does this print?” cards, adds 1, updates 0.')).toBeVisible();
			await elsewhere.getByRole('button', { name: 'Merge into my progress' }).click();
			await expect(elsewhere.getByText('Imported: added 1, updated 0, kept 0. “What does this print?” cards: added 1, updated 0.')).toBeVisible();
			const kept = await elsewhere.evaluate(() => JSON.parse(localStorage.getItem('sg-study-progress')!) as Progress);
			expect(kept.predictions).toEqual(learnt.predictions);
		} finally {
			await other.close();
		}
	});
});
