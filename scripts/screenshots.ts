// npm run screenshots [-- --no-build --out screenshots --only question-predict,study-predict]: builds
// the site, serves dist/ as a static host would, and writes PNG screenshots of the home page, a
// section, a question, study mode, search, the mock interview's steps, the interview-day plan and the
// "what does this print?" cards, in the light and dark schemes, at 1280x900 (desktop) and 390x844
// (phone), into a folder git ignores. The reader in the screenshots has graded a few questions over the last days, so the
// home page and the marks show progress. Figures for the README and docs/, and a look at every change.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readContent } from '../tests/helpers/content.ts';
import { applyGrade } from '../src/study/rules.ts';
import { emptyProgress, PROGRESS_KEY, type Grade } from '../src/study/record.ts';
import { RECENT_READS_KEY } from '../src/search/recent.ts';
import { RECENT_SEARCHES_KEY } from '../src/search/recent-searches.ts';
import { toPlainText } from '../src/markdown/inline.ts';
import { questionPath } from '../src/lib/links.ts';
import { createStaticServer } from './serve.ts';

const { values } = parseArgs({ options: { 'no-build': { type: 'boolean' }, out: { type: 'string', default: 'screenshots' }, only: { type: 'string' } } });
const out = values.out;
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!values['no-build']) {
	const build = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) throw new Error('astro build failed; no screenshots taken');
}

/** A reader two weeks in: sections 1 and 2 graded over the last days, some due now, some missed. */
function sampleProgress(now: Date): string {
	const { questions } = readContent();
	const grades: Grade[] = ['good', 'good', 'easy', 'hard', 'good', 'again', 'good', 'easy', 'good', 'hard'];
	let progress = emptyProgress();
	questions.slice(0, 16).forEach((question, i) => {
		const at = new Date(now.getTime() - (14 - (i % 7)) * 86_400_000);
		progress = applyGrade(progress, question.slug, grades[i % grades.length]!, at);
		// The first eight were graded again a week later, as a reader coming back would.
		if (i < 8) progress = applyGrade(progress, question.slug, grades[(i + 3) % grades.length]!, new Date(at.getTime() + 7 * 86_400_000));
	});
	return JSON.stringify(progress);
}

/** The mock interview's steps: what a reader does on /mock/ before each screenshot. */
const startInterview = async (page: Page) => {
	await page.getByRole('button', { name: 'Start the interview' }).click();
	await page.getByRole('timer').waitFor();
};
const checkAnswer = async (page: Page) => {
	await startInterview(page);
	await page.getByRole('button', { name: 'I’m done' }).click();
	await page.getByRole('checkbox').first().check();
};
const finishInterview = async (page: Page) => {
	await startInterview(page);
	const done = page.getByRole('heading', { name: 'Interview done' });
	// Five questions, and a confident miss asked again at the end: until the summary shows.
	for (let i = 0; !(await done.isVisible()); i++) {
		await page.getByRole('button', { name: 'I’m done' }).click();
		const boxes = page.getByRole('checkbox');
		// More points made at each answer, as many as the question has (3 to 6).
		await boxes.first().waitFor();
		const made = Math.min(i, await boxes.count());
		for (let point = 0; point < made; point++) await boxes.nth(point).check();
		await page.getByRole('radio', { name: i % 2 ? 'Sure' : 'Unsure', exact: true }).check();
		await page.getByRole('button', { name: 'Save and go on' }).click();
		await page.getByRole('timer').or(done).waitFor();
	}
};

/** Study with an interview in 9 days and 20 minutes a day: today's plan, recall on the day and its chart. */
const planInterview = async (page: Page) => {
	await page.locator('.session:not([hidden])').waitFor();
	const day = new Date(Date.now() + 9 * 86_400_000);
	await page.getByLabel('Interview date').fill(`${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`);
	await page.getByLabel('Minutes a day').fill('20');
	await page.getByLabel('Minutes a day').press('Enter');
	await page.locator('[data-plan-chart]').waitFor();
	await page.locator('[data-plan-caption]').scrollIntoViewIfNeeded();
};

/** Question 11's second example: Predict, a wrong choice, Run and check (the Python runtime loads). */
const predictOnQuestion = async (page: Page) => {
	const example = page.locator('sg-example[data-predict="decorators-python#2"]');
	await example.getByRole('button', { name: 'Predict' }).click();
	await example.locator('label').filter({ hasText: /^wrapper/ }).click();
	await example.getByRole('button', { name: 'Run and check' }).click();
	await example.locator('.predict-verdict').waitFor({ timeout: 120_000 });
	await example.locator('form.predict').scrollIntoViewIfNeeded();
};

