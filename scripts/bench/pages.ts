// npm run bench [-- --runs 5 --lighthouse-runs 1 --no-build]: builds the site, serves dist/ on
// 127.0.0.1 with gzip as a real host would, loads pages, runs searches and runnable examples and
// makes a first visit in headless Chromium, runs Lighthouse, and prints medians over the runs (also
// written to .cache/bench/results.json). Two budgets fail the run (exit code 1) when passed:
// question 7's page alone, and its whole first visit with the offline worker (budgets.ts); the
// others are in docs/performance.md.
import { chromium, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { BASE as base } from '../../tests/helpers/site.ts';
import { overBudget, withinBudget } from './budgets.ts';
import { folderSize, median } from './shared.ts';

const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const dist = 'dist';

const PAGES = {
	home: '',
	section: 'sql-databases/',
	'question 7 (runnable example in its note)': 'python-fundamentals/global-interpreter-lock-gil/',
	'question 25 (code)': 'advanced-python-concurrency/multithreading-python/',
	'question 2 (runnable example)': 'python-fundamentals/handle-exceptions-python/',
};
/** A page per runtime whose first example is runnable: what Run costs there. */
/** How long a reader reads an output before running the example again (the warm Run). */
const READING_MS = 2000;
/** For each runtime, the page whose example is run first, then the page a reader goes on to in the same tab. */
const EXAMPLE_PAGES = {
	python: ['python-fundamentals/handle-exceptions-python/', 'intermediate-python/decorators-python/'],
	sql: ['sql-databases/difference-inner-join-left-join/', 'sql-databases/transaction-sql/'],
} as const;
const SEARCHES = { cold: 'deadlock', warm: 'docker' };
/** Pasted text that matches nothing: until issue 12 each word cost a full retry (1,000 words: 18.6 s). */
const LONG_QUERY_WORDS = [300, 1000];

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css',
	'.js': 'text/javascript',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.txt': 'text/plain',
	'.xml': 'application/xml',
	'.webmanifest': 'application/manifest+json',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.md': 'text/markdown; charset=utf-8',
	'.tsv': 'text/tab-separated-values; charset=utf-8',
	'.mjs': 'text/javascript',
	'.wasm': 'application/wasm',
	'.zip': 'application/zip',
	'.data': 'application/octet-stream',
};
// WebAssembly and PGlite's data file compress well and hosts such as GitHub Pages and Netlify gzip
// them; the stdlib .zip is compressed already.
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.txt', '.xml', '.webmanifest', '.md', '.tsv', '.wasm', '.data']);
/** Compressed bodies, made once: gzip -9 of megabytes of runtime on every request would time the server, not the page. */
const gzipped = new Map<string, ReturnType<typeof gzipSync>>();

/** Serves dist/ like a static host: gzip for text, 404.html for missing paths, no caching tricks. */
function serve(): Promise<{ server: Server; origin: string }> {
	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://x');
		let path = decodeURIComponent(url.pathname);
		if (!path.startsWith(base)) path = '/__missing__';
		path = normalize(path.slice(base.length - 1)).replace(/^(\.\.[/\\])+/, '');
		let file = join(dist, path);
		let status = 200;
		try {
			if (statSync(file).isDirectory()) file = join(file, 'index.html');
			statSync(file);
		} catch {
			file = join(dist, '404.html');
			status = 404;
		}
		const ext = extname(file);
		let body = readFileSync(file);
		const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream' };
		if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
			const cached = gzipped.get(file) ?? gzipSync(body, { level: 9 });
			gzipped.set(file, cached);
			body = cached;
			headers['content-encoding'] = 'gzip';
		}
		response.writeHead(status, headers).end(body);
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			resolve({ server, origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
		}),
	);
}

type Kind = 'html' | 'css' | 'js' | 'font' | 'image' | 'pagefind' | 'other';
function kindOf(url: string, contentType: string): Kind {
	const path = new URL(url).pathname;
	if (path.includes('/pagefind/') && !path.endsWith('.js')) return 'pagefind';
	if (contentType.includes('html')) return 'html';
	if (contentType.includes('css')) return 'css';
	if (contentType.includes('javascript')) return 'js';
	if (contentType.includes('font')) return 'font';
	if (contentType.startsWith('image/')) return 'image';
	return 'other';
}

