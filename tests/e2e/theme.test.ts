import { expect, test, type Page } from '@playwright/test';
import { at } from '../helpers/site.ts';

const question = at('/python-fundamentals/difference-list-tuple-python/');
/** The colour of the first keyword-like token ("=") in the first code block. */
const tokenColour = (page: Page) =>
	page.locator('pre.astro-code span.sl-cf222e').first().evaluate((el) => getComputedStyle(el).color);
const codeBackground = (page: Page) =>
	page.locator('pre.astro-code').first().evaluate((el) => getComputedStyle(el).backgroundColor);

test.describe('code colours', () => {
	test('follow the system colour scheme', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(question);
		const light = { token: await tokenColour(page), background: await codeBackground(page) };
		expect(light).toEqual({ token: 'rgb(207, 34, 46)', background: 'rgb(255, 255, 255)' });

		// Switch the system to dark.
		await page.emulateMedia({ colorScheme: 'dark' });
		expect({ token: await tokenColour(page), background: await codeBackground(page) }).toEqual({
			token: 'rgb(255, 123, 114)',
			background: 'rgb(13, 17, 23)',
		});
	});
});

test.describe('theme choice', () => {
	test('overrides the system scheme and survives a reload', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(question);

		// Pick the dark theme.
		await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		expect(await codeBackground(page)).toBe('rgb(13, 17, 23)');

		// Reload: the choice is restored before the page is shown.
		await page.reload();
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
		expect(await codeBackground(page)).toBe('rgb(13, 17, 23)');

		// Back to following the system.
		await page.getByRole('combobox', { name: 'Theme' }).selectOption('auto');
		await page.reload();
		await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
		expect(await codeBackground(page)).toBe('rgb(255, 255, 255)');
	});

	test('is applied by the inline script before any stylesheet-dependent paint', async ({ page }) => {
		await page.addInitScript(() => localStorage.setItem('sg-theme', 'dark'));
		// Stop at the first moment the DOM exists and check the theme is already set.
		await page.goto(question, { waitUntil: 'domcontentloaded' });
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
	});
});
