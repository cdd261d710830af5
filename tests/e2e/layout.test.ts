import { expect, test } from '@playwright/test';
import { at } from '../helpers/site.ts';

const question = at('/sql-databases/handle-deadlocks-sql/');

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
		await page.goto(at('/python-fundamentals/difference-list-tuple-python/'));
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBe(0);
		const nav = page.getByRole('navigation', { name: 'Sections' });
		await expect(nav.getByText('Sections', { exact: true })).toBeVisible();
		await expect(nav.getByRole('link', { name: '6. SQL & Databases' })).toBeHidden();
		// Unfold it.
		await nav.getByText('Sections', { exact: true }).click();
		await expect(nav.getByRole('link', { name: '6. SQL & Databases' })).toBeVisible();
	});

	for (const width of [320, 390, 1280]) {
		test(`at ${width} px the header holds Study, Search and the theme in one row, on a phone Study and Search a thumb's size`, async ({ page }) => {
			await page.setViewportSize({ width, height: 800 });
			for (const path of ['/', '/sql-databases/handle-deadlocks-sql/', '/study/sql-databases/']) {
				await page.goto(at(path));
				const header = page.locator('header.site-header');
				const controls = [
					header.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Study' }),
					header.getByRole('button', { name: 'Search' }),
					header.getByRole('combobox'),
				];
				for (const control of controls) {
					await expect(control, path).toBeVisible();
					const box = (await control.boundingBox())!;
					// Inside the screen, nothing cut at its right edge.
					expect(box.x + box.width, path).toBeLessThanOrEqual(width);
					expect(box.y + box.height, path).toBeLessThanOrEqual((await header.boundingBox())!.height);
				}
				// On a phone, for a thumb (WCAG 2.5.8 asks 24 px; 44 for the primary actions); a wide screen's search is shaped as a field.
				if (width < 640) for (const control of controls.slice(0, 2)) expect((await control.boundingBox())!.height, path).toBeGreaterThanOrEqual(44);
			}
		});
	}

	test('on a touch screen no keyboard keys are named; with a mouse they are', async ({ browser }) => {
		for (const touch of [true, false]) {
			const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: touch, isMobile: touch, serviceWorkers: 'block' });
			const page = await context.newPage();
			await page.goto(at('/study/sql-databases/'));
			await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();
			const shown = touch ? 'toBeHidden' : 'toBeVisible';
			await expect(page.getByText(/^Keys: /)).toBeAttached();
			await expect(page.getByText(/^Keys: /))[shown]();
			await expect(page.getByRole('button', { name: /^Show answer/ }).locator('kbd'))[shown]();
			await context.close();
		}
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

	// Pages whose first line of code is long (77 characters of SQL, 64 of Python): a button laid over
	// the code's top corner hid its end.
	for (const [device, options] of [
		['a 390 px touch phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }],
		['a 1280 px screen', { viewport: { width: 1280, height: 900 } }],
	] as const) {
		test(`on ${device} Copy code covers no line of the code it copies`, async ({ browser }) => {
			const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
			const page = await context.newPage();
			for (const path of ['/sql-databases/create-index-sql/', '/theory-design-concepts/monolith-vs-microservices/']) {
				await page.goto(at(path));
				await expect(page.getByRole('button', { name: 'Copy code' }).first()).toBeVisible();
				const found = await page.locator('.code-block').evaluateAll((blocks) =>
					blocks.map((block) => {
						const button = block.querySelector('button')!.getBoundingClientRect();
						const pre = block.querySelector('pre')!.getBoundingClientRect();
						// Every piece of text on each line, cut to what the code's box shows (the rest scrolls).
						const range = document.createRange();
						range.selectNodeContents(block.querySelector('pre code')!);
						const text = [...range.getClientRects()]
							.map((r) => ({ left: Math.max(r.left, pre.left), right: Math.min(r.right, pre.right), top: r.top, bottom: r.bottom }))
							.filter((r) => r.right > r.left);
						const covered = text.filter((r) => r.left < button.right && r.right > button.left && r.top < button.bottom && r.bottom > button.top);
						return { pieces: text.length, covered: covered.map((r) => `${Math.round(r.left)},${Math.round(r.top)}`) };
					}),
				);
				expect(found.length, path).toBeGreaterThan(0);
				for (const [i, block] of found.entries()) {
					expect(block.pieces, `${path}: code block ${i + 1} has text`).toBeGreaterThan(0);
					expect(block.covered, `${path}: code block ${i + 1}, text under Copy code at (x,y)`).toEqual([]);
				}
			}
			await context.close();
		});
	}

	test('a printed question shows the question and answer on white, code in the light theme, without navigation', async ({ page }) => {
		await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
		await page.goto(at('/python-fundamentals/difference-list-tuple-python/'));
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		// Sections, the site's links, "On this page", previous/next, and the header and footer are all hidden in print.
		await expect(page.locator('nav')).toHaveCount(4);
		for (const chrome of await page.locator('nav, header, footer, sg-copy-link').all()) await expect(chrome).toBeHidden();
		// Printed from a dark screen, a token still takes its light-theme colour (its sl-RRGGBB class).
		const colours = await page.locator('pre.astro-code').first().evaluate((pre) => {
			const token = [...pre.querySelectorAll('span')].find((span) => /\bsl-[0-9a-f]{6}\b/.test(span.className))!;
			const hex = /\bsl-([0-9a-f]{6})\b/.exec(token.className)![1]!;
			const light = `rgb(${[0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
			return [getComputedStyle(document.body).backgroundColor, getComputedStyle(pre).backgroundColor, getComputedStyle(token).color, light];
		});
		expect(colours.slice(0, 2)).toEqual(['rgb(255, 255, 255)', 'rgb(255, 255, 255)']);
		expect(colours[2]).toBe(colours[3]);
		expect(colours[2]).not.toBe('rgb(0, 0, 0)');
	});
});