interface Transfer {
	url: string;
	kind: Kind;
	bytes: number;
}

/** Records the transferred size (compressed body + headers) of every request from now on that `counts`. */
function recordTransfers(
	source: Page | BrowserContext,
	counts: (request: Request) => boolean = () => true,
): { transfers: Transfer[]; settled(): Promise<void> } {
	const transfers: Transfer[] = [];
	const pending: Promise<void>[] = [];
	source.on('requestfinished', (request: Request) => {
		if (!counts(request)) return;
		pending.push(
			(async () => {
				const response = await request.response();
				const sizes = await request.sizes();
				transfers.push({
					url: request.url(),
					kind: kindOf(request.url(), response?.headers()['content-type'] ?? ''),
					bytes: sizes.responseBodySize + sizes.responseHeadersSize,
				});
			})().catch(() => {
				// Finished as the page closed, after its measurement was taken: not part of it.
			}),
		);
	});
	return { transfers, settled: async () => void (await Promise.all(pending)) };
}

const launch = () => chromium.launch({ executablePath: chromePath, args: CHROME_FLAGS });

const LIGHTHOUSE_PAGES = { home: PAGES.home, section: PAGES.section, 'question 7': PAGES['question 7 (runnable example in its note)'] };

/** Lighthouse's four category scores (0-100) for each page, medians over the runs. */
async function measureLighthouse(origin: string, lighthouseRuns: number) {
	const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...CHROME_FLAGS] });
	const scores: Record<string, Record<string, number[]>> = {};
	try {
		for (let run = 0; run < lighthouseRuns; run++) {
			for (const [name, path] of Object.entries(LIGHTHOUSE_PAGES)) {
				const result = await lighthouse(`${origin}${base}${path}`, {
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
				});
				for (const [id, category] of Object.entries(result!.lhr.categories)) {
					((scores[name] ??= {})[id] ??= []).push(Math.round((category.score ?? 0) * 100));
				}
			}
		}
	} finally {
		chrome.kill();
	}
	return Object.fromEntries(
		Object.entries(scores).map(([page, byCategory]) => [page, Object.fromEntries(Object.entries(byCategory).map(([id, list]) => [id, median(list)]))]),
	);
}

// Page and search figures are a first view with the offline worker blocked; what the worker
// downloads is measured with the whole first visit (measureFirstVisit).
async function measurePage(browser: Browser, url: string) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const { transfers, settled } = recordTransfers(page);
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForLoadState('networkidle');
	await settled();
	const timing = await page.evaluate(() => {
		const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
		const scripts = [...document.scripts];
		const inlineJs = scripts.filter((s) => !s.src).reduce((sum, s) => sum + new Blob([s.textContent ?? '']).size, 0);
		const externalJs = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
			.filter((entry) => entry.initiatorType === 'script' || entry.name.endsWith('.js'))
			.reduce((sum, entry) => sum + entry.decodedBodySize, 0);
		const blocking = scripts.filter((s) => s.src && !s.async && !s.defer && s.type !== 'module').length;
		return {
			domContentLoaded: nav!.domContentLoadedEventEnd,
			load: nav!.loadEventEnd,
			jsBeforeInteraction: inlineJs + externalJs,
			renderBlockingScripts: blocking,
		};
	});
	await context.close();
	const byKind = (kind: Kind) => transfers.filter((t) => t.kind === kind).reduce((sum, t) => sum + t.bytes, 0);
	return {
		requests: transfers.length,
		total: transfers.reduce((sum, t) => sum + t.bytes, 0),
		html: byKind('html'),
		css: byKind('css'),
		js: byKind('js'),
		font: byKind('font'),
		image: byKind('image'),
		...timing,
	};
}

