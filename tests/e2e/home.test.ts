import { expect, test, type Page } from '@playwright/test';
import { at, href } from '../helpers/site.ts';

const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

/** True when the element's box lies inside the first screen. */
const inFirstScreen = (page: Page, name: string | RegExp) =>
	page
		.getByRole('link', { name })
		.evaluate((el) => {
			const box = el.getBoundingClientRect();
			return box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth;
		});

/** Grades a question on its own page, as a reader would. */
async function grade(page: Page, path: string, name: 'Again' | 'Hard' | 'Good' | 'Easy') {
	await page.goto(at(path));
	await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
	await expect(page.getByText(new RegExp(`^Your grade: ${name}`))).toBeVisible();
}

test.describe('home page, first visit', () => {
	for (const [device, viewport] of Object.entries(SIZES)) {
		test(`welcomes with "Start with question 1" in the first screen (${device}), nothing wider than the screen`, { tag: '@base' }, async ({ page }) => {
			await page.setViewportSize(viewport);
			await page.goto(at('/'));
			await expect(page.getByRole('heading', { name: 'Start here' })).toBeVisible();
			expect(await inFirstScreen(page, 'Start with question 1')).toBe(true);
			await expect(page.getByRole('link', { name: 'Start with question 1' })).toHaveAttribute('href', href('/python-fundamentals/difference-list-tuple-python/'));
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
		});
	}

	test('the header is one row on a phone', async ({ page }) => {
		await page.setViewportSize(SIZES.phone);
		await page.goto(at('/'));
		const header = await page.locator('.site-header').boundingBox();
		expect(header!.height).toBeLessThanOrEqual(64);
		await expect(page.getByRole('button', { name: 'Search' })).toBeVisible();
		await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
	});

	test('lists ten section cards, each with its count, reading time and Study and Read actions', { tag: '@base' }, async ({ page }) => {
		await page.goto(at('/'));
		const cards = page.getByRole('main').getByRole('list').first().getByRole('listitem');
		await expect(cards).toHaveCount(10);
		const sql = cards.filter({ hasText: 'SQL & Databases' });
		await expect(sql).toContainText('Section 6 · Questions 51–60');
		await expect(sql).toContainText(/10 questions · \d+ min read/);
		await expect(sql.getByRole('link', { name: 'Study section 6' })).toHaveAttribute('href', href('/study/sql-databases/'));
		await expect(sql.getByRole('link', { name: 'Read section 6' })).toHaveAttribute('href', href('/sql-databases/'));
	});

	test('the guide’s "How to Use" advice is on the About page, linked from home', async ({ page }) => {
		await page.goto(at('/'));
		await page.getByRole('link', { name: 'How to use these explanations' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('About this guide');
		await expect(page.getByRole('heading', { name: 'How to Use These Explanations' })).toBeVisible();
	});
});

test.describe('home page without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('shows the welcome, the cards and their links', async ({ page }) => {
		await page.goto(at('/'));
		await expect(page.getByRole('link', { name: 'Start with question 1' })).toBeVisible();
		await expect(page.getByRole('link', { name: /^Study section \d+$/ })).toHaveCount(10);
		await expect(page.getByRole('heading', { name: 'Your progress' })).toBeHidden();
	});

	test('a question page points to study mode instead of its grade buttons', async ({ page }) => {
		await page.goto(at('/sql-databases/handle-deadlocks-sql/'));
		await expect(page.getByRole('link', { name: 'study mode' })).toHaveAttribute('href', href('/study/sql-databases/'));
		await expect(page.getByRole('button', { name: /^Good/ })).toBeHidden();
	});
});

