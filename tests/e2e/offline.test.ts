// Offline reading: a first visit installs the worker and downloads nothing else; pages and search
// are kept as they are read; "Save the guide" stores the rest with progress, and can be removed; a
// file that fails to download while saving gives a clear message and no retry storm; two tabs
// show each other's saving and removing; full or blocked storage and a worker that cannot start
// are said, not waited on.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContent } from '../helpers/content.ts';
import { distDir } from '../helpers/dist.ts';
import { at } from '../helpers/site.ts';
import { searchDialog, watch } from '../helpers/browser.ts';
import { toPlainText } from '../../src/markdown/inline.ts';
import { cacheKey, FILES_CACHE, formatBytes, RUNTIME_CACHE, type OfflineList } from '../../src/lib/offline.ts';
import { questionPath, shortPath } from '../../src/lib/links.ts';

// The other browser tests block service workers (playwright.config.ts); these need it.
test.use({ serviceWorkers: 'allow' });

const { questions } = readContent();
const question = (number: number) => questions.find((q) => q.number === number)!;
const heading = (number: number) => `${number}. ${toPlainText(question(number).title)}`;
const listFile = readFileSync(join(distDir, 'sw.js'), 'utf8').match(/offline\/list\.[0-9a-f]+\.json/)![0];
const list = JSON.parse(readFileSync(join(distDir, listFile), 'utf8')) as OfflineList;
/** The files a saved guide holds: every file on the list. */
const saved = list;
/** Every page the sitemap names, as a path on the site (its host is the build's, not the test server's). */
const sitemapPaths = [...readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);

/** Every request the browser sends to the site from now on (pages' and the worker's), as paths. */
function record(context: BrowserContext): string[] {
	const paths: string[] = [];
	context.on('request', (request) => paths.push(new URL(request.url()).pathname));
	return paths;
}

/** The path a site address is served at, under the base path the tests run with. */
const servedPath = (address: string, baseURL: string | undefined) => new URL(at(address), baseURL).pathname;
const questionServedAt = (number: number, baseURL: string | undefined) => servedPath(questionPath(question(number)), baseURL);
const controlled = (page: Page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
/** The addresses stored in the worker's files cache, without their revision. */
const stored = (page: Page) =>
	page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname), FILES_CACHE);

test('a first visit downloads the page and the worker, and nothing for offline use; what it read is kept at the next page', { tag: '@base' }, async ({ page, context, baseURL }) => {
	const problems = watch(page);
	// A cache as an earlier design's worker left it: removed when this one activates.
	await context.addInitScript(() => void caches.open('sg-offline-0123456789abcdef'));
	const requests = record(context);
	await page.goto(at(questionPath(question(7))));
	await controlled(page);
	// Give a background download the time it would need to show up.
	await page.waitForTimeout(1500);
	expect(requests.filter((path) => !/\.(?:js|svg)$/.test(path) || path.endsWith('/sw.js'))).toEqual([
		new URL(page.url()).pathname,
		expect.stringMatching(/\/sw\.js$/),
	]);
	// A search on that page, now that the worker controls it (as a late request, the favicon, may be):
	// its files come from the network and are not stored, and the worker fetches no list for them.
	const searched = requests.length;
	await page.getByRole('button', { name: 'Search' }).click();
	const dialog = searchDialog(page);
	await dialog.getByRole('searchbox', { name: 'Words to find' }).fill('docker compose');
	await expect(dialog.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toContainText(/docker/i);
	await page.waitForTimeout(1000);
	const searchFiles = requests.slice(searched).filter((path) => path.includes('/pagefind/'));
	expect(searchFiles.length).toBeGreaterThan(3);
	expect(requests.slice(searched).filter((path) => path.includes('/offline/'))).toEqual([]);
	expect(await page.evaluate(() => caches.keys())).toEqual([]);
	expect(problems).toEqual([]);

	// At the next page, the first page and the search's files on the build's list are kept.
	await page.goto(at(questionPath(question(8))));
	const listed = new Set(list.map(([url]) => new URL(url, new URL(at('/'), baseURL)).pathname));
	const kept = [questionServedAt(7, baseURL), ...searchFiles.filter((path) => listed.has(path))];
	await expect.poll(() => stored(page)).toEqual(expect.arrayContaining(kept));
	expect(problems).toEqual([]);
});

test('an earlier build\'s file is removed when the worker activates, or at the next page if its list could not be had then', async ({ page, context, baseURL }) => {
	// A file as an earlier build's worker stored it, put there once before this worker activates.
	const earlier = cacheKey(new URL(at(questionPath(question(7))), baseURL).href, '0123456789abcdef');
	await context.addInitScript(
		([key, name]) => {
			if (sessionStorage.getItem('earlier-build')) return;
			sessionStorage.setItem('earlier-build', 'put');
			void caches.open(name).then((cache) => cache.put(key, new Response('an earlier build')));
		},
		[earlier, FILES_CACHE] as const,
	);
	// The worker's first request for its list fails, as on a bad connection.
	let asked = 0;
	await context.route(`**/${listFile}`, (route) => (asked++ === 0 ? route.abort() : route.fallback()));
	const keys = () => page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((request) => request.url), FILES_CACHE);

	await page.goto(at(questionPath(question(7))));
	await controlled(page);
	await expect.poll(() => asked).toBe(1);
	expect(await keys()).toEqual([earlier]);
	await page.goto(at(questionPath(question(8))));
	await expect.poll(keys).not.toContain(earlier);
	// This build's copy of the same page is kept in its place.
	const revision = list.find(([url]) => url === `.${questionPath(question(7))}`)![1];
	await expect.poll(keys).toContain(cacheKey(new URL(at(questionPath(question(7))), baseURL).href, revision));
});

