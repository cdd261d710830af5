import { expect, test, type Page } from '@playwright/test';
import { at } from '../helpers/site.ts';

/** Tabs through the page once (until focus comes back round); each stop's name and focus ring. */
async function tabThrough(page: Page) {
	const stops: { name: string; ring: boolean; element: string }[] = [];
	for (let i = 0; i < 150; i++) {
		await page.keyboard.press('Tab');
		const stop = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return null;
			const style = getComputedStyle(el);
			const label = el.getAttribute('aria-label') ?? el.textContent ?? '';
			return {
				name: `${el.tagName.toLowerCase()}:${label.trim().replace(/\s+/g, ' ').slice(0, 40)}`,
				ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
				element: el.outerHTML.slice(0, 300),
			};
		});
		if (!stop || stop.element === stops[0]?.element) break;
		stops.push(stop);
	}
	return stops;
}

test.describe('keyboard', () => {
	test('every control of a question page is reached by Tab and shows a focus ring', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(at('/intermediate-python/difference-deepcopy-copy/'));
		const stops = await tabThrough(page);
		const names = stops.map((s) => s.name);
		for (const expected of ['a:Skip to content', 'button:Search', 'select:', 'a:#Link to “Example”', 'button:Copy code', 'input:', 'button:Copy link', 'a:Next']) {
			expect(names.some((name) => name.startsWith(expected)), `Tab reaches ${expected}; stops: ${names.join(' | ')}`).toBe(true);
		}
		expect(stops.filter((s) => !s.ring).map((s) => s.name)).toEqual([]);
	});

	test('the theme is changed with the keyboard alone', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(at('/'));
		// Focus the theme select and pick "Dark" with the arrow keys.
		await page.getByRole('combobox', { name: 'Theme' }).focus();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	});

	test('copy buttons work from the keyboard', async ({ page, context, baseURL }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(at('/intermediate-python/difference-deepcopy-copy/'));
		// Focus "Copy link" and press Enter.
		await page.getByRole('button', { name: 'Copy link' }).focus();
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(at('/intermediate-python/difference-deepcopy-copy/'), baseURL).href);
		// Focus the first "Copy code" and press Space.
		await page.getByRole('button', { name: 'Copy code' }).first().focus();
		await page.keyboard.press(' ');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('import copy');
	});
});
