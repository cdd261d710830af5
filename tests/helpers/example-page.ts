// What the browser tests of runnable examples share: one browser context per test worker (so the
// runtimes download once, as a reader's HTTP cache keeps them), and the example's parts.
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { at, BASE } from './site.ts';

export const origin = `http://127.0.0.1:${process.env.PORT ?? 4321}`;

export const test = base.extend<{}, { shared: BrowserContext }>({
	shared: [
		async ({ browser }, use) => {
			const context = await browser.newContext({ baseURL: `${origin}${BASE}`, serviceWorkers: 'block' });
			await use(context);
			await context.close();
		},
		{ scope: 'worker' },
	],
	page: async ({ shared, javaScriptEnabled }, use) => {
		// The no-JS tests get a context of their own.
		if (javaScriptEnabled === false) {
			const context = await shared.browser()!.newContext({ baseURL: `${origin}${BASE}`, javaScriptEnabled: false });
			await use(await context.newPage());
			await context.close();
			return;
		}
		const page = await shared.newPage();
		await use(page);
		await page.close();
	},
});
export { expect };

export const PYTHON = at('/python-fundamentals/handle-exceptions-python/');
export const SQL = at('/sql-databases/difference-inner-join-left-join/');
/** Downloading and starting a runtime takes seconds on this machine. */
export const LOAD = 90_000;

export const example = (page: Page) => page.locator('sg-example').first();
export const status = (page: Page) => example(page).getByRole('status');
export const output = (page: Page) => example(page).locator('.example-output-body');

/** Replaces the example's code through Edit. */
export async function editCode(page: Page, code: string) {
	await example(page).getByRole('button', { name: 'Edit' }).click();
	await replaceCode(page, code);
}

/**
 * Replaces the code in the open editor: emptied by keys first, since Chromium, asked to type over
 * highlighted code at once (fill), writes a style attribute that the page's policy refuses and reports.
 */
export async function replaceCode(page: Page, code: string) {
	const editor = example(page).getByRole('textbox');
	await editor.press('ControlOrMeta+a');
	await editor.press('Delete');
	await editor.fill(code);
}

/** Presses Run and waits for the run's end (finished, ended with an error, or stopped). */
export async function runToEnd(page: Page) {
	await example(page).getByRole('button', { name: 'Run' }).click();
	await expect(status(page)).toHaveText(/^(Finished in|Ended with an error|Stopped|The example stopped)/, { timeout: LOAD });
}

/**
 * Records every state the first example's status line passes through from now on (its text, and the
 * name of a progress bar in it), so a test can check phases too quick to catch as they happen.
 */
export async function watchStatus(page: Page): Promise<() => Promise<string[]>> {
	await page.evaluate(() => {
		const line = document.querySelector('sg-example .example-status')!;
		const seen: string[] = [];
		(window as unknown as { __phases: string[] }).__phases = seen;
		const note = () => {
			const bar = line.querySelector('progress');
			const text = `${line.textContent!.trim()}${bar ? ` [progress: ${bar.getAttribute('aria-label')}]` : ''}`;
			if (text && seen.at(-1) !== text) seen.push(text);
		};
		new MutationObserver(note).observe(line, { childList: true, subtree: true, characterData: true });
	});
	return () => page.evaluate(() => (window as unknown as { __phases: string[] }).__phases);
}

/**
 * Starts adding up the page's layout shifts that no input caused (what Cumulative Layout Shift
 * counts); the function returns the sum once the page has drawn what it has changed.
 */
export async function watchLayoutShift(page: Page): Promise<() => Promise<number>> {
	await page.evaluate(() => {
		type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean };
		const add = (entries: PerformanceEntryList) => {
			for (const entry of entries as Shift[]) if (!entry.hadRecentInput) (window as unknown as { __shift: number }).__shift += entry.value;
		};
		(window as unknown as { __shift: number }).__shift = 0;
		const observer = new PerformanceObserver((list) => add(list.getEntries()));
		observer.observe({ type: 'layout-shift' });
		(window as unknown as { __shiftDrawn: () => Promise<number> }).__shiftDrawn = () =>
			new Promise((resolve) =>
				requestAnimationFrame(() =>
					requestAnimationFrame(() => {
						add(observer.takeRecords());
						resolve((window as unknown as { __shift: number }).__shift);
					}),
				),
			);
	});
	return () => page.evaluate(() => (window as unknown as { __shiftDrawn: () => Promise<number> }).__shiftDrawn());
}

/** A context of its own with the offline worker allowed, and a page at `path` that the worker controls. */
export async function pageWithOfflineWorker(browser: Browser, path: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL: `${origin}${BASE}`, serviceWorkers: 'allow' });
	const page = await context.newPage();
	await page.goto(path);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	return { context, page };
}
