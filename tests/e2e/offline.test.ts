// Offline reading: after one visit, the service worker has cached the guide, so other questions,
// short links and search work with the network off; a cache left by an earlier deploy is removed.
import { expect, test } from '@playwright/test';
import { readContent } from '../helpers/content.ts';
import { at } from '../helpers/site.ts';
import { toPlainText } from '../../src/lib/inline.ts';
import { questionPath, shortPath } from '../../src/lib/links.ts';

// The other browser tests block service workers (playwright.config.ts); these need it.
test.use({ serviceWorkers: 'allow' });

const { questions } = readContent();
const question = (number: number) => questions.find((q) => q.number === number)!;
const heading = (number: number) => `${number}. ${toPlainText(question(number).title)}`;

test('after a first visit, questions, short links, search and the 404 page work offline', async ({ page, context }) => {
	test.setTimeout(60_000);
	const problems: string[] = [];
	page.on('console', (message) => {
		if (['error', 'warning'].includes(message.type())) problems.push(`${message.type()}: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
	// A cache as an earlier deploy's worker would have left it.
	await context.addInitScript(() => void caches.open('sg-offline-earlier-deploy'));

	// First visit, online: the worker installs, caches the site and takes control of the page.
	await page.goto(at('/python-fundamentals/'));
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 45_000 });
	const cacheNames = await page.evaluate(() => caches.keys());
	expect(cacheNames).toHaveLength(1);
	const [current] = cacheNames;
	expect(current).toMatch(/^sg-offline-[0-9a-f]{16}$/);
	expect(await (await page.request.get(at('/sw.js'))).text()).toContain(current!.slice('sg-offline-'.length));

	expect(problems).toEqual([]);

	await context.setOffline(true);
	// The network is really off for the worker too: a file it does not keep cannot load.
	expect(await page.evaluate(() => fetch('../og/site.png').then((r) => r.status, () => 'failed'))).toBe('failed');

	// A question never opened before.
	await page.goto(at(questionPath(question(52))));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading(52));

	// A short link forwards to its question.
	await page.goto(at(shortPath(question(26))));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading(26));

	// Search: Pagefind's code, WebAssembly and index all come from the cache.
	await page.getByRole('button', { name: 'Search' }).click();
	const dialog = page.getByRole('dialog', { name: 'Search the guide' });
	await dialog.getByRole('searchbox', { name: 'Words to find' }).fill('docker compose');
	const results = dialog.getByRole('list', { name: 'Results' }).getByRole('listitem');
	await expect(results.first()).toBeVisible();
	await expect(results.first()).toContainText(/docker/i);

	// An address the site does not have shows the site's 404 page, not the browser's offline error.
	await page.goto(at('/no-such-page/'));
	await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i);
});
