// Deploys, for real: a copy of the project (with the small content set of tests/fixtures/content, so
// that its three builds take seconds) is built, served and read; then rebuilt with one answer
// edited, and again with a change to the search code. A reader who saved the guide gets only what
// changed, and no file of the old build stays in the caches; tabs left open across a deploy offer a
// reload when the search's files are gone, instead of a blank dialog or a count with no results.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { createStaticServer } from '../../scripts/serve.ts';
import { readContent } from '../helpers/content.ts';
import { buildProject, copyProject, projectRoot } from '../helpers/project.ts';
import { BASE } from '../helpers/site.ts';
import { searchDialog, searchInput, searchResults } from '../helpers/browser.ts';
import { toPlainText } from '../../src/markdown/inline.ts';
import { cacheKey, CHOICE_CACHE, FILES_CACHE, type OfflineList } from '../../src/lib/offline.ts';
import { questionPath } from '../../src/lib/links.ts';

test.use({ serviceWorkers: 'allow' });

const EDIT = 'Zanzibar, added by a later deploy.';

test('a saved guide updates by what changed only, and tabs left open across a deploy offer a reload', async ({ browser }) => {
	test.setTimeout(8 * 60_000);
	const copy = copyProject(join(projectRoot, 'tests/fixtures/content'));
	const dist = join(copy.root, process.env.OUT_DIR ?? 'dist');
	const build = async () => {
		const { code, output } = await buildProject(copy.root);
		expect(code, output.slice(-3000)).toBe(0);
	};
	const sockets = new Set<Socket>();
	let closedBytes = 0;
	const server = createStaticServer({ root: dist, base: BASE });
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => {
			closedBytes += socket.bytesWritten;
			sockets.delete(socket);
		});
	});
	/** Every byte the server has sent so far, headers included. */
	const sent = () => closedBytes + [...sockets].reduce((sum, socket) => sum + socket.bytesWritten, 0);
	const contexts: BrowserContext[] = [];
	try {
		await build();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const address = server.address();
		const site = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${BASE}`;
		const { questions } = readContent(join(copy.root, 'content'));
		const edited = questions.find((q) => !q.editorNotes)!;
		const editedUrl = `${site}${questionPath(edited).slice(1)}`;
		const newContext = async (serviceWorkers: 'allow' | 'block') => {
			const context = await browser.newContext({ serviceWorkers });
			contexts.push(context);
			return context.newPage();
		};

		// A reader saves the guide.
		const reader = await newContext('allow');
		await reader.goto(site);
		const control = reader.getByRole('region', { name: 'Read offline' });
		await control.getByRole('button', { name: 'Save the guide for offline reading' }).click();
		await expect(control.getByRole('status')).toContainText('The guide is available offline', { timeout: 90_000 });
		// Two tabs of readers without the worker stay open: one has searched, one has not opened the search.
		const searched = await newContext('block');
		await searched.goto(editedUrl);
		await search(searched, toPlainText(edited.title));
		await expect(results(searched).first()).toBeVisible();
		const notSearched = await newContext('block');
		await notSearched.goto(editedUrl);

		const listOf = () => readFileSync(join(dist, 'sw.js'), 'utf8').match(/offline\/list\.[0-9a-f]+\.json/)![0];
		const oldList = listOf();
		const oldRevisions = new Map((JSON.parse(readFileSync(join(dist, oldList), 'utf8')) as OfflineList).map(([url, revision]) => [url, revision]));

		// Deploy 1: one answer edited.
		const file = join(copy.root, edited.file);
		writeFileSync(file, readFileSync(file, 'utf8').replace(/\s*$/, `\n\n${EDIT}\n`));
		await build();
		const list = JSON.parse(readFileSync(join(dist, listOf()), 'utf8')) as OfflineList;
		const newKeys = list.map(([url, revision]) => cacheKey(new URL(url, site).href, revision)).sort();
		// What the deploy changed, as the reader downloads it: new files, and files whose revision changed
		// (the edited answer's pages, the whole-guide files holding every answer, the search files).
		const changed = list.filter(([url, revision]) => !oldRevisions.has(url) || oldRevisions.get(url) !== revision);
		const changedBytes = changed.reduce((sum, [, , size]) => sum + size, 0);
		const wholeGuideBytes = list.reduce((sum, [, , size]) => sum + size, 0);

		// The saved reader comes back: the new worker fetches what changed and removes the rest.
		const fetched: string[] = [];
		server.on('request', (request) => fetched.push(request.url ?? ''));
		const before = sent();
		await reader.reload();
		await expect
			.poll(() => cachedKeys(reader, FILES_CACHE), { timeout: 90_000 })
			.toEqual(newKeys)
			.catch(async (error: Error) => {
				// What the workers were doing, and what the server was asked, for a failure seen once in CI.
				const workers = await reader.evaluate(async () => {
					const registration = await navigator.serviceWorker.getRegistration();
					return (['installing', 'waiting', 'active'] as const).map((name) => `${name}: ${registration?.[name]?.state ?? 'none'}`).join(', ');
				});
				throw new Error(`${error.message}\nWorkers: ${workers}\nRequests since the reload:\n${fetched.join('\n')}`);
			});
		const updateBytes = sent() - before;
		// Only what changed: its bytes, plus the reloaded home page, the new worker, the lists and the
		// headers (under 40 KB), and far from the whole guide again.
		expect(updateBytes, fetched.join('\n')).toBeLessThan(changedBytes + 40 * 1024);
		expect(changedBytes, changed.map(([url]) => url).join('\n')).toBeLessThan(wholeGuideBytes / 4);
		// The old list is gone: asked for once by the old worker, in charge until the new one is in, and
		// once by the page's control, which asks that worker which list it serves; not on every request.
		expect(fetched.filter((url) => url.endsWith(oldList)).length, fetched.join('\n')).toBeLessThanOrEqual(2);
		expect(await cachedKeys(reader, CHOICE_CACHE)).toEqual([`${site}offline-choice`]);
		expect(await reader.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([FILES_CACHE, CHOICE_CACHE]));
		expect((await reader.evaluate(() => caches.keys())).length).toBe(2);
		// The new answer, online and offline.
		await reader.goto(editedUrl);
		await expect(reader.getByText(EDIT)).toBeVisible();
		await reader.context().setOffline(true);
		await reader.reload();
		await expect(reader.getByText(EDIT)).toBeVisible();
		await reader.context().setOffline(false);

		// The tab that had searched: the old index's files are gone, so it offers a reload rather than "no match".
		await search(searched, 'Zanzibar');
		const stale = searched.getByText('The search could not load: the site has changed since this page opened, or you are offline.');
		await expect(stale).toBeVisible();
		await searched.getByRole('button', { name: 'Reload the page' }).click();
		// The search is in the address, so the reloaded page runs it on the new index.
		await expect(results(searched)).toHaveCount(1);
		await expect(results(searched).first()).toContainText(toPlainText(edited.title));

		// Deploy 2: the search code changed, so its bundle has a new name and the old one is gone.
		const dialogFile = join(copy.root, 'src/search/search-dialog.ts');
		const code = readFileSync(dialogFile, 'utf8');
		expect(code).toContain('const PAGE_SIZE = 10;');
		writeFileSync(dialogFile, code.replace('const PAGE_SIZE = 10;', 'const PAGE_SIZE = 12;'));
		await build();
		await notSearched.getByRole('button', { name: 'Search' }).click();
		await expect(notSearched.getByText('The search could not load: the site has changed since this page opened, or you are offline.')).toBeVisible();
		// Closing and opening it again tries again (and fails again, as the file is still gone), not stuck.
		await notSearched.keyboard.press('Escape');
		await notSearched.getByRole('button', { name: 'Search' }).click();
		await expect(notSearched.getByText('The search could not load: the site has changed since this page opened, or you are offline.')).toBeVisible();
		await notSearched.getByRole('button', { name: 'Reload the page' }).click();
		await search(notSearched, toPlainText(edited.title));
		await expect(results(notSearched).first()).toBeVisible();
		test.info().annotations.push({ type: 'update bytes', description: `${updateBytes} (changed files ${changedBytes}, whole guide ${wholeGuideBytes})` });
	} finally {
		await Promise.all(contexts.map((context) => context.close()));
		await new Promise((resolve) => server.close(resolve));
		for (const socket of sockets) socket.destroy();
		copy.remove();
	}
});

const results = searchResults;

async function search(page: Page, words: string) {
	if (!(await searchDialog(page).isVisible())) await page.getByRole('button', { name: 'Search' }).click();
	await searchInput(page).fill(words);
}

/** The keys (absolute URLs) of one of the worker's caches, sorted. */
const cachedKeys = (page: Page, name: string) =>
	page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((request) => request.url).sort(), name);
