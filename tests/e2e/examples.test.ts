// Runnable examples in the browser: Run loads the runtime in a worker (from the site itself, only
// on the first Run), shows the output, and the page stays responsive whatever the example does.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { at, BASE } from '../helpers/site.ts';

// One browser context for the file's pages, so the runtimes are downloaded and compiled once (as
// for a reader, whose HTTP cache keeps them) and the tests spend their time on what they check.
const test = base.extend<{}, { shared: BrowserContext }>({
	shared: [
		async ({ browser }, use) => {
			const context = await browser.newContext({ baseURL: `http://127.0.0.1:${process.env.PORT ?? 4321}${BASE}`, serviceWorkers: 'block' });
			await use(context);
			await context.close();
		},
		{ scope: 'worker' },
	],
	page: async ({ shared, javaScriptEnabled }, use) => {
		// The no-JS tests get a context of their own.
		if (javaScriptEnabled === false) {
			const context = await shared.browser()!.newContext({ baseURL: `http://127.0.0.1:${process.env.PORT ?? 4321}${BASE}`, javaScriptEnabled: false });
			await use(await context.newPage());
			await context.close();
			return;
		}
		const page = await shared.newPage();
		await use(page);
		await page.close();
	},
});

const PYTHON = at('/python-fundamentals/handle-exceptions-python/');
const SQL = at('/sql-databases/difference-inner-join-left-join/');
// Loading a runtime takes seconds on this machine; a run that should stop by itself gets 10 s more.
const LOAD = 90_000;

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe violations on the page as it is now, in the light and the dark scheme. */
async function violations(page: Page): Promise<string[]> {
	const found: string[] = [];
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const results = await page.evaluate(
			(tags) => (window as unknown as { axe: { run: Function } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
			AXE_TAGS,
		);
		for (const v of results.violations as { id: string; nodes: { target: string[] }[] }[]) found.push(`${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	}
	return found;
}

const example = (page: Page) => page.locator('sg-example').first();
const status = (page: Page) => example(page).getByRole('status');
const output = (page: Page) => example(page).locator('.example-output-body');

/** Replaces the example's code through Edit. */
async function editCode(page: Page, code: string) {
	await example(page).getByRole('button', { name: 'Edit' }).click();
	await example(page).getByRole('textbox').fill(code);
}

test.describe('a Python example', () => {
	test.setTimeout(LOAD + 30_000);

	test('fetches no runtime byte until Run, then shows loading progress and the real output', async ({ page }) => {
		const requests: string[] = [];
		page.on('request', (request) => requests.push(new URL(request.url()).pathname));
		await page.goto(PYTHON);
		await expect(example(page).getByRole('button', { name: 'Run' })).toBeVisible();
		await page.waitForLoadState('networkidle');
		expect(requests.filter((path) => /\/runtimes\/|examples-/.test(path))).toEqual([]);

		// Run the example: the runtime loads, with its name, size and a progress bar.
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(status(page)).toContainText(/Loading Python 3\.14 — \d+\.\d MB/);
		await expect(status(page).getByRole('progressbar', { name: 'Loading Python 3.14' })).toBeVisible();
		await expect(status(page)).toContainText('Finished in', { timeout: LOAD });
		await expect(output(page)).toHaveText('Error occurred: division by zero\nThis cleanup code always runs.\n');
		expect(requests.some((path) => /\/runtimes\/pyodide-[\d.]+\/pyodide\.asm\.wasm$/.test(path))).toBe(true);
	});

	test('can be edited and run again, then reset to the original and its recorded output', { tag: '@root-only' }, async ({ page }) => {
		await page.goto(PYTHON);
		const recorded = await output(page).textContent();
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(status(page)).toContainText('Finished in', { timeout: LOAD });

		// Edit the code and run it: the second run needs no loading.
		await editCode(page, 'print(sum(range(10)))');
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(output(page)).toHaveText('45\n');
		await expect(status(page)).toContainText('Finished in');

		// Reset brings back the original code and its recorded output.
		await example(page).getByRole('button', { name: 'Reset' }).click();
		await expect(example(page).getByRole('textbox')).toHaveCount(0);
		await expect(example(page).locator('pre.astro-code')).toBeVisible();
		await expect(output(page)).toHaveText(recorded!);
	});

	test('shows a syntax error as Python’s traceback', { tag: '@root-only' }, async ({ page }) => {
		await page.goto(PYTHON);
		await editCode(page, 'print("unclosed"');
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(status(page)).toContainText('Ended with an error', { timeout: LOAD });
		await expect(output(page)).toContainText('File "example.py", line 1');
		await expect(output(page)).toContainText("SyntaxError: '(' was never closed");
		await expect(output(page).locator('.example-stderr').first()).toBeVisible();
	});

	test('an endless loop is stopped by Stop, and the page stays responsive', { tag: '@root-only' }, async ({ page }) => {
		await page.goto(PYTHON);
		await editCode(page, 'while True:\n    pass');
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(status(page)).toHaveText('Running…', { timeout: LOAD });
		// The page still answers while the worker spins.
		expect(await page.evaluate(() => 6 * 7)).toBe(42);
		await example(page).getByRole('button', { name: 'Stop' }).click();
		await expect(status(page)).toHaveText('Stopped.');
		await expect(example(page).getByRole('button', { name: 'Stop' })).toBeHidden();

		// The next Run starts a fresh runtime.
		await example(page).getByRole('textbox').fill('print("again")');
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(output(page)).toHaveText('again\n', { timeout: LOAD });
	});

	test('a run over the time limit is stopped with a message', { tag: '@root-only' }, async ({ page }) => {
		await page.goto(PYTHON);
		await editCode(page, 'print("looping")\nwhile True:\n    pass');
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(output(page)).toHaveText('looping\n', { timeout: LOAD });
		await expect(status(page)).toHaveText(/Stopped after 10 s/, { timeout: 15_000 });
	});

	test('keyboard alone can run an example and stop it', { tag: '@root-only' }, async ({ page }) => {
		await page.goto(PYTHON);
		await editCode(page, 'print("start")\nwhile True:\n    pass');
		// From the code area, Tab reaches Run; Enter presses it.
		await page.keyboard.press('Tab');
		await expect(example(page).getByRole('button', { name: 'Run' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(output(page)).toHaveText('start\n', { timeout: LOAD });
		// Run is disabled while running; Tab moves on to Reset and then Stop.
		await example(page).getByRole('button', { name: 'Reset' }).focus();
		await page.keyboard.press('Tab');
		await expect(example(page).getByRole('button', { name: 'Stop' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(status(page)).toHaveText('Stopped.');
		// Focus is not lost with the Stop button: it moves to Run.
		await expect(example(page).getByRole('button', { name: 'Run' })).toBeFocused();
	});

	test('has no accessibility violation with its output open, light and dark', { tag: '@root-only' }, async ({ page }) => {
		// axe-core goes into the document as it is created (the page's CSP allows no injected script later).
		await page.addInitScript(axeSource);
		await page.goto(PYTHON);
		await editCode(page, 'print("out")\nraise ValueError("shown as a traceback")');
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(status(page)).toContainText('Ended with an error', { timeout: LOAD });
		expect(await violations(page)).toEqual([]);
	});
});

test.describe('an SQL example', () => {
	test.setTimeout(LOAD + 30_000);

	test('runs in a fresh PostgreSQL and shows each result set as a table', async ({ page }) => {
		await page.goto(SQL);
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(status(page)).toContainText(/Loading PostgreSQL 18 — \d+\.\d MB/);
		await expect(status(page)).toContainText('Finished in', { timeout: LOAD });
		const tables = output(page).getByRole('table');
		await expect(tables).toHaveCount(4);
		await expect(tables.nth(1).getByRole('columnheader')).toHaveText(['name', 'order_id']);
		await expect(tables.nth(1).getByRole('row').last()).toHaveText('LinusNULL');
		await expect(output(page).getByRole('group', { name: 'Result 3, 1 row' })).toBeVisible();
		await expect(output(page).getByRole('group', { name: 'Result 4, 5 rows' })).toBeVisible();

		// An edit that changes the data runs against a fresh copy: the next run starts clean again.
		await editCode(page, "INSERT INTO orders VALUES (200, 3, 1.00, '2025-01-01', 'paid');\nSELECT count(*) AS n FROM orders;");
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(output(page).getByRole('cell')).toHaveText(['8']);
		await example(page).getByRole('textbox').fill('SELECT count(*) AS n FROM orders;');
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(output(page).getByRole('cell')).toHaveText(['7']);
	});

	test('has no accessibility violation with its tables open, light and dark', { tag: '@root-only' }, async ({ page }) => {
		await page.addInitScript(axeSource);
		await page.goto(SQL);
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(status(page)).toContainText('Finished in', { timeout: LOAD });
		expect(await violations(page)).toEqual([]);
	});
});

test.describe('the runtimes’ workers', () => {
	test.setTimeout(LOAD + 30_000);

	// Workers take their policy from their own response, not the page's <meta>: this serves them
	// with the strictest policy they work under, so a change that needed more would fail here.
	const WORKER_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'";
	for (const [name, path] of [
		['Python', PYTHON],
		['SQL', SQL],
	] as const) {
		test(`run ${name} under "${WORKER_POLICY}" (no 'unsafe-eval')`, async ({ page }) => {
			const violations: string[] = [];
			page.on('console', (message) => message.text().includes('Content Security Policy') && violations.push(message.text()));
			await page.route(/\/_astro\/examples-(?:python|sql)-worker\./, async (route) => {
				const response = await route.fetch();
				await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': WORKER_POLICY } });
			});
			await page.goto(path);
			await example(page).getByRole('button', { name: 'Run' }).click();
			await expect(status(page)).toContainText('Finished in', { timeout: LOAD });
			expect(violations).toEqual([]);
		});
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('each runnable example shows its recorded output, and no controls', async ({ page }) => {
		await page.goto(PYTHON);
		await expect(example(page).locator('.example-output-label')).toHaveText('Output');
		await expect(output(page)).toHaveText('Error occurred: division by zero\nThis cleanup code always runs.\n');
		await expect(page.getByRole('button', { name: 'Run' })).toHaveCount(0);
		await page.goto(SQL);
		await expect(output(page).getByRole('table')).toHaveCount(4);
	});

	test('an example that cannot run in a browser says why in one line', async ({ page }) => {
		await page.goto(at('/fastapi-flask/create-basic-fastapi-endpoint/'));
		await expect(page.locator('.example-not-runnable')).toHaveText(/needs FastAPI, which is not in Python’s standard library/);
	});
});

test.describe('offline', () => {
	test.setTimeout(LOAD * 2);

	test('a runtime used once online runs offline on a page read before (the offline worker keeps both as read)', async ({ browser }) => {
		const context = await browser.newContext({ baseURL: `http://127.0.0.1:${process.env.PORT ?? 4321}${BASE}`, serviceWorkers: 'allow' });
		try {
			const page = await context.newPage();
			await page.goto(PYTHON);
			await page.evaluate(async () => {
				while (!navigator.serviceWorker.controller) await new Promise((resolve) => setTimeout(resolve, 50));
			});
			// Run once online: the worker caches the runtime's files as they are fetched.
			await example(page).getByRole('button', { name: 'Run' }).click();
			await expect(status(page)).toContainText('Finished in', { timeout: LOAD });
			const kept = await page.evaluate(async () => (await (await caches.open('sg-runtimes')).keys()).map((request) => new URL(request.url).pathname));
			expect(kept.some((path) => /\/runtimes\/pyodide-[\d.]+\/pyodide\.asm\.wasm$/.test(path))).toBe(true);

			// Another page read online is kept as read; offline, opened afresh, it runs Python again.
			await page.goto(at('/intermediate-python/difference-deepcopy-copy/'));
			await context.setOffline(true);
			const offline = await context.newPage();
			await offline.goto(at('/intermediate-python/difference-deepcopy-copy/'));
			await example(offline).getByRole('button', { name: 'Run' }).click();
			await expect(status(offline)).toContainText('Finished in', { timeout: LOAD });
			await expect(output(offline)).toHaveText('99\n1\n');
		} finally {
			await context.close();
		}
	});
});