/** Which part of a search's download a file is. */
function searchPart(url: string): string {
	const path = new URL(url).pathname;
	if (/\/pagefind\/pagefind(-[\w]+)?\.js$/.test(path) || path.endsWith('pagefind-entry.json')) return 'pagefind script';
	if (path.includes('/pagefind/wasm.')) return 'pagefind wasm';
	if (path.endsWith('.pf_meta')) return 'index metadata';
	if (path.includes('/pagefind/index/')) return 'index chunks';
	if (path.includes('/pagefind/filter/')) return 'filter chunks';
	if (path.includes('/pagefind/fragment/')) return 'fragments';
	if (path.includes('/_astro/')) return 'search UI script and styles';
	if (path.endsWith('favicon.svg')) return 'favicon (Chromium asks again when the URL changes)';
	return 'other';
}

/** Waits until no request has started for 500 ms (a page load's "networkidle" happens only once). */
async function quiet(page: Page) {
	let last = Date.now();
	const onRequest = () => (last = Date.now());
	page.on('request', onRequest);
	while (Date.now() - last < 500) await page.waitForTimeout(100);
	page.off('request', onRequest);
}

/** Waits until no request has started or finished for `ms` (the issue's "network quiet"). */
async function quietFor(page: Page, source: Page | BrowserContext, ms: number) {
	let last = Date.now();
	const onActivity = () => (last = Date.now());
	source.on('request', onActivity);
	source.on('requestfinished', onActivity);
	source.on('requestfailed', onActivity);
	while (Date.now() - last < ms) await page.waitForTimeout(100);
	source.off('request', onActivity);
	source.off('requestfinished', onActivity);
	source.off('requestfailed', onActivity);
}

/** What a host sends for `url` to a browser that accepts gzip: body as sent plus headers (status line included). */
function wireSize(url: string): Promise<number> {
	return new Promise((resolve, reject) => {
		get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
			let bytes = `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n`.length + 2;
			for (let i = 0; i < response.rawHeaders.length; i += 2) bytes += `${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}\r\n`.length;
			response.on('data', (chunk: Buffer) => (bytes += chunk.length));
			response.on('end', () => resolve(bytes));
		}).on('error', reject);
	});
}

/**
 * A whole first visit as a new reader makes it, the offline worker allowed: everything the page and
 * the worker fetch until the network has been quiet for 2 s, and how long after load the worker
 * controls the page (ready to keep what is read).
 */
async function measureFirstVisit(browser: Browser, url: string) {
	const context = await browser.newContext({ serviceWorkers: 'allow' });
	const { transfers, settled } = recordTransfers(context);
	const page = await context.newPage();
	await page.goto(url, { waitUntil: 'load' });
	const ms = await page.evaluate(async () => {
		const start = performance.now();
		while (!navigator.serviceWorker.controller) await new Promise((resolve) => setTimeout(resolve, 20));
		return performance.now() - start;
	});
	await quietFor(page, context, 2000);
	await settled();
	await context.close();
	// Chromium reports no body size for the worker's script (fetched for the registration, not by a
	// page): measure it as the host sends it.
	for (const transfer of transfers) if (/\/sw\.js$/.test(new URL(transfer.url).pathname)) transfer.bytes = await wireSize(transfer.url);
	return {
		ms,
		requests: transfers.length,
		bytes: transfers.reduce((sum, t) => sum + t.bytes, 0),
		worker: transfers.filter((t) => /\/sw\.js$/.test(new URL(t.url).pathname)).reduce((sum, t) => sum + t.bytes, 0),
	};
}

