// One page of each kind the build makes (each template), and the pages that are special, in the
// light and the dark colour scheme: no axe-core violation (WCAG 2.2 A/AA and best practices), no
// console error or warning, no failed request and no request to another origin. Pages of one kind
// share their template, so axe finds the same there; what differs between them is their content,
// whose HTML every page has checked by html-validate (tests/site/html.test.ts), with every link
// (tests/site/links.test.ts). The short-link pages (/q/N/) forward at once to a question page.
// Under a base path (the second run of scripts/test.ts) the crawl checks what the base path can
// break, loading each kind of page, without axe, whose findings do not depend on it.
import { expect, test } from '@playwright/test';
import { axeSource, axeViolations as violations, searchDialog, watch } from '../helpers/browser.ts';
import { at } from '../helpers/site.ts';
import { listBuiltHtml, pathOfFile } from '../helpers/dist.ts';
import { BASE } from '../helpers/site.ts';
import { readContent } from '../helpers/content.ts';
import { questionPath, sectionPath } from '../../src/lib/links.ts';

const withAxe = BASE === '/';
const FIXED_PAGES = new Set(['study', 'questions', 'print', 'additions', 'about', '404.html']);
/** A page's kind: its fixed first segment, if any, and its depth ("*" / "*\/*" for sections and questions). */
const kindOf = (path: string) =>
	path
		.split('/')
		.filter(Boolean)
		.map((segment, index) => (index === 0 && FIXED_PAGES.has(segment) ? segment : '*'))
		.join('/');
const allPaths = listBuiltHtml()
	.filter((name) => !name.startsWith('q/'))
	.map(pathOfFile);
const oneOfEachKind = allPaths.filter((path, index) => allPaths.findIndex((other) => kindOf(other) === kindOf(path)) === index);
/**
 * Pages whose content makes them special: the first and last question, the one the site added, one
 * with an editor's note and one with a runnable example (each drawn by parts of the template other
 * pages leave out), the first and last section.
 */
const { questions, sections } = readContent();
const byNumber = (number: number) => questions.find((question) => question.number === number)!;
const special = [
	byNumber(1),
	byNumber(82),
	byNumber(100),
	questions.find((question) => question.facts.editorNotes > 0)!,
	questions.find((question) => question.facts.runnableExamples > 0)!,
]
	.map(questionPath)
	.concat([sections[0]!, sections.at(-1)!].map((section) => sectionPath(section)));
const paths = withAxe ? [...new Set([...oneOfEachKind, ...special])] : oneOfEachKind;

// The pages are independent: spread them over the workers.
test.describe.configure({ mode: 'parallel' });

// axe-core goes into every document as it is created: faster than injecting it after each load.
test.beforeEach(async ({ context }) => {
	if (withAxe) await context.addInitScript(axeSource);
});

test('the crawl covers every kind of page the build makes, and the special ones at the root', { tag: '@base' }, () => {
	expect(allPaths.length).toBeGreaterThanOrEqual(113);
	expect(new Set(paths.map(kindOf))).toEqual(new Set(allPaths.map(kindOf)));
	for (const path of withAxe ? special : []) expect(allPaths).toContain(path);
});

// One browser page visits a share of the pages in turn (a new page for each costs more than its
// check); each page's findings are reported under its path, and every page is checked.
const SHARES = 2;
for (let share = 0; share < SHARES; share++) {
	const own = paths.filter((_, index) => index % SHARES === share);
	const checks = withAxe ? 'no accessibility violation (light and dark), console message' : 'loads with no console message';
	test(`pages ${share + 1} of ${SHARES} (${own.length}, from ${own[0]}): ${checks}, failed or foreign request`, { tag: '@base' }, async ({ page, baseURL }) => {
		test.setTimeout(own.length * 10_000);
		const problems = watch(page, new URL(baseURL!).origin);
		for (const path of own) {
			problems.length = 0;
			await page.goto(at(path));
			if (withAxe) expect.soft(await violations(page), path).toEqual([]);
			expect.soft(problems, path).toEqual([]);
		}
	});
}

test('the search dialog, open with results and a filter, has no violation (axe at the root) or failed request', async ({ page, baseURL }) => {
	const problems = watch(page, new URL(baseURL!).origin);
	await page.goto(at('/?q=docker&section=docker-kubernetes'));
	await expect(searchDialog(page).getByRole('listitem').first()).toBeVisible();
	if (withAxe) expect(await violations(page)).toEqual([]);
	expect(problems).toEqual([]);
});

