// What several browser tests share: axe with the project's one policy, the console and request
// watcher, and the search dialog's parts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

/** axe-core's source, to add to a page as it is created (the pages' CSP allows no script injected later). */
export const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/**
 * The axe rules whose outcome depends on the colours: the only ones that can differ between the two
 * schemes, since a page's markup is the same in both. Every rule runs in the light scheme.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * How many of a page's repeated items axe checks: the print page and the whole-guide study page hold
 * all 100 answers, each in an <article> of the same template, and axe took 18 s and 10 s over them.
 * The answers' own HTML is checked on every page by html-validate, and by axe on the question pages.
 */
const REPEATED_ITEMS_CHECKED = 10;

/**
 * axe violations on the page as it is: every rule in the light scheme, the colour rules in the dark
 * one; of a list of more than REPEATED_ITEMS_CHECKED articles, the first ones (the page's own parts
 * are all checked).
 */
export async function axeViolations(page: Page): Promise<string[]> {
	const found: string[] = [];
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const runOnly = colorScheme === 'light' ? { type: 'tag', values: AXE_TAGS } : { type: 'rule', values: COLOUR_RULES };
		const results = await page.evaluate(
			({ runOnly, checked }) => {
				const repeated = [...document.querySelectorAll('main article')].slice(checked);
				const context = repeated.length > 0 ? { exclude: repeated } : document;
				return (window as unknown as { axe: { run: Function } }).axe.run(context, { runOnly, resultTypes: ['violations'] });
			},
			{ runOnly, checked: REPEATED_ITEMS_CHECKED },
		);
		for (const v of results.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]) {
			found.push(`${colorScheme}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
		}
	}
	return found;
}

/**
 * Console errors and warnings and uncaught errors seen from now on; with `origin`, also failed
 * responses and requests to any other origin.
 */
export function watch(page: Page, origin?: string): string[] {
	const problems: string[] = [];
	page.on('console', (message) => {
		// Playwright's own notice that it kept the offline worker out (playwright.config.ts).
		if (message.text() === 'Service Worker registration blocked by Playwright') return;
		if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
	if (origin === undefined) return problems;
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.protocol !== 'data:' && url.origin !== origin) problems.push(`request to another origin: ${url.href}`);
	});
	page.on('response', (response) => {
		if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
	});
	return problems;
}

/** The search dialog and its parts. */
export const searchDialog = (page: Page) => page.getByRole('dialog', { name: 'Search the guide' });
export const searchInput = (page: Page) => searchDialog(page).getByRole('searchbox', { name: 'Words to find' });
export const searchResults = (page: Page) => searchDialog(page).getByRole('list', { name: 'Results' }).getByRole('listitem');