async function measureSearch(browser: Browser, url: string) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForLoadState('networkidle');
	const { transfers, settled } = recordTransfers(page);

	const query = async (text: string) => {
		const before = transfers.length;
		// Time from the reader's action to the first result on screen, measured in the page.
		const ms = await page.evaluate(async (text) => {
			const start = performance.now();
			const dialog = document.querySelector('sg-search dialog') as HTMLDialogElement;
			if (!dialog.open) (document.querySelector('sg-search button.search-open') as HTMLButtonElement).click();
			// The field takes keys at once; the results list comes with the search code.
			const input = await new Promise<HTMLInputElement>((resolve) => {
				const poll = () =>
					document.activeElement?.id === 'search-input' && dialog.querySelector('.results')
						? resolve(document.activeElement as HTMLInputElement)
						: requestAnimationFrame(poll);
				poll();
			});
			const list = dialog.querySelector('.results')!;
			list.replaceChildren();
			input.value = text;
			input.dispatchEvent(new Event('input', { bubbles: true }));
			await new Promise<void>((resolve) => {
				const observer = new MutationObserver(() => {
					if (!list.querySelector('li')) return;
					observer.disconnect();
					resolve();
				});
				observer.observe(list, { childList: true });
			});
			return performance.now() - start;
		}, text);
		await quiet(page);
		await settled();
		const fetched = transfers.slice(before);
		const parts: Record<string, { requests: number; bytes: number }> = {};
		for (const t of fetched) {
			const part = (parts[searchPart(t.url)] ??= { requests: 0, bytes: 0 });
			part.requests++;
			part.bytes += t.bytes;
		}
		return { ms, bytes: fetched.reduce((sum, t) => sum + t.bytes, 0), requests: fetched.length, parts };
	};
	const cold = await query(SEARCHES.cold);
	const warm = await query(SEARCHES.warm);
	// Time from the input event to the "No question …" answer, for queries of made-up words.
	const long: Record<number, number> = {};
	for (const words of LONG_QUERY_WORDS) {
		long[words] = await page.evaluate(async (words) => {
			const dialog = document.querySelector('sg-search dialog') as HTMLDialogElement;
			const input = dialog.querySelector<HTMLInputElement>('#search-input')!;
			const summary = dialog.querySelector('.summary')!;
			const start = performance.now();
			input.value = Array.from({ length: words }, (_, i) => `zorblax${i}`).join(' ');
			input.dispatchEvent(new Event('input', { bubbles: true }));
			await new Promise<void>((resolve) => {
				const poll = () => (summary.textContent?.startsWith(`No question has all ${words} words`) ? resolve() : requestAnimationFrame(poll));
				poll();
			});
			return performance.now() - start;
		}, words);
	}
	await context.close();
	return { cold, warm, long };
}

/** The resident memory of Chromium's renderer processes (where pages and their workers run), in bytes. */
async function rendererMemory(browser: Browser): Promise<number> {
	const cdp = await browser.newBrowserCDPSession();
	const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
	await cdp.detach();
	let bytes = 0;
	for (const { type, id } of processInfo) {
		if (type !== 'renderer') continue;
		try {
			const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1];
			bytes += Number(kb ?? 0) * 1024;
		} catch {
			// The process ended between the two calls.
		}
	}
	return bytes;
}

/**
 * Runs a page's first example: bytes fetched by the first Run, time from the click to the run's
 * output in the page (cold: nothing cached; warm: a second Run on the page; next page: the first Run
 * on the page the reader goes on to in the same tab, the runtime's files in the HTTP cache), and how
 * much the renderer's memory grew with the worker running.
 */
async function measureRun(browser: Browser, url: string, nextUrl: string) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForLoadState('networkidle');
	const memoryBefore = await rendererMemory(browser);
	const { transfers, settled } = recordTransfers(page);
	// Until the run's own end is written in the status line: the line may already say "Finished…"
	// (the last run's), so it is the change that counts, not the text found at some frame.
	const run = () =>
		page.evaluate(async () => {
			const example = document.querySelector('sg-example')!;
			const status = example.querySelector('.example-status')!;
			const start = performance.now();
			await new Promise<void>((resolve) => {
				new MutationObserver((_, observer) => {
					if (!/^(Finished|Ended)/.test(status.textContent ?? '')) return;
					observer.disconnect();
					resolve();
				}).observe(status, { childList: true, characterData: true, subtree: true });
				(example.querySelector('button[data-action="run"]') as HTMLButtonElement).click();
			});
			return performance.now() - start;
		});
	const cold = await run();
	await quiet(page);
	await settled();
	const fetched = [...transfers];
	// The reader reads the output before running again.
	await page.waitForTimeout(READING_MS);
	const warm = await run();
	const memory = (await rendererMemory(browser)) - memoryBefore;
	// The reader goes on to another page: the page (and the runner it had started for its next Run) goes.
	await page.goto(nextUrl, { waitUntil: 'load' });
	await page.waitForLoadState('networkidle');
	const nextPage = await run();
	await context.close();
	return {
		cold,
		warm,
		nextPage,
		memory,
		requests: fetched.length,
		bytes: fetched.reduce((sum, t) => sum + t.bytes, 0),
		runtimeBytes: fetched.filter((t) => t.url.includes('/runtimes/')).reduce((sum, t) => sum + t.bytes, 0),
	};
}

