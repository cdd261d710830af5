import { expect, test } from '@playwright/test';

const question = '/sql-databases/handle-deadlocks-sql/';

test.describe('layout', () => {
	test('a skip link is the first thing Tab reaches, and it moves focus to the main content', async ({ page }) => {
		await page.goto(question);
		// Press Tab once.
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to content' });
		await expect(skip).toBeFocused();
		await expect(skip).toBeInViewport();
		// Follow it.
		await page.keyboard.press('Enter');
		await expect(page.locator('main')).toBeFocused();
	});

	test('on a 320 px phone nothing scrolls sideways and the section list is folded', async ({ page }) => {
		await page.setViewportSize({ width: 320, height: 640 });
		await page.goto('/python-fundamentals/difference-list-tuple-python/');
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBe(0);
		const nav = page.getByRole('navigation', { name: 'Sections' });
		await expect(nav.getByText('Sections', { exact: true })).toBeVisible();
		await expect(nav.getByRole('link', { name: '6. SQL & Databases' })).toBeHidden();
		// Unfold it.
		await nav.getByText('Sections', { exact: true }).click();
		await expect(nav.getByRole('link', { name: '6. SQL & Databases' })).toBeVisible();
	});

	test('on a wide screen the section list stands beside the text, open', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto(question);
		const nav = page.getByRole('navigation', { name: 'Sections' });
		await expect(nav.getByRole('link', { name: '6. SQL & Databases' })).toBeVisible();
		await expect(nav.getByRole('link', { name: /^58\. / })).toHaveAttribute('aria-current', 'page');
		const navBox = (await nav.boundingBox())!;
		const mainBox = (await page.locator('main').boundingBox())!;
		expect(navBox.x + navBox.width).toBeLessThanOrEqual(mainBox.x);
	});

	test('a printed question shows the question, answer and code in black on white, without navigation', async ({ page }) => {
		await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
		await page.goto('/python-fundamentals/difference-list-tuple-python/');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		// Sections, previous/next, and the header and footer are all hidden in print.
		await expect(page.locator('nav')).toHaveCount(2);
		for (const chrome of await page.locator('nav, header, footer, sg-copy-link').all()) await expect(chrome).toBeHidden();
		const colours = await page.locator('pre.astro-code').evaluate((pre) => {
			const token = pre.querySelector('span[class^="sl-"]')!;
			return [getComputedStyle(document.body).backgroundColor, getComputedStyle(pre).backgroundColor, getComputedStyle(token).color];
		});
		expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
	});
});