test('two tabs on a first visit: the page the second tab opens ends it, and both tabs\' pages and searches are kept', async ({ page, context, baseURL }) => {
	const problems = watch(page);
	await page.goto(at(questionPath(question(7))));
	await controlled(page);
	const other = await context.newPage();
	await other.goto(at(questionPath(question(8))));
	await expect.poll(() => stored(page)).toEqual(expect.arrayContaining([questionServedAt(7, baseURL), questionServedAt(8, baseURL), servedPath('/404.html', baseURL)]));
	// The first tab's reading from now on is kept as read, as any tab's is.
	await page.getByRole('button', { name: 'Search' }).click();
	const dialog = searchDialog(page);
	await dialog.getByRole('searchbox', { name: 'Words to find' }).fill('docker compose');
	await expect(dialog.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toContainText(/docker/i);
	await expect.poll(async () => (await stored(page)).filter((file) => file.includes('/pagefind/')).length).toBeGreaterThan(3);
	expect(problems).toEqual([]);
});

test('with the storage full, pages still open and nothing is kept; once there is room, reading keeps them again', async ({ page, context, baseURL }) => {
	const problems = watch(page);
	await page.goto(at(questionPath(question(7))));
	await controlled(page);
	// As when the site's share of the disk is used up: every file the worker stores fails.
	const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
	await worker.evaluate(() => {
		const put = Cache.prototype.put;
		Object.assign(self, { roomAgain: () => void (Cache.prototype.put = put) });
		Cache.prototype.put = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
	});
	for (const number of [8, 9]) {
		await page.goto(at(questionPath(question(number))));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading(number));
	}
	await page.getByRole('button', { name: 'Search' }).click();
	const dialog = searchDialog(page);
	await dialog.getByRole('searchbox', { name: 'Words to find' }).fill('docker compose');
	await expect(dialog.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toContainText(/docker/i);
	expect(await stored(page)).toEqual([]);
	expect(problems).toEqual([]);

	// With room again, the next page is kept, with the one being left and the 404 page.
	await worker.evaluate(() => (self as unknown as { roomAgain: () => void }).roomAgain());
	await page.goto(at(questionPath(question(10))));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading(10));
	await expect.poll(() => stored(page)).toEqual(expect.arrayContaining([questionServedAt(9, baseURL), questionServedAt(10, baseURL), servedPath('/404.html', baseURL)]));
	expect(problems).toEqual([]);
});

