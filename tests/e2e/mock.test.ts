// The mock interview (/mock/): set up, answer against a countdown that pauses and runs out, tick the
// key points, and see each answer graded in the study progress; recordings stay in the page.
import { expect, test, type Page } from '@playwright/test';
import { axeSource, axeViolations, watch } from '../helpers/browser.ts';
import { readContent } from '../helpers/content.ts';
import { toPlainText } from '../../src/markdown/inline.ts';
import { at } from '../helpers/site.ts';

const { questions } = readContent();
const byTitle = new Map(questions.map((q) => [`${toPlainText(q.title)}`, q]));
const KEY = 'sg-study-progress';

const mock = (page: Page) => page.locator('sg-mock-interview');
const clock = (page: Page) => page.getByRole('timer', { name: 'Time left' });
const questionHeading = (page: Page) => page.locator('#mock-question');

/** The question being asked, from its heading. */
async function asked(page: Page) {
	const title = (await questionHeading(page).textContent())!.trim();
	const question = byTitle.get(title);
	expect(question, `"${title}" is a question of the guide`).toBeDefined();
	return question!;
}

/** Ticks the first `made` key points, says how sure, and saves. */
async function check(page: Page, made: number, confidence: 'Sure' | 'Unsure') {
	const boxes = page.getByRole('group', { name: 'Tick each point your answer made' }).getByRole('checkbox');
	for (let i = 0; i < made; i++) await boxes.nth(i).check();
	await page.getByRole('radio', { name: confidence, exact: true }).check();
	await page.getByRole('button', { name: 'Save and go on' }).click();
}

async function start(page: Page, setup: (page: Page) => Promise<void> = async () => {}) {
	await page.goto(at('/mock/'));
	await setup(page);
	await page.getByRole('button', { name: 'Start the interview' }).click();
	await expect(questionHeading(page)).toBeFocused();
}

