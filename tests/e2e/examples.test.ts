// Runnable examples in the browser: Run loads the runtime (from the site itself, only on the first
// Run) into a sandboxed runner, shows the output, and the page stays responsive whatever the example
// does. What reader code cannot do there is examples-sandbox.test.ts.
import type { Locator, Page } from '@playwright/test';
import { axeSource, axeViolations as violations, watch } from '../helpers/browser.ts';
import { editCode, example, expect, LOAD, output, pageWithOfflineWorker, PYTHON, replaceCode, runToEnd, SQL, status, test, watchLayoutShift, watchStatus } from '../helpers/example-page.ts';
import { at, BASE } from '../helpers/site.ts';
import { TIME_LIMIT_MS } from '../../src/examples/rules.ts';

test.describe('input() in a Python example', () => {
	test.setTimeout(LOAD + 30_000);

	test('asks under the output: Enter sends the line, Escape ends the input, and the time limit waits for the reader', async ({ browser, baseURL }) => {
		// A context of its own: its clock is made to jump past the time limit while the run waits.
		const context = await browser.newContext({ baseURL: baseURL!, serviceWorkers: 'block' });
		try {
			await context.clock.install();
			const page = await context.newPage();
			await page.goto(PYTHON);
			await editCode(page, 'name = input("Name? ")\nprint(f"Hello, {name}!")\ninput("More? ")');
			await example(page).getByRole('button', { name: 'Run' }).click();
			const name = example(page).getByRole('textbox', { name: 'Input for the example: Name?' });
			await expect(name).toBeFocused({ timeout: LOAD });
			await expect(status(page)).toHaveText('Waiting for your input…');
			await expect(output(page)).toHaveText('Name? ');
			// Longer than the limit goes by while the reader thinks: the run is not stopped.
			await context.clock.fastForward(TIME_LIMIT_MS + 5_000);
			await expect(status(page)).toHaveText('Waiting for your input…');
			await name.fill('Ada Lovelace');
			await name.press('Enter');
			const more = example(page).getByRole('textbox', { name: 'Input for the example: More?' });
			await expect(more).toBeFocused();
			await expect(output(page)).toHaveText('Name? Ada Lovelace\nHello, Ada Lovelace!\nMore? ');
			await more.press('Escape');
			await expect(status(page)).toHaveText(/^Ended with an error/);
			await expect(output(page)).toContainText('More? Traceback (most recent call last):\n  File "example.py", line 3, in <module>');
			await expect(output(page)).toContainText('EOFError: EOF when reading a line');
			await expect(example(page).locator('form')).toHaveCount(0);
		} finally {
			await context.close();
		}
	});
});