test.describe('home page with progress', () => {
	test('shows the standing, Continue to the first new question, and Review N missed', { tag: '@base' }, async ({ page }) => {
		await grade(page, '/python-fundamentals/difference-list-tuple-python/', 'Good');
		// Hard on a question seen before: back in days, so missed but not due today.
		await grade(page, '/python-fundamentals/handle-exceptions-python/', 'Good');
		await grade(page, '/python-fundamentals/handle-exceptions-python/', 'Hard');
		await page.setViewportSize(SIZES.phone);
		await page.goto(at('/'));
		await expect(page.getByRole('heading', { name: 'Your progress' })).toBeVisible();
		await expect(page.getByRole('list', { name: 'Your standing: 1 known, 1 learning, 0 due, 98 new' })).toBeVisible();
		expect(await inFirstScreen(page, 'Continue with question 3')).toBe(true);
		// Continue tests the reader on it (the answer hidden); "Just read it" opens its page.
		await expect(page.getByRole('link', { name: 'Just read it' })).toHaveAttribute('href', href('/python-fundamentals/python-virtual-environment-important/'));
		await expect(page.getByText('1 of 10 known · 0 due')).toBeVisible();
		await expect(page.getByText('Interview coming up?')).toBeVisible();
		// Continue asks for the question in its section's study page, which takes it from the address
		// once it has put the card first (so the URL with ?q= may be gone before a check could see it).
		const next = page.getByRole('link', { name: 'Continue with question 3' });
		await expect(next).toHaveAttribute('href', new RegExp(`${href('/study/python-fundamentals/')}\\?q=python-virtual-environment-important$`));
		await next.click();
		await expect(page).toHaveURL(at('/study/python-fundamentals/'));
		await expect(page.locator('[data-position]')).toHaveText('1 of 8 due now');
		await expect(page.locator('li.card h2').filter({ visible: true })).toHaveText(/^3\. /);
		await expect(page.getByRole('button', { name: 'Show answer' }).filter({ visible: true })).toHaveAttribute('aria-expanded', 'false');
		await page.goto(at('/'));
		// Review what was missed: the study page opens on that mode.
		await page.getByRole('link', { name: 'Review 1 missed' }).click();
		await expect(page).toHaveURL(at('/study/?mode=missed'));
		await expect(page.getByRole('button', { name: /^Only what I missed/ })).toHaveAttribute('aria-pressed', 'true');
	});

	test('shows the interview in plain view: how far off, and what there is to study today', async ({ page }) => {
		await grade(page, '/python-fundamentals/difference-list-tuple-python/', 'Good');
		await page.goto(at('/study/'));
		const day = new Date(Date.now() + 10 * 86_400_000);
		await page.getByLabel('Interview date').fill(`${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`);
		await expect(page.getByText(/^Interview in 10 days, on /)).toBeVisible();
		await page.goto(at('/'));
		// 100 questions over 10 days: 10 new a day, one started today.
		await expect(page.getByText(/^Interview in 10 days \(\w+day \d+ \w+\) · 9 to study today$/)).toBeVisible();
		await page.getByRole('link', { name: 'Change the date' }).click();
		// The date field, shown once the study page's script has run, is scrolled to.
		await expect(page.getByLabel('Interview date')).toBeInViewport();
	});

	test('with minutes a day, what there is to study today is the interview-day plan’s', async ({ page }) => {
		await grade(page, '/python-fundamentals/difference-list-tuple-python/', 'Good');
		await page.goto(at('/study/'));
		const day = new Date(Date.now() + 10 * 86_400_000);
		await page.getByLabel('Interview date').fill(`${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`);
		await page.getByLabel('Minutes a day').fill('12');
		await page.getByLabel('Minutes a day').press('Enter');
		await expect(page.locator('#interview-plan')).toContainText('today’s plan: 11 questions, about 11 minutes.');
		await page.goto(at('/'));
		// 12 minutes at a minute a review, one grade given today: 11 left, as the study page says.
		await expect(page.getByText(/^Interview in 10 days \(\w+day \d+ \w+\) · 11 to study today in your plan, about 11 min$/)).toBeVisible();
		// Continue leads to the plan's day on the whole guide's study page.
		await expect(page.getByRole('link', { name: 'Continue: 11 in today’s plan' })).toHaveAttribute('href', href('/study/'));
		await expect(page.getByRole('link', { name: 'Just read it' })).toBeHidden();
	});
});

test.describe('grading on a question page', () => {
	test('shows the last grade and next due date, kept across a reload and shared with study mode', { tag: '@base' }, async ({ page }) => {
		await page.goto(at('/sql-databases/handle-deadlocks-sql/'));
		await expect(page.getByText('Not graded yet: grade it below, or in study mode.')).toBeVisible();
		// Each grade says what interval it would give, to a first-time reader before any script is loaded too.
		await expect(page.getByRole('button', { name: /^Good \d+ days?$/ })).toBeVisible();
		await page.getByRole('button', { name: /^Hard/ }).hover();
		await expect(page.getByRole('button', { name: /^Good \d+ days?$/ })).toBeVisible();
		await page.getByRole('button', { name: /^Hard/ }).click();
		// Hard on a new question: back in the same sitting, as in study mode.
		await expect(page.getByRole('status').filter({ hasText: /^Graded Hard: it comes back in 15 min\.$/ })).toBeVisible();
		// The sidebar marks the question with its grade, in words, as the section's list does.
		const inSidebar = page.locator('.sidebar a[aria-current="page"] .pill');
		await expect(inSidebar).toHaveText('Hard');
		await page.reload();
		await expect(page.getByText(/^Your grade: Hard given on \w+ \d+ \w+; due again in 1[45] min\.$/)).toBeVisible();
		await expect(inSidebar).toHaveText('Hard');
		await expect(page.locator('.sidebar .pill')).toHaveCount(1);
		// Study mode sees the same grade.
		await page.goto(at('/study/sql-databases/?mode=missed'));
		await expect(page.getByRole('button', { name: 'Only what I missed: 1' })).toBeVisible();
	});

});