test('an interview of five: each question alone against the clock, then its key points; every answer graded in the study progress', async ({ page, baseURL }) => {
	const problems = watch(page, new URL(baseURL!).origin);
	await page.clock.install();
	await start(page);
	const seen: string[] = [];
	const sections = new Set<string>();
	// Question 1: answered in full and sure (Easy). Its position and clock show, no answer does.
	await expect(page.getByText(/^Question 1 of 5 · /)).toBeVisible();
	await expect(clock(page)).toHaveText('3:00');
	let question = await asked(page);
	seen.push(question.slug);
	sections.add(question.section);
	await page.getByRole('button', { name: 'I’m done' }).click();
	await expect(page.getByRole('heading', { name: 'What an interviewer listens for' })).toBeFocused();
	const boxes = page.getByRole('group', { name: 'Tick each point your answer made' }).getByRole('checkbox');
	await expect(boxes).toHaveCount(question.keyPoints!.length);
	// No grade without a confidence.
	await page.getByRole('button', { name: 'Save and go on' }).click();
	await expect(page.getByText('Choose Sure or Unsure first.')).toBeVisible();
	await check(page, question.keyPoints!.length, 'Sure');

	// Question 2: the clock runs, pauses, warns at a minute left, and ends the answer when it runs out.
	await expect(page.getByText(/^Question 2 of 5 · /)).toBeVisible();
	question = await asked(page);
	seen.push(question.slug);
	sections.add(question.section);
	await page.clock.runFor(65_000);
	await expect(clock(page)).toHaveText('1:55');
	await page.getByRole('button', { name: 'Pause' }).click();
	await page.clock.runFor(60_000);
	await expect(clock(page)).toHaveText('1:55');
	await page.getByRole('button', { name: 'Resume' }).click();
	await page.clock.runFor(60_000);
	await expect(page.getByText('One minute left.')).toBeAttached();
	await page.clock.runFor(56_000);
	await expect(page.getByText('Time is up. Tick what your answer made.')).toBeVisible();
	// Sure, and under half the points: a confident miss, graded Again.
	await check(page, 0, 'Sure');

	// A confident miss is asked again at the end: the interview now has six questions.
	await expect(page.getByText(/^Question 3 of 6 · /)).toBeVisible();
	// Questions 3 to 5: half the points, unsure (Hard); then all, unsure (Good); the keys for the last.
	for (const [made, confidence] of [
		[0.5, 'Unsure'],
		[1, 'Unsure'],
	] as const) {
		question = await asked(page);
		seen.push(question.slug);
		sections.add(question.section);
		await page.getByRole('button', { name: 'I’m done' }).click();
		await check(page, Math.ceil(question.keyPoints!.length * made), confidence);
	}
	question = await asked(page);
	seen.push(question.slug);
	sections.add(question.section);
	await page.keyboard.press(' ');
	await expect(page.getByRole('heading', { name: 'What an interviewer listens for' })).toBeFocused();
	for (let point = 1; point <= question.keyPoints!.length; point++) await page.keyboard.press(String(point));
	await page.keyboard.press('u');
	await page.keyboard.press('Enter');

	// Question 6: the confident miss again, said so; answered in full and sure this time.
	await expect(page.getByText(/^Question 6 of 6 · .* · Asked again: you were sure of it, and missed most of it$/)).toBeVisible();
	expect((await asked(page)).slug).toBe(seen[1]);
	await page.getByRole('button', { name: 'I’m done' }).click();
	await check(page, (await asked2(page)).keyPoints!.length, 'Sure');

	await expect(page.getByRole('heading', { name: 'Interview done' })).toBeFocused();
	expect(new Set(seen).size).toBe(5);
	expect(sections.size).toBeGreaterThanOrEqual(4);
	const results = mock(page).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
	await expect(results).toHaveCount(6);
	// The confident miss first; then the other miss; then the rest in the order asked.
	await expect(results.nth(0)).toContainText('Again');
	await expect(results.nth(0)).toContainText('Confident miss');
	await expect(results.nth(0)).toContainText('3:00 of 3:00');
	await expect(results.nth(0).getByText('Missed:')).toBeVisible();
	await expect(results.nth(1)).toContainText('Hard');
	await expect(results.nth(2)).toContainText('Easy');
	await expect(results.nth(3)).toContainText('Good');
	await expect(results.nth(5)).toContainText('asked again');
	await expect(page.getByText(/confident miss: sure of an answer/)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Study what you missed now: 2 questions from this interview' })).toHaveAttribute('href', /\/study\/\?mode=missed$/);
	await expect(page.getByText(/^Take another mock interview on \w+day \d+ \w+:/)).toBeVisible();

	// The grades are in the study progress, as a review's are, and the interview in its history.
	const progress = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY))!) as {
		cards: Record<string, unknown>;
		log: { slug: string; grade: string }[];
		mocks: { limit: number; answers: { slug: string; grade: string; seconds: number }[] }[];
	};
	const graded = [
		[seen[0], 'easy'],
		[seen[1], 'again'],
		[seen[2], 'hard'],
		[seen[3], 'good'],
		[seen[4], 'good'],
		[seen[1], 'easy'],
	];
	expect(progress.log.map((review) => [review.slug, review.grade])).toEqual(graded);
	expect(Object.keys(progress.cards).sort()).toEqual([...seen].sort());
	expect(progress.mocks).toHaveLength(1);
	expect(progress.mocks[0]!.limit).toBe(180);
	expect(progress.mocks[0]!.answers.map((a) => [a.slug, a.grade])).toEqual(graded);
	expect(progress.mocks[0]!.answers[1]!.seconds).toBe(180);

	// The next interview's setup lists it.
	await page.getByRole('button', { name: 'Another interview' }).click();
	await expect(page.getByRole('heading', { name: 'Your mock interviews' })).toBeVisible();
	await expect(page.getByText(/: 6 answers, \d+ of \d+ key points \(\d+%\), \d+:\d\d answering, 1 confident miss$/)).toBeVisible();
	expect(problems).toEqual([]);
});

/** The question of the key-point check. */
async function asked2(page: Page) {
	const title = (await page.locator('[data-check-question]').textContent())!.trim();
	return byTitle.get(title)!;
}

test('the scope: some sections asks only theirs, none chosen says so, and what is due or missed counts from the progress', async ({ page }) => {
	await page.goto(at('/mock/'));
	await page.getByRole('radio', { name: 'Some sections' }).check();
	await page.getByRole('button', { name: 'Start the interview' }).click();
	await expect(page.getByText('Choose at least one section.')).toBeVisible();
	await page.getByRole('checkbox', { name: '6. SQL & Databases' }).check();
	await page.getByRole('radio', { name: /^10 questions/ }).check();
	await page.getByRole('button', { name: 'Start the interview' }).click();
	for (let i = 1; i <= 10; i++) {
		await expect(page.getByText(new RegExp(`^Question ${i} of 10 · SQL & Databases`))).toBeVisible();
		expect((await asked(page)).section).toBe('sql-databases');
		await page.getByRole('button', { name: 'I’m done' }).click();
		await check(page, 1, 'Unsure');
	}
	await expect(page.getByRole('heading', { name: 'Interview done' })).toBeVisible();

	// Nothing was missed before; now the ten are (graded Again or Hard): "due or missed" holds them.
	await page.getByRole('button', { name: 'Another interview' }).click();
	await expect(page.getByText('(10 questions now)')).toBeVisible();
	await page.getByRole('radio', { name: /What is due or missed/ }).check();
	await page.getByRole('radio', { name: /^5 questions/ }).check();
	await page.getByRole('button', { name: 'Start the interview' }).click();
	expect((await asked(page)).section).toBe('sql-databases');
});