test('a page a newer deploy changed is shown, and not stored under this build\'s revision', async ({ page, context, baseURL }) => {
	await page.goto(at(questionPath(question(7))));
	await controlled(page);
	// Question 9 as a host that has begun serving the next build sends it, while this build's list is still there.
	await context.route(`**${questionServedAt(9, baseURL)}`, async (route) => {
		const response = await route.fetch();
		await route.fulfill({ response, body: (await response.text()).replace('</main>', '<p>Added by a later deploy.</p></main>') });
	});
	await page.goto(at(questionPath(question(9))));
	await expect(page.getByText('Added by a later deploy.')).toBeVisible();
	await page.goto(at(questionPath(question(10))));
	await expect.poll(() => stored(page)).toEqual(expect.arrayContaining([questionServedAt(7, baseURL), questionServedAt(10, baseURL)]));
	expect(await stored(page)).not.toContain(questionServedAt(9, baseURL));
});

test('pages and searches read online open again offline; an address not kept shows the 404 page', { tag: '@base' }, async ({ page, context, baseURL }) => {
	test.setTimeout(60_000);
	const problems = watch(page);
	// First page of a first visit, before the worker exists.
	await page.goto(at(questionPath(question(7))));
	await controlled(page);
	// Read on: another question, a short link, and a search.
	await page.goto(at(questionPath(question(52))));
	await page.goto(at(shortPath(question(26))));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading(26));
	await page.getByRole('button', { name: 'Search' }).click();
	const dialog = searchDialog(page);
	await dialog.getByRole('searchbox', { name: 'Words to find' }).fill('docker compose');
	const results = dialog.getByRole('list', { name: 'Results' }).getByRole('listitem');
	await expect(results.first()).toContainText(/docker/i);
	await dialog.getByRole('button', { name: /close/i }).click();
	// The first page, fetched before the worker existed, and the 404 page are kept too.
	await expect.poll(() => stored(page)).toContain(questionServedAt(7, baseURL));
	await expect.poll(() => stored(page)).toContain(servedPath('/404.html', baseURL));
	expect(problems).toEqual([]);

	await context.setOffline(true);
	// The network is really off for the worker too: a file it does not keep cannot load.
	expect(await page.evaluate(() => fetch('../../og/site.png').then((r) => r.status, () => 'failed'))).toBe('failed');
	for (const number of [7, 52]) {
		await page.goto(at(questionPath(question(number))));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading(number));
	}
	await page.goto(at(shortPath(question(26))));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading(26));
	// The same search, from the kept index and fragments.
	await page.getByRole('button', { name: 'Search' }).click();
	await dialog.getByRole('searchbox', { name: 'Words to find' }).fill('docker compose');
	await expect(results.first()).toContainText(/docker/i);
	// An address never opened: the site's 404 page, not the browser's offline error, with a 404 as online.
	const missingPage = await page.goto(at('/no-such-page/'));
	await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i);
	expect(missingPage?.status()).toBe(404);
});

