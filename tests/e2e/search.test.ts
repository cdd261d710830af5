import { expect, test, type Page } from '@playwright/test';
import { at } from '../helpers/site.ts';
import { axeSource, axeViolations, searchDialog as dialog, searchInput as input, searchResults as results } from '../helpers/browser.ts';

const searchButton = (page: Page) => page.getByRole('button', { name: 'Search' });

test.describe('opening and closing', () => {
	test('a click on the header control opens the dialog with the field focused', async ({ page }) => {
		await page.goto(at('/sql-databases/'));
		// Click the search control.
		await searchButton(page).click();
		await expect(dialog(page)).toBeVisible();
		await expect(input(page)).toBeFocused();
	});

	test('"/" opens it, and Esc closes it and gives focus back where it was', async ({ page }) => {
		await page.goto(at('/sql-databases/'));
		const link = page.getByRole('link', { name: /^52\. / });
		await link.focus();
		// Press "/".
		await page.keyboard.press('/');
		await expect(input(page)).toBeFocused();
		// Press Esc.
		await page.keyboard.press('Escape');
		await expect(dialog(page)).toBeHidden();
		await expect(link).toBeFocused();
	});

	test('Ctrl+K opens it, also from inside a text field', async ({ page }) => {
		await page.goto(at('/python-fundamentals/global-interpreter-lock-gil/'));
		await page.getByRole('textbox', { name: 'Link to this question' }).focus();
		// Press Ctrl+K.
		await page.keyboard.press('Control+k');
		await expect(input(page)).toBeFocused();
	});

	test('loads no search code or index until it is opened', { tag: '@base' }, async ({ page }) => {
		const requests: string[] = [];
		page.on('request', (request) => requests.push(new URL(request.url()).pathname));
		await page.goto(at('/python-fundamentals/global-interpreter-lock-gil/'));
		await page.waitForLoadState('networkidle');
		expect(requests.filter((path) => path.includes('pagefind') || path.includes('search-dialog'))).toEqual([]);
		// Open the search and type.
		await searchButton(page).click();
		await input(page).fill('gil');
		await expect(results(page).first()).toBeVisible();
		expect(requests.some((path) => path.endsWith('/pagefind/pagefind.js'))).toBe(true);
	});
});

