import { expect, test } from '@playwright/test';
import { at } from '../helpers/site.ts';

const question = at('/intermediate-python/difference-deepcopy-copy/');

test.describe('copy buttons', () => {
	test.beforeEach(async ({ context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	});

	test('copy link puts the question’s URL on the clipboard', { tag: '@base' }, async ({ page, baseURL }) => {
		await page.goto(`${question}#example`);
		// Press the copy-link button.
		await page.getByRole('button', { name: 'Copy link' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(question, baseURL).href);
	});

	test('copy code puts the code block’s exact text on the clipboard', async ({ page }) => {
		await page.goto(question);
		// Press the first code block's copy button.
		await page.getByRole('button', { name: 'Copy code' }).first().click();
		await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toBe(
			[
				'import copy',
				'',
				'original = [[1, 2], [3, 4]]',
				'shallow_copy = copy.copy(original)',
				'deep_copy = copy.deepcopy(original)',
				'',
				'original[0][0] = 99',
				'print(shallow_copy[0][0])  # 99, because it references the same nested list',
				'print(deep_copy[0][0])     # 1, unaffected by the change',
			].join('\n'),
		);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the URL is shown in a selectable field and no dead button is shown', async ({ page, baseURL }) => {
		await page.goto(question);
		await expect(page.getByRole('textbox', { name: 'Link to this question' })).toHaveValue(new URL(question, baseURL).href);
		await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
		await expect(page.getByRole('button', { name: 'Copy code' })).toHaveCount(0);
		await expect(page.getByRole('combobox', { name: 'Theme' })).toBeHidden();
		await expect(page.locator('pre').first()).toContainText('import copy');
	});
});