test.describe('saving the guide', () => {
	test('says its size, shows progress, saves every file, every linked address opens offline, and can be removed', { tag: '@base' }, async ({ page, context, baseURL }) => {
		test.setTimeout(90_000);
		const problems = watch(page);
		await page.goto(at('/'));
		const control = page.getByRole('region', { name: 'Read offline' });
		await expect(control).toContainText(`${saved.length} files, about `);
		await controlled(page);

		// Save: the progress counts the files, then the guide is there.
		await control.getByRole('button', { name: 'Save the guide for offline reading' }).click();
		await expect(control.getByRole('status')).toHaveText(new RegExp(`^Saving the guide: \\d+ of ${saved.length} files\\.$`));
		await expect(control.getByRole('status')).toContainText('The guide is available offline in this browser', { timeout: 60_000 });
		expect((await stored(page)).length).toBe(saved.length);
		expect(problems).toEqual([]);

		// Offline, a search on this same first page, then a question never opened and a search there.
		await context.setOffline(true);
		const dialog = searchDialog(page);
		const search = async (words: string) => {
			await page.getByRole('button', { name: 'Search' }).click();
			await dialog.getByRole('searchbox', { name: 'Words to find' }).fill(words);
			await expect(dialog.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toBeVisible();
		};
		await search('docker compose');
		await page.goto(at(questionPath(question(88))));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading(88));
		await search('deadlock');
		// Every page of the sitemap, and every address the header and footer link to, comes from the
		// saved copy (fetched through the worker, as a page's links would be): none is missing.
		const linked = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('header a[href], footer a[href]')].map((link) => new URL(link.href).pathname));
		expect(linked.length).toBeGreaterThan(3);
		const addresses = [...new Set([...sitemapPaths, ...linked])];
		expect(addresses).toEqual(expect.arrayContaining(['/study/', '/print/', '/about/'].map((path) => servedPath(path, baseURL))));
		const answers = await page.evaluate((paths) => Promise.all(paths.map((path) => fetch(path).then((r) => `${r.status} ${path}`, () => `failed ${path}`))), addresses);
		expect(answers.filter((answer) => !answer.startsWith('200 '))).toEqual([]);
		// The whole-guide pages open as pages, not as the 404 page.
		for (const [path, title] of [['/study/', /study/i], ['/print/', /interview guide/i]] as const) {
			await page.goto(at(path));
			await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
		}
		await context.setOffline(false);

		// Back home, the state is shown again, and the copy can be removed.
		await page.goto(at('/'));
		await expect(control.getByRole('status')).toContainText('The guide is available offline in this browser');
		await control.getByRole('button', { name: 'Remove the saved copy' }).click();
		await expect(control.getByRole('status')).toHaveText(/The saved copy is removed/);
		expect(await stored(page)).toEqual([]);
		await expect(control.getByRole('button', { name: 'Save the guide for offline reading' })).toBeVisible();
	});

	test('offers Python and PostgreSQL apart, with their size; once saved, every runtime file opens offline, and goes with the copy', async ({ page, context, baseURL }) => {
		test.setTimeout(90_000);
		const runtimesFile = readFileSync(join(distDir, 'index.html'), 'utf8').match(/data-runtimes="\.\/(offline\/runtimes\.[0-9a-f]+\.json)"/)![1]!;
		const runtimes = JSON.parse(readFileSync(join(distDir, runtimesFile), 'utf8')) as OfflineList;
		// Both runtimes, each whole: the wasm, the runner and the files each loads.
		expect(runtimes.map(([url]) => url)).toEqual(expect.arrayContaining([expect.stringMatching(/^\.\/runtimes\/pyodide-[\d.]+\/pyodide\.asm\.wasm$/), expect.stringMatching(/^\.\/runtimes\/pglite-[\d.]+\/pglite\.wasm$/)]));
		const size = formatBytes(runtimes.reduce((sum, [, , bytes]) => sum + bytes, 0));
		await page.goto(at('/'));
		const control = page.getByRole('region', { name: 'Read offline' });
		await controlled(page);
		const offer = control.getByRole('button', { name: `Also save Python and PostgreSQL to run the examples offline: about ${size}` });
		// Offered once the guide is saved, not before: the guide is the first thing to keep.
		await expect(offer).toBeHidden();
		await control.getByRole('button', { name: 'Save the guide for offline reading' }).click();
		await expect(control.getByRole('status')).toContainText('The guide is available offline in this browser', { timeout: 60_000 });
		await offer.click();
		await expect(control.getByRole('status')).toHaveText(new RegExp(`^Saving Python and PostgreSQL: \\d+ of ${runtimes.length} files\\.$`));
		await expect(control.getByRole('status')).toContainText('Python and PostgreSQL are saved too: the examples run offline.', { timeout: 60_000 });
		await expect(offer).toBeHidden();
		// Offline, each runtime file comes whole from the worker.
		await context.setOffline(true);
		const sizes = await page.evaluate(
			(urls) => Promise.all(urls.map((url) => fetch(url).then(async (r) => `${r.status} ${(await r.arrayBuffer()).byteLength}`, () => 'failed'))),
			runtimes.map(([url]) => new URL(url, new URL(at('/'), baseURL)).href),
		);
		expect(sizes).toEqual(runtimes.map(([url]) => `200 ${readFileSync(join(distDir, url.slice(2))).length}`));
		await context.setOffline(false);
		// A reload says so again; removing the saved copy removes them too.
		await page.reload();
		await expect(control.getByRole('status')).toContainText('Python and PostgreSQL are saved too');
		await control.getByRole('button', { name: 'Remove the saved copy' }).click();
		await expect(control.getByRole('status')).toHaveText(/The saved copy is removed/);
		expect(await page.evaluate((name) => caches.has(name), RUNTIME_CACHE)).toBe(false);

		// After a deploy that changed a runtime file (here: one deleted from the kept copy), the offer is
		// to update them, at the cost of what is missing.
		await control.getByRole('button', { name: 'Save the guide for offline reading' }).click();
		await offer.click();
		await expect(control.getByRole('status')).toContainText('Python and PostgreSQL are saved too', { timeout: 60_000 });
		const runner = runtimes.find(([url]) => /\/runner\.[\w-]+\.js$/.test(url))!;
		await page.evaluate(async ([name, url]) => (await caches.open(name)).delete(new URL(url, location.href).href), [RUNTIME_CACHE, new URL(runner[0], new URL(at('/'), baseURL)).href] as const);
		await page.reload();
		await control.getByRole('button', { name: `Update Python and PostgreSQL to run the examples offline: about ${formatBytes(runner[2])}` }).click();
		await expect(control.getByRole('status')).toContainText('Python and PostgreSQL are saved too', { timeout: 60_000 });
	});

	test('two tabs: removing the saved copy in one while the other saves Python and PostgreSQL stops that saving and keeps nothing of it', async ({ page, context }) => {
		test.setTimeout(90_000);
		const control = (tab: Page) => tab.getByRole('region', { name: 'Read offline' });
		await page.goto(at('/'));
		await controlled(page);
		await control(page).getByRole('button', { name: 'Save the guide for offline reading' }).click();
		await expect(control(page).getByRole('status')).toContainText('The guide is available offline in this browser', { timeout: 60_000 });
		const other = await context.newPage();
		await other.goto(at('/'));
		await expect(control(other).getByRole('button', { name: 'Remove the saved copy' })).toBeVisible();
		// The runtimes' files come slowly, so that the removal lands while they download.
		await context.route('**/runtimes/**', async (route) => {
			if (route.request().headers()['x-offline-save']) await new Promise((resolve) => setTimeout(resolve, 500));
			await route.fallback();
		});
		await control(page).getByRole('button', { name: /^Also save Python and PostgreSQL/ }).click();
		await expect(control(page).getByRole('status')).toHaveText(/^Saving Python and PostgreSQL: \d+ of/);
		await control(other).getByRole('button', { name: 'Remove the saved copy' }).click();
		await expect(control(page).getByRole('status')).toHaveText(/^The saved copy was removed in another tab\./);
		await expect(control(page).getByRole('button', { name: 'Save the guide for offline reading' })).toBeVisible();
		await expect(control(page).getByRole('button', { name: /Python and PostgreSQL/ })).toBeHidden();
		// Nothing the stopped saving downloaded is left: its downloads under way end before it stops.
		expect(await page.evaluate((name) => caches.has(name), RUNTIME_CACHE)).toBe(false);
	});

	test('two tabs: each shows what the other saved or removed, and a removal in one stops a saving in the other', async ({ page, context }) => {
		test.setTimeout(90_000);
		const control = (tab: Page) => tab.getByRole('region', { name: 'Read offline' });
		const status = (tab: Page) => control(tab).getByRole('status');
		await page.goto(at('/'));
		await controlled(page);
		const other = await context.newPage();
		await other.goto(at('/'));
		await expect(control(other).getByRole('button', { name: 'Save the guide for offline reading' })).toBeVisible();

		// Saved in one tab: the other says so, without a reload.
		await control(page).getByRole('button', { name: 'Save the guide for offline reading' }).click();
		await expect(status(page)).toContainText('The guide is available offline in this browser', { timeout: 60_000 });
		await expect(status(other)).toContainText('The guide is available offline in this browser');
		await expect(control(other).getByRole('button', { name: 'Remove the saved copy' })).toBeVisible();

		// The first tab left for the back/forward cache and back: its channel is closed, then open again,
		// and it looks afresh at what is saved. That look is slow here (its list of files comes late), so
		// that the removal below lands while it runs: the older look must not overwrite the newer.
		let releaseList = () => {};
		const listHeld = new Promise<void>((resolve) => (releaseList = resolve));
		let listAsked = () => {};
		const listRequested = new Promise<void>((resolve) => (listAsked = resolve));
		await context.route(`**/${listFile}`, async (route) => {
			listAsked();
			await listHeld;
			await route.fallback();
		});
		await page.evaluate(() => {
			dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
			dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
		});
		await listRequested;
		await expect(control(page)).toHaveAttribute('aria-busy', 'true');
		// Removed in the other tab: the first one says so, and offers to save again; the older look, once
		// it ends, changes nothing.
		await control(other).getByRole('button', { name: 'Remove the saved copy' }).click();
		await expect(status(page)).toHaveText(/^The saved copy is removed\./);
		releaseList();
		await context.unroute(`**/${listFile}`);
		await expect(control(page)).not.toHaveAttribute('aria-busy');
		await expect(status(page)).toHaveText(/^The saved copy is removed\./);
		await expect(control(page).getByRole('button', { name: 'Save the guide for offline reading' })).toBeVisible();
		await expect(control(page).getByRole('button', { name: 'Remove the saved copy' })).toBeHidden();

		// A copy missing files shows both buttons in both tabs: one saves the missing files, slowly, and the other removes the copy meanwhile.
		await control(page).getByRole('button', { name: 'Save the guide for offline reading' }).click();
		await expect(status(page)).toContainText('The guide is available offline in this browser', { timeout: 60_000 });
		await page.evaluate(async (name) => {
			const cache = await caches.open(name);
			for (const request of (await cache.keys()).slice(0, 60)) await cache.delete(request);
		}, FILES_CACHE);
		for (const tab of [page, other]) await tab.reload();
		await expect(status(other)).toContainText('The saved copy is incomplete');
		await context.route('**/*', async (route) => {
			if (route.request().headers()['x-offline-save']) await new Promise((resolve) => setTimeout(resolve, 300));
			await route.fallback();
		});
		await control(page).getByRole('button', { name: 'Save the missing files' }).click();
		await expect(status(page)).toHaveText(/^Saving the guide: \d+ of/);
		await control(other).getByRole('button', { name: 'Remove the saved copy' }).click();
		await expect(status(page)).toHaveText(/^The saved copy was removed in another tab\./);
		await expect(control(page).getByRole('button', { name: 'Save the guide for offline reading' })).toBeVisible();
		// Nothing the stopped saving downloaded is left behind: the removal holds.
		await page.waitForTimeout(1000);
		expect(await stored(page)).toEqual([]);
		await expect(status(other)).toHaveText(/^The saved copy is removed\./);
	});

	test('a file that fails to download stops the saving with a clear message, and nothing retries it', async ({ page, context, baseURL }) => {
		test.setTimeout(60_000);
		const broken = saved.find(([url]) => url.endsWith('/python-fundamentals/'))![0].slice(2);
		await context.route(`**/${broken}`, (route) => (route.request().headers()['x-offline-save'] ? route.fulfill({ status: 404, body: 'gone' }) : route.fallback()));
		await page.goto(at('/'));
		const control = page.getByRole('region', { name: 'Read offline' });
		await controlled(page);
		await control.getByRole('button', { name: 'Save the guide for offline reading' }).click();
		await expect(control.getByRole('status')).toHaveText(
			`The guide could not be saved: ${broken} did not download (HTTP 404). Pages you open online are still kept as you read them; try saving again later.`,
			{ timeout: 60_000 },
		);
		await expect(control.getByRole('button', { name: 'Try again' })).toBeVisible();

		// The site still works online, and reading on downloads only what is read.
		const requests = record(context);
		for (const number of [3, 4, 5]) {
			await page.goto(at(questionPath(question(number))));
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading(number));
		}
		await page.goto(at('/'));
		await expect(control.getByRole('status')).toContainText('The saved copy is incomplete');
		await page.waitForTimeout(1000);
		// Each page once from the page and once from the worker that fetches it; nothing else but scripts,
		// the favicon and the worker's list.
		const others = requests.filter((path) => !/\.(?:js|svg|json)$/.test(path));
		expect(new Set(others)).toEqual(new Set([3, 4, 5].map((number) => questionServedAt(number, baseURL)).concat(servedPath('/', baseURL))));
		expect(others.length).toBeLessThanOrEqual(8);
	});
});