/** Section 1's study deck up to its first prediction card, a prediction typed with a slip, then checked. */
const predictInStudy = async (page: Page) => {
	const shown = page.locator('li.card').filter({ visible: true });
	await page.locator('li.card[data-prediction]').first().waitFor({ state: 'attached' });
	for (let i = 0; i < 20 && !(await shown.locator('form.predict').count()); i++) await page.getByRole('button', { name: 'Next →' }).click();
	// A near miss: the card's own output with its last line left out.
	const id = await shown.getAttribute('data-prediction');
	const answer = await page.evaluate(async (id) => {
		const cards = (await (await fetch('/study/predictions.json')).json()) as { id: string; answer: string }[];
		return cards.find((card) => card.id === id)!.answer;
	}, id);
	if ((await shown.locator('.predict-typed').count()) > 0) await shown.getByRole('textbox').fill(answer.trimEnd().split('\n').slice(0, -1).join('\n') || 'None');
	else await shown.getByRole('radio').first().check();
	await shown.getByRole('button', { name: 'Check' }).click();
	await shown.locator('.predict-verdict').waitFor();
};

const PAGES: { name: string; path: string; search?: string; act?: (page: Page) => Promise<void> }[] = [
	{ name: 'home', path: '' },
	{ name: 'section', path: 'sql-databases/' },
	{ name: 'question', path: 'intermediate-python/difference-deepcopy-copy/' },
	{ name: 'study', path: 'study/' },
	{ name: 'search', path: '', search: '' },
	{ name: 'search-results', path: '', search: 'deadlock' },
	{ name: 'mock', path: 'mock/' },
	{ name: 'mock-question', path: 'mock/', act: startInterview },
	{ name: 'mock-check', path: 'mock/', act: checkAnswer },
	{ name: 'mock-summary', path: 'mock/', act: finishInterview },
	{ name: 'question-predict', path: 'intermediate-python/decorators-python/', act: predictOnQuestion },
	{ name: 'study-predict', path: 'study/python-fundamentals/', act: predictInStudy },
	// Last: its interview date and minutes stay in the browser for the pages after it.
	{ name: 'study-plan', path: 'study/', act: planInterview },
];
const VIEWPORTS = {
	desktop: { viewport: { width: 1280, height: 900 } },
	phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

const server = createStaticServer({ root: 'dist' });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox', '--disable-gpu'] });
mkdirSync(out, { recursive: true });
const progress = sampleProgress(new Date());
// The same reader has searched and read a little: what the search dialog offers before typing.
const reads = readContent()
	.questions.filter((q) => [16, 7, 52].includes(q.number))
	.map((q) => ({ url: questionPath(q), number: q.number, title: toPlainText(q.title) }));
const stored: [string, string][] = [
	[PROGRESS_KEY, progress],
	[RECENT_SEARCHES_KEY, JSON.stringify(['deadlock', 'docker compose', 'GIL'])],
	[RECENT_READS_KEY, JSON.stringify(reads)],
];
try {
	for (const [device, options] of Object.entries(VIEWPORTS)) {
		for (const scheme of ['light', 'dark'] as const) {
			const context: BrowserContext = await browser.newContext({ ...options, colorScheme: scheme, reducedMotion: 'reduce' });
			await context.addInitScript((entries) => {
				for (const [key, value] of entries) if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
			}, stored);
			const page = await context.newPage();
			const only = values.only?.split(',');
			for (const { name, path, search, act } of PAGES.filter((shot) => !only || only.includes(shot.name))) {
				await page.goto(origin + path, { waitUntil: 'networkidle' });
				// Study mode's cards once its script has run (a busy machine can take longer than the network).
				if (name.startsWith('study')) await page.locator('.session:not([hidden])').waitFor();
				await act?.(page);
				if (search !== undefined) {
					await page.keyboard.press('/');
					await page.getByRole('dialog').waitFor();
					if (search) {
						await page.getByRole('searchbox').fill(search);
						await page.getByRole('dialog').getByRole('link').first().waitFor();
					}
					await page.waitForTimeout(300);
				}
				const file = join(out, `${name}-${device}-${scheme}.png`);
				await page.screenshot({ path: file });
				console.log(file);
			}
			await context.close();
		}
	}
} finally {
	await browser.close();
	server.close();
}