/**
 * Builds (unless `build` is false), measures `runs` times and Lighthouse `lighthouseRuns` times,
 * writes .cache/bench/results.json and prints the tables; false when a budget is passed.
 */
export async function benchPages({ runs, lighthouseRuns, build }: { runs: number; lighthouseRuns: number; build: boolean }): Promise<boolean> {
	let buildSeconds: number | undefined;
	if (build) {
		const start = performance.now();
		const result = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
		if (result.status !== 0) throw new Error('npm run build failed');
		buildSeconds = (performance.now() - start) / 1000;
	}
	const { server, origin } = await serve();
	const browser = await launch();
	const pageRuns: Record<string, Awaited<ReturnType<typeof measurePage>>[]> = {};
	const searchRuns: Awaited<ReturnType<typeof measureSearch>>[] = [];
	const firstVisitRuns: Awaited<ReturnType<typeof measureFirstVisit>>[] = [];
	const exampleRuns: Record<string, Awaited<ReturnType<typeof measureRun>>[]> = {};
	for (let run = 0; run < runs; run++) {
		for (const [runtime, [path, next]] of Object.entries(EXAMPLE_PAGES)) (exampleRuns[runtime] ??= []).push(await measureRun(browser, `${origin}${base}${path}`, `${origin}${base}${next}`));
		for (const [name, path] of Object.entries(PAGES)) (pageRuns[name] ??= []).push(await measurePage(browser, `${origin}${base}${path}`));
		searchRuns.push(await measureSearch(browser, `${origin}${base}${PAGES['question 7 (runnable example in its note)']}`));
		firstVisitRuns.push(await measureFirstVisit(browser, `${origin}${base}${PAGES['question 7 (runnable example in its note)']}`));
	}
	await browser.close();
	const lighthouseScores = lighthouseRuns > 0 ? await measureLighthouse(origin, lighthouseRuns) : {};
	server.close();

	const pages = Object.fromEntries(
		Object.entries(pageRuns).map(([name, list]) => [
			name,
			Object.fromEntries(Object.keys(list[0]!).map((key) => [key, median(list.map((r) => r[key as keyof typeof r] as number))])),
		]),
	);
	const searchMedian = (which: 'cold' | 'warm') => {
		const list = searchRuns.map((r) => r[which]);
		const partNames = [...new Set(list.flatMap((r) => Object.keys(r.parts)))];
		return {
			ms: median(list.map((r) => r.ms)),
			bytes: median(list.map((r) => r.bytes)),
			requests: median(list.map((r) => r.requests)),
			parts: Object.fromEntries(
				partNames.map((part) => [part, { requests: median(list.map((r) => r.parts[part]?.requests ?? 0)), bytes: median(list.map((r) => r.parts[part]?.bytes ?? 0)) }]),
			),
		};
	};
	const results = {
		date: new Date().toISOString(),
		runs,
		node: process.version,
		buildSeconds,
		dist: folderSize(dist),
		searchIndex: folderSize(join(dist, 'pagefind')),
		pages,
		search: { cold: searchMedian('cold'), warm: searchMedian('warm') },
		longQuery: Object.fromEntries(LONG_QUERY_WORDS.map((words) => [words, median(searchRuns.map((r) => r.long[words]!))])),
		firstVisit: {
			controlledAfterMs: median(firstVisitRuns.map((r) => r.ms)),
			requests: median(firstVisitRuns.map((r) => r.requests)),
			bytes: median(firstVisitRuns.map((r) => r.bytes)),
			worker: median(firstVisitRuns.map((r) => r.worker)),
		},
		lighthouse: lighthouseScores,
		examples: Object.fromEntries(
			Object.entries(exampleRuns).map(([runtime, list]) => [runtime, Object.fromEntries(Object.keys(list[0]!).map((key) => [key, median(list.map((r) => r[key as keyof typeof r]))]))]),
		),
	};
	mkdirSync('.cache/bench', { recursive: true });
	writeFileSync('.cache/bench/results.json', `${JSON.stringify(results, null, 2)}\n`);

	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
	console.log(`\nMedians of ${runs} runs (transferred = compressed body + headers); JSON in .cache/bench/results.json\n`);
	console.table(
		Object.fromEntries(
			Object.entries(pages).map(([name, p]) => [
				name,
				{
					requests: p['requests'],
					transferred: kb(p['total']!),
					html: kb(p['html']!),
					css: kb(p['css']!),
					js: kb(p['js']!),
					'fonts+images': kb(p['font']! + p['image']!),
					'JS before interaction': kb(p['jsBeforeInteraction']!),
					'blocking scripts': p['renderBlockingScripts'],
					'DOMContentLoaded ms': p['domContentLoaded']!.toFixed(1),
					'load ms': p['load']!.toFixed(1),
				},
			]),
		),
	);
	for (const which of ['cold', 'warm'] as const) {
		const s = results.search[which];
		console.log(`Search, ${which} query "${SEARCHES[which]}": first results in ${s.ms.toFixed(1)} ms, ${s.requests} requests, ${kb(s.bytes)}`);
		console.table(Object.fromEntries(Object.entries(s.parts).map(([part, v]) => [part, { requests: v.requests, transferred: kb(v.bytes) }])));
	}
	for (const words of LONG_QUERY_WORDS) {
		console.log(`Search, ${words} made-up words (warm): "No question …" shown in ${results.longQuery[words]!.toFixed(1)} ms`);
	}
	console.log(
		`First visit to question 7 with the offline worker, until 2 s of network quiet: ${results.firstVisit.requests} requests, ${kb(results.firstVisit.bytes)} (the worker ${kb(results.firstVisit.worker)}); the worker controls the page ${results.firstVisit.controlledAfterMs.toFixed(0)} ms after load`,
	);
	console.log(`Runnable examples: the first Run on a page (bytes fetched, runtime files among them), click to output cold, warm (a second Run after ${READING_MS / 1000} s of reading) and on the next page in the same tab (runtime in the HTTP cache), renderer memory growth`);
	console.table(
		Object.fromEntries(
			Object.entries(results.examples).map(([runtime, r]) => [
				runtime,
				{
					requests: r['requests'],
					transferred: kb(r['bytes']!),
					'runtime files': kb(r['runtimeBytes']!),
					'cold ms': r['cold']!.toFixed(0),
					'warm ms': r['warm']!.toFixed(1),
					'next page ms': r['nextPage']!.toFixed(0),
					'memory MB': (r['memory']! / 1048576).toFixed(0),
				},
			]),
		),
	);
	if (lighthouseRuns > 0) {
		console.log(`Lighthouse scores (median of ${lighthouseRuns} run${lighthouseRuns === 1 ? '' : 's'} a page)`);
		console.table(lighthouseScores);
	}
	console.log(
		`Build: ${buildSeconds === undefined ? 'skipped' : `${buildSeconds.toFixed(1)} s`} · dist/: ${kb(results.dist.bytes)} in ${results.dist.files} files · search index: ${kb(results.searchIndex.bytes)} in ${results.searchIndex.files} files`,
	);

	// The budgets, on the medians.
	const q7 = results.pages['question 7 (runnable example in its note)']!;
	const over = overBudget({ bytes: q7['total']!, requests: q7['requests']! }, results.firstVisit);
	if (over.length > 0) {
		console.error(`\nOver budget:\n${over.map((line) => `- ${line}`).join('\n')}`);
		return false;
	}
	console.log(withinBudget({ bytes: q7['total']!, requests: q7['requests']! }, results.firstVisit));
	return true;
}