test('saving into a full storage stops with a message that says so, and keeps what was saved', async ({ page }) => {
	test.setTimeout(60_000);
	// As when the site's share of the disk runs out after 20 files.
	await page.addInitScript(() => {
		const put = Cache.prototype.put;
		let stored = 0;
		Cache.prototype.put = function (...args) {
			if (++stored > 20) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
			return put.apply(this, args);
		};
	});
	await page.goto(at('/'));
	const control = page.getByRole('region', { name: 'Read offline' });
	await controlled(page);
	await control.getByRole('button', { name: 'Save the guide for offline reading' }).click();
	await expect(control.getByRole('status')).toContainText("no room left in this browser's storage for the site", { timeout: 60_000 });
	await expect(control.getByRole('status')).toContainText('The guide could not be saved');
	await expect(control.getByRole('button', { name: 'Try again' })).toBeVisible();
	// The first of the 20 was the reader's choice, kept beside the files.
	expect((await stored(page)).length).toBe(19);
});

test('with site data blocked, the control says why it cannot save and offers no button', async ({ page }) => {
	// As Chromium does when its settings block the site's data: the cache storage and the worker refused.
	await page.addInitScript(() => {
		const refused = () => Promise.reject(new DOMException('An attempt was made to break through the security policy of the user agent.', 'SecurityError'));
		for (const method of ['open', 'match', 'has', 'keys', 'delete'] as const) CacheStorage.prototype[method] = refused;
		ServiceWorkerContainer.prototype.register = refused;
	});
	const problems = watch(page);
	await page.goto(at('/'));
	const control = page.getByRole('region', { name: 'Read offline' });
	await expect(control.getByText('Saving needs JavaScript and a browser that allows service workers')).toBeVisible();
	await page.waitForTimeout(500);
	await expect(control.getByRole('button')).toHaveCount(0);
	expect(problems).toEqual([]);
});