test.describe('a Python example', () => {
	test.setTimeout(LOAD + 30_000);

	test('fetches no runtime byte until Run, then shows loading progress and the real output', { tag: '@base' }, async ({ page }) => {
		const requests: string[] = [];
		page.on('request', (request) => requests.push(new URL(request.url()).pathname));
		await page.goto(PYTHON);
		await expect(example(page).getByRole('button', { name: 'Run' })).toBeVisible();
		await page.waitForLoadState('networkidle');
		expect(requests.filter((path) => /\/runtimes\/|examples-/.test(path))).toEqual([]);

		// Run the example: the runtime downloads (name, bytes, a progress bar), then starts (no count to show).
		const phases = await watchStatus(page);
		// The output in view, where a shift counts (Cumulative Layout Shift weighs what is on screen).
		await example(page).evaluate((element) => element.scrollIntoView({ block: 'center' }));
		const shift = await watchLayoutShift(page);
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(status(page)).toContainText('Finished in', { timeout: LOAD });
		await expect(output(page)).toHaveText('Error occurred: division by zero\nThis cleanup code always runs.\n');
		// Nothing moved while it loaded, started and ran: the status has its line, the output its height.
		expect(await shift()).toBeLessThan(0.01);
		const seen = await phases();
		expect(seen.some((phase) => /^Downloading Python 3\.14 — \d+\.\d of \d+\.\d MB \[progress: Downloading Python 3\.14\]$/.test(phase))).toBe(true);
		expect(seen).toContain('Starting Python 3.14… [progress: Starting Python 3.14]');
		expect(seen.at(-1)).toMatch(/^Finished in/);
		expect(requests.some((path) => /\/runtimes\/pyodide-[\d.]+\/pyodide\.asm\.wasm$/.test(path))).toBe(true);
	});

	test('starts loading on intent: a pointer over Run downloads Python and starts it, so the Run that follows shows no download', async ({ page }) => {
		const requests: string[] = [];
		page.on('request', (request) => requests.push(new URL(request.url()).pathname));
		await page.goto(PYTHON);
		await expect(example(page).getByRole('button', { name: 'Run' })).toBeVisible();
		await page.waitForLoadState('networkidle');
		expect(requests.filter((path) => /\/runtimes\//.test(path))).toEqual([]);
		await example(page).getByRole('button', { name: 'Run' }).hover();
		// The runner, started in its sandbox frame and ready before any click.
		await expect(page.locator('iframe[title="Python 3.14 runner"][data-ready]')).toBeAttached({ timeout: LOAD });
		expect(requests.some((path) => /\/runtimes\/pyodide-[\d.]+\/pyodide\.asm\.wasm$/.test(path))).toBe(true);
		const phases = await watchStatus(page);
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(status(page)).toContainText('Finished in', { timeout: LOAD });
		await expect(output(page)).toHaveText('Error occurred: division by zero\nThis cleanup code always runs.\n');
		expect((await phases()).filter((phase) => /^(Downloading|Starting)/.test(phase))).toEqual([]);
		// One runner for that Run: the intent's, not a second one started beside it.
		await expect(page.locator('iframe[title="Python 3.14 runner"]')).toHaveCount(1);
	});

	test('a finger that starts a scroll on Run fetches nothing', async ({ browser, baseURL }) => {
		const context = await browser.newContext({ baseURL: baseURL!, hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
		try {
			const page = await context.newPage();
			const requests: string[] = [];
			page.on('request', (request) => requests.push(new URL(request.url()).pathname));
			await page.goto(PYTHON);
			const run = example(page).getByRole('button', { name: 'Run' });
			await run.scrollIntoViewIfNeeded();
			// A touch that lands on Run and moves away (a scroll): pointer events of type "touch".
			await run.dispatchEvent('pointerenter', { pointerType: 'touch' });
			await run.dispatchEvent('pointerdown', { pointerType: 'touch' });
			await run.dispatchEvent('pointercancel', { pointerType: 'touch' });
			await page.waitForLoadState('networkidle');
			expect(requests.filter((path) => /\/runtimes\/|examples-controls/.test(path))).toEqual([]);
		} finally {
			await context.close();
		}
	});

	test('can be edited and run again, then reset to the original and its recorded output', async ({ page }) => {
		await page.goto(PYTHON);
		const recorded = await output(page).textContent();
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(status(page)).toContainText('Finished in', { timeout: LOAD });

		// Edit the code and run it: the runtime is not downloaded again, and the next runner, started
		// while the reader read the output, is ready.
		await editCode(page, 'print(sum(range(10)))');
		await expect(page.locator('iframe[title="Python 3.14 runner"][data-ready]')).toBeAttached({ timeout: LOAD });
		const phases = await watchStatus(page);
		await runToEnd(page);
		await expect(output(page)).toHaveText('45\n');
		await expect(status(page)).toContainText('Finished in');
		expect((await phases()).filter((phase) => /^(Downloading|Starting)/.test(phase))).toEqual([]);

		// Reset brings back the original code and its recorded output.
		await example(page).getByRole('button', { name: 'Reset' }).click();
		await expect(example(page).getByRole('textbox')).toHaveCount(0);
		await expect(example(page).locator('pre.astro-code')).toBeVisible();
		await expect(output(page)).toHaveText(recorded!);
	});

	test('shows an error as Python’s traceback, apart from the output, with no accessibility violation (light and dark)', async ({ page }) => {
		// How a syntax error reads, and that the runner's own frame is left out: tests/unit/examples-run.test.ts.
		// axe-core goes into the document as it is created (the page's CSP allows no injected script later).
		await page.addInitScript(axeSource);
		await page.goto(PYTHON);
		await editCode(page, 'print("out")\nraise ValueError("shown as a traceback")');
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(status(page)).toContainText('Ended with an error', { timeout: LOAD });
		// The line that failed, as Python shows a file's.
		await expect(output(page)).toHaveText('out\nTraceback (most recent call last):\n  File "example.py", line 2, in <module>\n    raise ValueError("shown as a traceback")\nValueError: shown as a traceback\n');
		await expect(output(page).locator('.example-stderr')).toContainText('ValueError: shown as a traceback');
		await expect(output(page).locator('.example-stderr')).not.toContainText('out');
		expect(await violations(page)).toEqual([]);
	});

	test('a run over the time limit is stopped with a message', async ({ page }) => {
		await page.goto(PYTHON);
		await editCode(page, 'print("looping")\nwhile True:\n    pass');
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(output(page)).toHaveText('looping\n', { timeout: LOAD });
		await expect(status(page)).toHaveText(/Stopped after 10 s/, { timeout: 15_000 });
	});

	test('an endless loop is run and stopped by keyboard alone, the page stays responsive, and the next Run starts afresh', async ({ page }) => {
		await page.goto(PYTHON);
		await editCode(page, 'print("start")\nwhile True:\n    pass');
		// From the code area, Escape leaves for Run (Tab indents there); Enter presses it.
		await page.keyboard.press('Escape');
		await expect(example(page).getByRole('button', { name: 'Run' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(output(page)).toHaveText('start\n', { timeout: LOAD });
		await expect(status(page)).toHaveText('Running…');
		// The page still answers while the runner spins.
		expect(await page.evaluate(() => 6 * 7)).toBe(42);
		// Run is disabled while running; Tab moves on to Reset and then Stop.
		await example(page).getByRole('button', { name: 'Reset' }).focus();
		await page.keyboard.press('Tab');
		await expect(example(page).getByRole('button', { name: 'Stop' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(status(page)).toHaveText('Stopped.');
		await expect(example(page).getByRole('button', { name: 'Stop' })).toBeHidden();
		// Focus is not lost with the Stop button: it moves to Run.
		await expect(example(page).getByRole('button', { name: 'Run' })).toBeFocused();

		// The next Run starts a fresh runtime.
		await replaceCode(page, 'print("again")');
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(output(page)).toHaveText('again\n', { timeout: LOAD });
	});
});

test.describe('the code editor', () => {
	test.setTimeout(LOAD + 30_000);

	/** The editor's code (CodeMirror's content, a textbox with the example's name). */
	const editor = (page: Page) => example(page).getByRole('textbox', { name: 'Code of the example (Python), editable' });
	/**
	 * Presses Edit as a click that does not move the focus there: focus on Edit is intent to run, which
	 * downloads and starts Python in the background, a cold start these tests that run nothing would pay.
	 */
	const pressEdit = (page: Page) => example(page).getByRole('button', { name: 'Edit' }).dispatchEvent('click');
	/** A token of the code, by its text: the innermost span that holds it (the block's spans may start with its indent). */
	const token = (scope: Locator, text: string) => scope.locator('span:not(:has(span))').filter({ hasText: new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();

	test('is fetched only on Edit, from the site under its base path, and works under the page’s policy', { tag: '@base' }, async ({ page }) => {
		const requests: string[] = [];
		page.on('request', (request) => requests.push(new URL(request.url()).pathname));
		const problems = watch(page);
		await page.goto(PYTHON);
		await expect(example(page).getByRole('button', { name: 'Edit' })).toBeVisible();
		await page.waitForLoadState('networkidle');
		expect(requests.filter((path) => /examples-editor|codemirror/i.test(path))).toEqual([]);

		// Edit: the editor's one bundle comes, from the site's own folder.
		await example(page).getByRole('button', { name: 'Edit' }).click();
		await expect(editor(page)).toBeFocused();
		expect(requests.filter((path) => /examples-editor|codemirror/i.test(path))).toEqual([expect.stringMatching(new RegExp(`^${BASE}_astro/examples-editor\\.[\\w-]+\\.js$`))]);
		// Typing, highlighting and a new line break no rule of the policy (its styles are a constructed sheet).
		await page.keyboard.type('print(1)\n');
		await expect(example(page).locator('.cm-line').first()).toHaveText('print(1)');
		expect(problems).toEqual([]);
	});

	test('takes the code block’s place at its size, with line numbers, so nothing below it moves', async ({ page }) => {
		await page.goto(PYTHON);
		const place = (locator: Locator) => locator.evaluate((element) => JSON.stringify(element.getBoundingClientRect()));
		const block = await place(example(page).locator('pre.astro-code'));
		const below = await place(example(page).locator('.example-output'));
		await pressEdit(page);
		await expect(editor(page)).toBeVisible();
		expect(await place(example(page).locator('.cm-editor'))).toBe(block);
		expect(await place(example(page).locator('.example-output'))).toBe(below);
		await expect(example(page).locator('.cm-lineNumbers .cm-gutterElement').filter({ visible: true })).toHaveText(['1', '2', '3', '4', '5', '6', '7', '8']);
	});

	test('colours the code as the code block does, in the light and the dark theme', async ({ page }) => {
		await page.goto(PYTHON);
		const tokens = ['try', '10', 'ZeroDivisionError', 'print', '"This cleanup code always runs."'];
		const colours = (scope: Locator) => Promise.all(tokens.map((text) => token(scope, text).evaluate((span) => getComputedStyle(span).color)));
		const block: Record<string, string[]> = {};
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			block[colorScheme] = await colours(example(page).locator('pre.astro-code'));
		}
		expect(block['light']).not.toEqual(block['dark']);
		await pressEdit(page);
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			expect(await colours(editor(page)), colorScheme).toEqual(block[colorScheme]);
		}
	});

	test('colours code that no block of the page has, with the rules its bundle brings', async ({ page }) => {
		await page.goto(PYTHON);
		// A page's stylesheet has the rules of its own blocks' classes only, and no block here names a function.
		await expect(page.locator('pre.astro-code .sl-8250df')).toHaveCount(0);
		await pressEdit(page);
		await expect(editor(page)).toBeFocused();
		await page.keyboard.type('def area(r):\n');
		for (const [colorScheme, colour] of [
			['light', 'rgb(130, 80, 223)'],
			['dark', 'rgb(210, 168, 255)'],
		] as const) {
			await page.emulateMedia({ colorScheme });
			await expect(token(editor(page), 'area'), colorScheme).toHaveCSS('color', colour);
		}
	});

	test('Tab indents and Shift+Tab dedents the line, and the focus stays', async ({ page }) => {
		await page.goto(PYTHON);
		await pressEdit(page);
		await expect(editor(page)).toBeFocused();
		const firstLine = () => example(page).locator('.cm-line').first().textContent();
		await page.keyboard.press('Tab');
		await expect.poll(firstLine).toBe('    try:');
		await expect(editor(page)).toBeFocused();
		await page.keyboard.press('Shift+Tab');
		await expect.poll(firstLine).toBe('try:');
		await expect(editor(page)).toBeFocused();
	});

	test('Escape leaves the editor for Run, and says so', async ({ page }) => {
		await page.goto(PYTHON);
		await pressEdit(page);
		await expect(editor(page)).toBeFocused();
		// Its keys are said as it opens.
		await expect(status(page)).toHaveText('Tab indents, Ctrl+Enter runs, Esc leaves.');
		await page.keyboard.press('Escape');
		await expect(example(page).getByRole('button', { name: 'Run' })).toBeFocused();
		await expect(example(page).locator('p[aria-live="polite"]')).toHaveText('Left the editor.');
	});

	test('Ctrl+Enter runs; a traceback marks the line it ends at until the code changes', async ({ page }) => {
		await page.goto(PYTHON);
		await editCode(page, 'def divide(a, b):\n    return a / b\n\nprint(divide(1, 0))');
		await page.keyboard.press('Control+Enter');
		await expect(status(page)).toHaveText(/^Ended with an error after [\d.]+ s\. Line 2 is marked in the code\.$/, { timeout: LOAD });
		const marked = example(page).locator('.cm-line.example-failed-line');
		await expect(marked).toHaveText('return a / b');
		await expect(example(page).locator('.example-failed-gutter')).toHaveText('2');
		// The focus stayed in the editor: the next key is an edit, and the mark goes.
		await expect(editor(page)).toBeFocused();
		await page.keyboard.type('#');
		await expect(marked).toHaveCount(0);
		await expect(example(page).locator('.example-failed-gutter')).toHaveCount(0);
	});

	test('“Copy code” copies the code as edited while the editor is open', async ({ page }) => {
		await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(PYTHON);
		await pressEdit(page);
		await replaceCode(page, 'print("mine")');
		await example(page).getByRole('button', { name: 'Copy code' }).click();
		await expect(example(page).getByRole('button', { name: 'Copied' })).toBeVisible();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('print("mine")');
	});

	test('has no accessibility violation with the editor open (light and dark)', async ({ page }) => {
		await page.addInitScript(axeSource);
		await page.goto(PYTHON);
		await pressEdit(page);
		await expect(editor(page)).toBeFocused();
		expect(await violations(page)).toEqual([]);
	});

	test('that cannot be loaded gives way to a plain text box with the code, and says why', { tag: '@base' }, async ({ page }) => {
		await page.route(/\/_astro\/examples-editor\./, (route) => route.fulfill({ status: 404, body: 'Not found' }));
		await page.goto(PYTHON);
		const written = await example(page).locator('pre.astro-code').textContent();
		await pressEdit(page);
		await expect(editor(page)).toBeFocused();
		await expect(editor(page)).toHaveValue(written!);
		await expect(status(page)).toHaveText('The code editor could not be loaded, so this is a plain text box.');
		// It has the editor's keys: Escape leaves for Run, and what was typed stays.
		await editor(page).fill('print("typed")');
		await page.keyboard.press('Escape');
		await expect(example(page).getByRole('button', { name: 'Run' })).toBeFocused();
		await expect(editor(page)).toHaveValue('print("typed")');
		// The next Edit, once the bundle can be had again, tries it again.
		await page.unroute(/\/_astro\/examples-editor\./);
		await example(page).getByRole('button', { name: 'Reset' }).click();
		await pressEdit(page);
		await expect(example(page).locator('.cm-editor')).toBeVisible();
		await expect(example(page).locator('textarea')).toHaveCount(0);
	});
});

test.describe('an SQL example', () => {
	test.setTimeout(LOAD + 30_000);

	test('runs in a fresh PostgreSQL and shows each result set as a table, with no accessibility violation (light and dark)', { tag: '@base' }, async ({ page }) => {
		await page.addInitScript(axeSource);
		await page.goto(SQL);
		// The phases, recorded as they pass: from the HTTP cache the download can be over within a frame.
		const phases = await watchStatus(page);
		// The output in view, where a shift counts (Cumulative Layout Shift weighs what is on screen).
		await example(page).evaluate((element) => element.scrollIntoView({ block: 'center' }));
		const shift = await watchLayoutShift(page);
		await example(page).getByRole('button', { name: 'Run' }).click();
		await expect(status(page)).toContainText('Finished in', { timeout: LOAD });
		await expect(output(page).getByRole('table')).toHaveCount(4);
		expect(await shift()).toBeLessThan(0.01);
		const seen = await phases();
		expect(seen.some((phase) => /^Downloading PostgreSQL 18 — \d+\.\d of \d+\.\d MB \[progress: Downloading PostgreSQL 18\]$/.test(phase))).toBe(true);
		expect(seen).toContain('Starting PostgreSQL 18… [progress: Starting PostgreSQL 18]');
		const tables = output(page).getByRole('table');
		await expect(tables).toHaveCount(4);
		await expect(tables.nth(1).getByRole('columnheader')).toHaveText(['name', 'order_id']);
		await expect(tables.nth(1).getByRole('row').last()).toHaveText('LinusNULL');
		await expect(output(page).getByRole('group', { name: 'Result 3, 1 row' })).toBeVisible();
		await expect(output(page).getByRole('group', { name: 'Result 4, 5 rows' })).toBeVisible();
		expect(await violations(page)).toEqual([]);
	});

	test('an edit that changes the data runs against a fresh copy, and the next run starts clean', async ({ page }) => {
		await page.goto(SQL);
		await editCode(page, "INSERT INTO orders VALUES (200, 3, 1.00, '2025-01-01', 'paid');\nSELECT count(*) AS n FROM orders;");
		await runToEnd(page);
		await expect(output(page).getByRole('cell')).toHaveText(['8']);
		// The next run starts clean again.
		await replaceCode(page, 'SELECT count(*) AS n FROM orders;');
		await runToEnd(page);
		await expect(output(page).getByRole('cell')).toHaveText(['7']);
	});
});

test.describe('an SQL example being edited', () => {
	test.setTimeout(LOAD + 30_000);

	test('an error PostgreSQL gives a place for marks its line', async ({ page }) => {
		await page.goto(SQL);
		await editCode(page, 'SELECT 1 AS one;\nSELECT * FORM customers;');
		await runToEnd(page);
		await expect(output(page).locator('.example-stderr')).toHaveText('ERROR: syntax error at or near "FORM"\nLINE 2: SELECT * FORM customers;\n                 ^');
		await expect(status(page)).toContainText('Line 2 is marked in the code.');
		await expect(example(page).locator('.cm-line.example-failed-line')).toHaveText('SELECT * FORM customers;');
	});
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

	test('a runtime used once online runs offline on a page read before (the offline worker keeps both as read)', { tag: '@base' }, async ({ browser }) => {
		const { context, page } = await pageWithOfflineWorker(browser, PYTHON);
		try {
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