test.describe('results', () => {
	test('show the number, question, section and an excerpt with the words marked', { tag: '@base' }, async ({ page }) => {
		await page.goto(at('/'));
		await searchButton(page).click();
		// Type a query.
		await input(page).fill('deadlock');
		const first = results(page).first();
		await expect(first).toContainText('58. How do you handle deadlocks in SQL?');
		await expect(first).toContainText('SQL & Databases');
		await expect(first.locator('mark').first()).toHaveText(/deadlock/i);
		await expect(dialog(page).getByRole('status')).toHaveText('1 question matches “deadlock”.');
	});

	test("leave out the editor's notes: no excerpt comes from a note", async ({ page }) => {
		// The word is there, in question 15's editor's note...
		await page.goto(at('/intermediate-python/achieve-method-overloading-python/'));
		await expect(page.getByRole('complementary', { name: /Editor’s note/ })).toContainText('singledispatch');
		// ...but the search index holds only the guide's own text: no excerpt is the note's. The
		// field's vocabulary knows the word, and says why question 15 came up.
		await searchButton(page).click();
		await input(page).fill('singledispatch');
		await expect(dialog(page).getByRole('status')).toHaveText(/match/);
		await expect(results(page).first()).toContainText(/matched: (functools\.)?singledispatch → /);
		for (const result of await results(page).all()) await expect(result.locator('.result-excerpt')).not.toContainText(/singledispatch/i);
	});

	test('are reached and opened with the keyboard alone', async ({ page }) => {
		await page.goto(at('/'));
		// Press "/", type, move down to the first result, press Enter.
		await page.keyboard.press('/');
		await page.keyboard.type('circuit breaker');
		// Each key searched: the list of the last one, settled, before moving into it.
		await expect(dialog(page).getByRole('status')).toContainText('“circuit breaker”');
		await expect(dialog(page).getByRole('list', { name: 'Results' })).not.toHaveAttribute('aria-busy');
		await expect(results(page).first()).toContainText('48. Explain circuit breaker patterns.');
		await page.keyboard.press('ArrowDown');
		await expect(results(page).first().getByRole('link').first()).toBeFocused();
		await page.keyboard.press('ArrowUp');
		await expect(input(page)).toBeFocused();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/restful-api-microservices\/circuit-breaker-patterns\/\?highlight=/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('48. Explain circuit breaker patterns.');
	});

	test('point into the part of an answer that matches best', async ({ page }) => {
		await page.goto(at('/'));
		await searchButton(page).click();
		// Search a word only question 1's example has.
		await input(page).fill('AttributeError');
		const part = results(page).first().getByRole('link', { name: 'Go to “Example” in question 1' });
		await part.click();
		await expect(page).toHaveURL(/\/python-fundamentals\/difference-list-tuple-python\/\?highlight=attributeerror#example$/i);
		await expect(page.locator('li#example')).toBeInViewport();
	});

	test('of nonsense are none: the dialog says what to try (a close word, topics, sections), and each works', async ({ page }) => {
		await page.context().addInitScript(axeSource);
		await page.goto(at('/'));
		await searchButton(page).click();
		await input(page).fill('xyzzy');
		await expect(dialog(page).getByRole('status')).toHaveText('No question matches “xyzzy”.');
		await expect(results(page)).toHaveCount(0);
		await expect(dialog(page).getByRole('link', { name: 'Docker & Kubernetes' })).toHaveAttribute('href', /\/docker-kubernetes\/$/);
		expect(await axeViolations(page)).toEqual([]);
		// A word two edits from one the answers use: offered, not taken for it.
		await input(page).fill('dokcre');
		await expect(dialog(page).getByRole('status')).toHaveText('No question matches “dokcre”.');
		await dialog(page).getByRole('button', { name: 'docker', exact: true }).click();
		await expect(input(page)).toHaveValue('docker');
		await expect(dialog(page).getByRole('status')).toHaveText(/questions match “docker”/);
		// A topic runs as a search.
		await input(page).fill('xyzzy');
		await dialog(page).getByRole('button', { name: 'asyncio' }).click();
		await expect(input(page)).toHaveValue('asyncio');
		await expect(results(page).first()).toBeVisible();
	});

	test('leave out a word no answer has, and say so', async ({ page }) => {
		await page.goto(at('/'));
		await searchButton(page).click();
		await input(page).fill('having zorblax');
		await expect(results(page).first()).toContainText('57. Difference between WHERE and HAVING clauses?');
		await expect(dialog(page).getByRole('status')).toContainText('“zorblax” is in no answer, so it was left out.');
	});
});

test.describe('filtering by section', () => {
	test('narrows the results to the chosen sections and counts each section', async ({ page }) => {
		await page.goto(at('/'));
		await searchButton(page).click();
		await input(page).fill('docker');
		await expect(results(page).first()).toBeVisible();
		const unfiltered = await results(page).count();
		// Open the filters and pick one section.
		await dialog(page).getByText('Filter by section').click();
		const realWorld = dialog(page).getByRole('checkbox', { name: /Real-World Scenario Questions/ });
		await expect(dialog(page).locator('label').filter({ hasText: 'Real-World Scenario Questions' })).toHaveText(
			/^\s*Real-World Scenario Questions\s*1\s*$/,
		);
		await realWorld.check();
		await expect(results(page)).toHaveCount(1);
		await expect(results(page).first()).toContainText('76. Your Docker image is 1.5GB. How to reduce it?');
		expect(unfiltered).toBeGreaterThan(1);
		// Add a second section: results from either.
		await dialog(page).getByRole('checkbox', { name: /Docker & Kubernetes/ }).check();
		await expect(results(page)).not.toHaveCount(1);
		for (const item of await results(page).all()) {
			await expect(item).toContainText(/Real-World Scenario Questions|Docker & Kubernetes/);
		}
	});

	test('keeps the filters open when the reader opens them while the sections still load', async ({ page }) => {
		// Hold the list of sections back until the reader has typed and opened the filters.
		const { promise: opened, resolve: release } = Promise.withResolvers<void>();
		await page.route('**/search-sections.json', async (route) => {
			await opened;
			await route.continue();
		});
		await page.goto(at('/'));
		await searchButton(page).click();
		// Typed once the dialog's code has loaded (it adds the filters): keys typed before it are searched
		// by show(), which waits for the held list, so the address would only change after release.
		await expect(dialog(page).getByText('Filter by section')).toBeAttached();
		await input(page).fill('index');
		await expect(page).toHaveURL(at('/?q=index'));
		await dialog(page).getByText('Filter by section').click();
		release();
		await dialog(page).getByRole('checkbox', { name: /SQL & Databases/ }).check({ timeout: 5000 });
		await expect(page).toHaveURL(at('/?q=index&section=sql-databases'));
	});
});

test.describe('the search in the URL', () => {
	test('is written as the reader types and filters', async ({ page }) => {
		await page.goto(at('/'));
		await searchButton(page).click();
		await input(page).fill('index');
		await expect(page).toHaveURL(at('/?q=index'));
		await dialog(page).getByText('Filter by section').click();
		await dialog(page).getByRole('checkbox', { name: /SQL & Databases/ }).check();
		await expect(page).toHaveURL(at('/?q=index&section=sql-databases'));
		// Closing forgets it.
		await page.keyboard.press('Escape');
		await expect(page).toHaveURL(at('/'));
	});

	test('opens with its results when the link is loaded', { tag: '@base' }, async ({ page }) => {
		await page.goto(at('/?q=deadlock&section=sql-databases'));
		await expect(dialog(page)).toBeVisible();
		await expect(input(page)).toHaveValue('deadlock');
		await expect(dialog(page).getByRole('checkbox', { name: /SQL & Databases/ })).toBeChecked();
		await expect(results(page).first()).toContainText('58. How do you handle deadlocks in SQL?');
	});

	test('is back with its results after following a result and pressing Back', { tag: '@base' }, async ({ page }) => {
		await page.goto(at('/'));
		await searchButton(page).click();
		await input(page).fill('pydantic');
		await results(page).first().getByRole('link').first().click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('33. What are Pydantic models in FastAPI?');
		// Go back.
		await page.goBack();
		await expect(page).toHaveURL(at('/?q=pydantic'));
		await expect(input(page)).toHaveValue('pydantic');
		await expect(results(page).first()).toContainText('33. What are Pydantic models in FastAPI?');
	});
});

test.describe('arriving from a result', () => {
	test('marks the searched words on the question and scrolls to the first', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 500 });
		await page.goto(at('/'));
		await searchButton(page).click();
		await input(page).fill('sentinel');
		await expect(results(page)).toHaveCount(0);
		await input(page).fill('task_done');
		await results(page).first().getByRole('link').first().click();
		const mark = page.locator('mark.search-highlight').first();
		await expect(mark).toHaveText(/task_done/);
		await expect(mark).toBeInViewport();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the search control is a link to a page listing every question by section', { tag: '@base' }, async ({ page }) => {
		await page.goto(at('/sql-databases/'));
		await expect(page.getByRole('button', { name: 'Search' })).toBeHidden();
		await page.getByRole('link', { name: 'Search questions' }).click();
		await expect(page).toHaveURL(at('/questions/'));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('All questions');
		await expect(page.getByRole('main').getByRole('link', { name: /^\d+\. / })).toHaveCount(100);
		await expect(page.getByRole('heading', { level: 2 })).toHaveCount(10);
	});
});