test('a study card with its answer revealed has no violation (axe at the root) or failed request', async ({ page, baseURL }) => {
	const problems = watch(page, new URL(baseURL!).origin);
	await page.goto(at('/study/advanced-python-concurrency/'));
	await page.getByRole('button', { name: 'Show answer' }).filter({ visible: true }).click();
	await expect(page.getByRole('group', { name: 'How well did you know it?' }).filter({ visible: true })).toBeVisible();
	if (withAxe) expect(await violations(page)).toEqual([]);
	expect(problems).toEqual([]);
});

test('the end of a study session, with its summary and next steps, has no violation (axe at the root) or failed request', async ({ page, baseURL }) => {
	const problems = watch(page, new URL(baseURL!).origin);
	await page.goto(at('/study/sql-databases/'));
	// The four missed (Again, and Hard on a new question) come back at the end: Good on each.
	for (const key of ['1', '2', '3', '4', '3', '3', '2', '1', '3', '4', '3', '3', '3', '3']) {
		await page.keyboard.press(' ');
		await page.keyboard.press(key);
	}
	await expect(page.getByRole('region', { name: 'Session done: 10 questions graded' })).toBeVisible();
	if (withAxe) expect(await violations(page)).toEqual([]);
	expect(problems).toEqual([]);
});

test('the study reset dialog has no violation (axe at the root)', async ({ page, baseURL }) => {
	const problems = watch(page, new URL(baseURL!).origin);
	await page.goto(at('/study/sql-databases/'));
	await page.getByText('More', { exact: true }).click();
	await page.getByRole('button', { name: /Reset progress/ }).click();
	await expect(page.getByRole('dialog', { name: /Reset progress/ })).toBeVisible();
	if (withAxe) expect(await violations(page)).toEqual([]);
	expect(problems).toEqual([]);
});

test('a question opened from a search result, its words marked, has no violation (axe at the root) or failed request', async ({ page, baseURL }) => {
	const problems = watch(page, new URL(baseURL!).origin);
	await page.goto(at('/sql-databases/handle-deadlocks-sql/?highlight=deadlocks'));
	await expect(page.locator('mark.search-highlight').first()).toBeVisible();
	if (withAxe) expect(await violations(page)).toEqual([]);
	expect(problems).toEqual([]);
});

test('the search dialog opened empty, with recent searches and questions, has no violation (axe at the root)', async ({ page, baseURL }) => {
	const problems = watch(page, new URL(baseURL!).origin);
	// Read a question, then open the search from there.
	await page.goto(at('/sql-databases/handle-deadlocks-sql/'));
	await page.keyboard.press('/');
	await expect(page.getByRole('region', { name: 'Recently read' })).toBeVisible();
	if (withAxe) expect(await violations(page)).toEqual([]);
	expect(problems).toEqual([]);
});

test('the home page, a section and a question page with study progress have no violation (axe at the root)', async ({ page, baseURL }) => {
	const problems = watch(page, new URL(baseURL!).origin);
	// Grade two questions on their own pages: one Good, one Again.
	await page.goto(at('/python-fundamentals/global-interpreter-lock-gil/'));
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(page.getByText(/^Your grade: Good/)).toBeVisible();
	await page.goto(at('/python-fundamentals/difference-list-tuple-python/'));
	await page.getByRole('button', { name: /^Again/ }).click();
	await expect(page.getByText(/^Your grade: Again/)).toBeVisible();
	// Checked from the top, as a reader lands: axe's target-size counts a control that the grade's
	// click happened to leave under the sticky header as too small, whatever its size.
	await page.evaluate(() => scrollTo(0, 0));
	if (withAxe) expect(await violations(page)).toEqual([]);
	await page.goto(at('/'));
	await expect(page.getByRole('heading', { name: 'Your progress' })).toBeVisible();
	if (withAxe) expect(await violations(page), 'home').toEqual([]);
	await page.goto(at('/python-fundamentals/'));
	await expect(page.getByText(/^Your progress: /)).toBeVisible();
	if (withAxe) expect(await violations(page), 'section').toEqual([]);
	expect(problems).toEqual([]);
});
