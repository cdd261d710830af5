import { expect, test } from '@playwright/test';
import { at, href } from '../helpers/site.ts';

test.describe('reading the guide', () => {
	test('goes home -> section -> question -> next question -> back to the section', { tag: '@base' }, async ({ page }) => {
		await page.goto(at('/'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Python & Backend Interview Guide');

		// Open a section from the home page.
		await page.getByRole('link', { name: 'SQL & Databases', exact: true }).click();
		await expect(page).toHaveURL(at('/sql-databases/'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('SQL & Databases');
		await expect(page.getByText('Section 6 · Questions 51–60')).toBeVisible();

		// Open its second question.
		await page.getByRole('main').getByRole('link', { name: /^52\. How do you create an index/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('52. How do you create an index in SQL, and why?');

		// Go on to the next question.
		await page.getByRole('link', { name: /^Next 53\./ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('53. What is normalization in databases?');

		// Back to the section it belongs to.
		await page.getByRole('article').getByRole('link', { name: 'Section 6: SQL & Databases' }).click();
		await expect(page).toHaveURL(at('/sql-databases/'));
	});

	test('crosses sections with next and previous: question 10 leads to question 11 and back', { tag: '@base' }, async ({ page }) => {
		await page.goto(at('/python-fundamentals/name-main-mean/'));
		// Next from the last question of section 1.
		await page.getByRole('link', { name: /^Next 11\./ }).click();
		await expect(page).toHaveURL(at('/intermediate-python/decorators-python/'));
		await expect(page.getByRole('article').getByRole('link', { name: 'Section 2: Intermediate Python' })).toBeVisible();
		// And back.
		await page.getByRole('link', { name: /^Previous 10\./ }).click();
		await expect(page).toHaveURL(at('/python-fundamentals/name-main-mean/'));
	});

	test('a section page lists its ten questions, and /questions/ all 100, each linked', { tag: '@base' }, async ({ page }) => {
		let count = 0;
		for (const section of ['python-fundamentals', 'sql-databases']) {
			await page.goto(at(`/${section}/`));
			count += await page.getByRole('main').getByRole('listitem').getByRole('link', { name: /^\d+\. / }).count();
		}
		expect(count).toBe(20);
		await page.goto(at('/questions/'));
		await expect(page.getByRole('main').getByRole('link', { name: /^\d+\. / })).toHaveCount(100);
	});

	test('shows the right question when its URL is opened directly', { tag: '@base' }, async ({ page }) => {
		await page.goto(at('/docker-kubernetes/write-simple-dockerfile/'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('62. How do you write a simple Dockerfile?');
		await expect(page.getByRole('article').locator('pre').first()).toContainText('FROM python:3.9-slim');
		await expect(page).toHaveTitle('62. How do you write a simple Dockerfile? · Python & Backend Interview Guide');
	});

	test('marks question 82 as added by the site', { tag: '@base' }, async ({ page }) => {
		await page.goto(at('/q/82/'));
		await expect(page.getByText('Added by this site: the source guide has no question 82')).toBeVisible();
	});

	test('links each labelled part of an answer', { tag: '@base' }, async ({ page }) => {
		await page.goto(at('/python-fundamentals/difference-list-tuple-python/#example'));
		await expect(page.locator('li#example')).toBeInViewport();
		await expect(page.getByRole('link', { name: 'Link to “Example”' })).toHaveAttribute('href', '#example');
	});
});

test.describe('short links', () => {
	test('/q/42/ lands on question 42', { tag: '@base' }, async ({ page }) => {
		await page.goto(at('/q/42/'));
		await expect(page).toHaveURL(at('/restful-api-microservices/statelessness-restful-services/'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('42. What is statelessness in RESTful services?');
	});
});

test.describe('missing pages', () => {
	test('answer 404 with a page that links home and to every section', { tag: '@base' }, async ({ page }) => {
		const response = await page.goto(at('/no-such-page/'));
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(page.getByRole('link', { name: 'the home page' })).toHaveAttribute('href', href('/'));
		await expect(page.getByRole('main').getByRole('link', { name: /^Section \d+:/ })).toHaveCount(10);
	});
});