test.describe('opened empty', () => {
	test('offers the section filters, the recently read questions and the searches that led somewhere', async ({ page }) => {
		// Read question 58, then search from there and follow a result.
		await page.goto(at('/sql-databases/handle-deadlocks-sql/'));
		await searchButton(page).click();
		await expect(dialog(page).getByRole('checkbox', { name: 'SQL & Databases' })).toBeVisible();
		await expect(dialog(page).getByRole('region', { name: 'Recently read' }).getByRole('link')).toHaveText(['58. How do you handle deadlocks in SQL?']);
		await expect(dialog(page).getByRole('region', { name: 'Recent searches' })).toBeHidden();
		await input(page).fill('docker compose');
		// Typing folds the filters away so that the results come first.
		await expect(dialog(page).getByRole('checkbox', { name: 'SQL & Databases' })).toBeHidden();
		await results(page).first().getByRole('link').first().click();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		// Open it again, empty: the search is offered, and runs again with a click.
		await searchButton(page).click();
		const recent = dialog(page).getByRole('region', { name: 'Recent searches' });
		await expect(recent.getByRole('button')).toHaveText(['docker compose']);
		await expect(dialog(page).getByRole('region', { name: 'Recently read' }).getByRole('link')).toHaveCount(2);
		await recent.getByRole('button', { name: 'docker compose' }).click();
		await expect(input(page)).toHaveValue('docker compose');
		await expect(results(page).first()).toBeVisible();
	});

	test('a section ticked with no words lists that section’s questions', async ({ page }) => {
		await page.goto(at('/'));
		await searchButton(page).click();
		await dialog(page).getByRole('checkbox', { name: 'Docker & Kubernetes' }).check();
		await expect(dialog(page).getByRole('status')).toHaveText('10 questions in the chosen sections; type to search them.');
		await expect(results(page)).toHaveCount(10);
	});
});