test('typing in the search dialog during the check is typing, not the interview’s keys', async ({ page }) => {
	await start(page);
	await page.keyboard.press(' ');
	await expect(page.getByRole('heading', { name: 'What an interviewer listens for' })).toBeFocused();
	await page.keyboard.press('/');
	const field = page.getByRole('searchbox', { name: 'Words to find' });
	await expect(field).toBeFocused();
	await page.keyboard.type('su1');
	await expect(field).toHaveValue('su1');
	await page.keyboard.press('Escape');
	await expect(page.getByRole('radio', { name: 'Sure', exact: true })).not.toBeChecked();
	await expect(page.getByRole('radio', { name: 'Unsure', exact: true })).not.toBeChecked();
	await expect(page.getByRole('group', { name: 'Tick each point your answer made' }).getByRole('checkbox').first()).not.toBeChecked();
});

test('the length and minutes set the clock and say how long the interview takes', async ({ page }) => {
	await page.goto(at('/mock/'));
	await expect(page.getByRole('radio', { name: '5 questions (about 15 minutes)' })).toBeChecked();
	await page.getByRole('combobox', { name: 'Minutes for each answer' }).selectOption('2');
	await expect(page.getByRole('radio', { name: '10 questions (about 20 minutes)' })).toBeVisible();
	await page.getByRole('button', { name: 'Start the interview' }).click();
	await expect(clock(page)).toHaveText('2:00');
});

test.describe('recording', () => {
	test.use({ permissions: ['microphone'] });

	test('records each answer into the page only: played back in the check and the summary, deletable, never sent', async ({ page, baseURL }) => {
		const problems = watch(page, new URL(baseURL!).origin);
		const sent: string[] = [];
		page.on('request', (request) => {
			if (request.method() !== 'GET') sent.push(`${request.method()} ${request.url()}`);
		});
		await start(page, async (page) => {
			await page.getByRole('radio', { name: /^5 questions/ }).check();
			await page.getByRole('checkbox', { name: /Record my answers/ }).check();
		});
		await expect(page.getByText('Recording your answer (sound only, kept in this page).')).toBeVisible();
		// A second of answer, so that there is sound to play back.
		await expect(clock(page)).toHaveText('2:59');
		await page.getByRole('button', { name: 'I’m done' }).click();
		const playback = page.locator('[data-yours] audio');
		await expect(playback).toHaveAttribute('src', /^blob:/);
		await expect.poll(() => playback.evaluate((audio: HTMLAudioElement) => audio.readyState)).toBeGreaterThan(0);
		// Unsure of each (no confident miss, which the interview would ask again).
		await check(page, 1, 'Unsure');
		for (let i = 2; i <= 5; i++) {
			await page.getByRole('button', { name: 'I’m done' }).click();
			await check(page, 1, 'Unsure');
		}
		const recordings = page.locator('[data-results] audio');
		await expect(recordings).toHaveCount(5);
		await page.getByRole('button', { name: 'Delete this recording' }).first().click();
		await expect(recordings).toHaveCount(4);
		await expect(page.getByText('Recording deleted.')).toBeVisible();
		// The microphone is released once the interview ends.
		expect(await page.evaluate(() => document.querySelector('sg-mock-interview') !== null)).toBe(true);
		expect(sent).toEqual([]);
		expect(problems).toEqual([]);
	});
});

test('has no accessibility violation in any of its steps (light and dark)', async ({ page, context }) => {
	await context.addInitScript(axeSource);
	await page.goto(at('/mock/'));
	expect(await axeViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Start the interview' }).click();
	await expect(clock(page)).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'I’m done' }).click();
	expect(await axeViolations(page)).toEqual([]);
	for (let i = 1; i <= 5; i++) {
		if (i > 1) await page.getByRole('button', { name: 'I’m done' }).click();
		await check(page, 2, 'Unsure');
	}
	await expect(page.getByRole('heading', { name: 'Interview done' })).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
});

test('without JavaScript, the page says what the interview needs and how to practise without it', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(at('/mock/'));
	await expect(page.getByText('The mock interview runs in this page with JavaScript')).toBeVisible();
	await expect(page.getByRole('link', { name: 'study with flashcards' })).toHaveAttribute('href', /\/study\/$/);
	await expect(page.getByRole('button', { name: 'Start the interview' })).toBeHidden();
	await context.close();
});

test('is linked from the home page and the study page (the header’s Study)', async ({ page }) => {
	await page.goto(at('/'));
	await expect(page.getByRole('main').getByRole('link', { name: 'Mock interview' }).first()).toHaveAttribute('href', /\/mock\/$/);
	await page.goto(at('/study/'));
	await expect(page.getByRole('link', { name: 'Try a mock interview' }).first()).toHaveAttribute('href', /\/mock\/$/);
});