test('when the worker cannot start, saving says so instead of waiting for ever', async ({ page, context }) => {
	test.setTimeout(60_000);
	// The worker's own file fails to download: the browser never has an active worker.
	await context.route('**/sw.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
	await page.goto(at('/'));
	const control = page.getByRole('region', { name: 'Read offline' });
	await control.getByRole('button', { name: 'Save the guide for offline reading' }).click();
	await expect(control.getByRole('status')).toHaveText(/^The guide could not be saved: the offline worker did not start/, { timeout: 20_000 });
	await expect(control.getByRole('button', { name: 'Try again' })).toBeEnabled();
});

test('without service workers, the control says why it cannot save and offers no button', async ({ page }) => {
	// As in a browser without service workers (or one that turns them off in a private window).
	await page.addInitScript(() => void delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker);
	await page.goto(at('/'));
	const control = page.getByRole('region', { name: 'Read offline' });
	await expect(control.getByText('Saving needs JavaScript and a browser that allows service workers')).toBeVisible();
	await expect(control.getByRole('button')).toHaveCount(0);
});

test.describe('in an installed app (display-mode standalone)', () => {
	/** The page as an installed app sees it, with the browser's Save-Data setting. */
	const installed = (context: BrowserContext, saveData: boolean) =>
		context.addInitScript((saveData) => {
			const real = window.matchMedia.bind(window);
			window.matchMedia = (query) => (query === '(display-mode: standalone)' ? Object.create(real(query), { matches: { value: true } }) : real(query));
			Object.defineProperty(navigator, 'connection', { value: { saveData }, configurable: true });
		}, saveData);

	test('saves the guide on its own, and not again once the reader removed it', async ({ page, context }) => {
		test.setTimeout(90_000);
		await installed(context, false);
		await page.goto(at('/'));
		const control = page.getByRole('region', { name: 'Read offline' });
		await expect(control.getByRole('status')).toContainText('The guide is available offline in this browser', { timeout: 60_000 });
		expect((await stored(page)).length).toBe(saved.length);
		await control.getByRole('button', { name: 'Remove the saved copy' }).click();
		await expect(control.getByRole('status')).toHaveText(/The saved copy is removed/);
		await page.reload();
		await expect(control.getByRole('button', { name: 'Save the guide for offline reading' })).toBeVisible();
		await page.waitForTimeout(1500);
		// Only what was read since (this page, its scripts and icon, the 404 page), not the guide.
		expect((await stored(page)).length).toBeLessThan(15);
	});

	test('never saves on its own when the browser asks to save data', async ({ page, context }) => {
		await installed(context, true);
		await page.goto(at('/'));
		await controlled(page);
		await page.waitForTimeout(1500);
		// Nothing saved ahead (a favicon the browser asks for again once the worker controls the page is kept as read).
		expect((await stored(page)).length).toBeLessThan(3);
		await expect(page.getByRole('region', { name: 'Read offline' }).getByRole('button', { name: 'Save the guide for offline reading' })).toBeVisible();
	});
});
