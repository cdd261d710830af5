// The service worker, bundled on its own to /sw.js by src/offline/build.ts. A first visit installs
// it and downloads nothing else: the build's list of files (a revision per file) is a file of its
// own, fetched once the worker has something to store. Pages and search files are kept as they are
// read, under their revision's key; the "save the guide" control (save-offline.ts) stores the rest.
// A new build's worker downloads, for a reader who saved the guide, only the files whose revision
// changed, and on activation deletes every key its list does not have, so no earlier build's file
// stays behind. The caching strategies are Workbox's; the list, keys and rules are src/lib/offline.ts.
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { CacheFirst, Strategy, type StrategyHandler } from 'workbox-strategies';
import { CHOICE_CACHE, choiceKey, FILES_CACHE, isImmutable, isRuntime, RUNTIME_CACHE, staleCaches, staleKeys } from '../lib/offline.ts';
import { download, isThisBuilds, missing, plain, readList, SAVE_HEADER, type Entry } from './files.ts';

// The list's address, relative to the worker, named after the list's content: the project's one
// compile-time global (esbuild `define`, src/offline/build.ts). As a module (virtual:build/…, as
// the other build values are) the minifier keeps it in a variable of its own, and the worker's 9
// bytes more put question 7's first visit over its budget (17,417 bytes against 17,408).
declare const __OFFLINE_LIST__: string;

// The few service-worker types used here (the project's TypeScript library is the DOM's).
interface ExtendableEvent extends Event {
	waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
	request: Request;
	respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
	ports: readonly MessagePort[];
}
declare const self: {
	registration: { scope: string; active: object | null };
	skipWaiting(): Promise<void>;
	clients: { claim(): Promise<void>; matchAll(options: { type: 'window' }): Promise<{ url: string }[]> };
	addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
	addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
	addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
};

const scope = self.registration.scope;
const LIST_URL = new URL(__OFFLINE_LIST__, location.href).href;
const FALLBACK = new URL('./404.html', scope).href;

let list: Promise<Map<string, Entry>> | undefined;
/**
 * This build's files by URL, fetched the first time the worker stores something (never on a first
 * visit). A list that is gone (404) means a newer deploy, which the browser finds at the next page:
 * this worker then stores nothing more and does not ask for its list again. It does not call
 * update() then: in Chromium the newer worker sometimes stayed waiting after that (1 run in 6 of the
 * update test). Any other failure is tried again.
 */
const files = () =>
	(list ??= fetch(LIST_URL).then(
		(response) => {
			if (response.status !== 404 && !response.ok) list = undefined;
			return readList(response, scope);
		},
		(error: unknown) => {
			list = undefined;
			throw error;
		},
	));

/**
 * Whether a response is this build's copy of a file on its list. A page from a newer deploy is shown,
 * not stored; the browser finds the newer worker at the next page (update() is not called, as above).
 */
const isOurs = async (url: string, response: Response) => isThisBuilds((await files()).get(plain(url)), response);

/** Stores what is read under its revision's key, and only this build's copies of files on its list. */
const keepAsRead: WorkboxPlugin = {
	cacheKeyWillBeUsed: async ({ request, mode }) => (mode === 'read' ? request : ((await files()).get(plain(request.url))?.key ?? request)),
	cacheWillUpdate: async ({ request, response }) => ((await isOurs(request.url, response)) ? response : null),
};
// A file is found by its address whatever its revision key: only this build's keys are left after
// activation. Hosts send Vary (Accept-Encoding), which says nothing about the files here.
const matchOptions = { ignoreSearch: true, ignoreVary: true };
/**
 * Network first, the stored copy when the network fails: Workbox's NetworkFirst without the timeout
 * it offers, on Workbox's own Strategy base. Every first visit downloads the worker, within a 16 KB
 * budget, and the timeout code unused here weighed 0.25 KB of it gzipped.
 */
class NetworkFirst extends Strategy {
	async _handle(request: Request, handler: StrategyHandler): Promise<Response> {
		try {
			return await handler.fetchAndCachePut(request);
		} catch (error) {
			const stored = await handler.cacheMatch(request);
			if (stored) return stored;
			throw error;
		}
	}
}
const networkFirst = new NetworkFirst({ cacheName: FILES_CACHE, plugins: [keepAsRead], matchOptions });
const cacheFirst = new CacheFirst({ cacheName: FILES_CACHE, plugins: [keepAsRead], matchOptions });
// The examples' runtimes are on no list: kept as first fetched, in a cache no build's update touches
// (their paths name their versions, so a kept file never goes stale).
const runtimeFirst = new CacheFirst({ cacheName: RUNTIME_CACHE, matchOptions: { ignoreVary: true } });
const networkOnly = { handle: ({ request }: { request: Request }) => fetch(request) };

/**
 * A first visit: from the first worker's taking over the pages open before it existed until the
 * reader opens another page. Meanwhile what the pages fetch (a search, the favicon, their workers')
 * comes from the network and is not stored, so that a first visit stores nothing and downloads no
 * list; it is noted, to be kept at the next page with the pages themselves. A worker that restarts
 * treats the first visit as over.
 */
let firstVisit = false;
const fetchedOnFirstVisit = new Set<string>();

/** Deletes every stored file that is not on this build's list: an earlier build's. */
async function removeEarlierBuilds() {
	if (!(await caches.has(FILES_CACHE))) return;
	const cache = await caches.open(FILES_CACHE);
	const cached = (await cache.keys()).map((request) => request.url);
	if (cached.length === 0) return;
	const current = new Set([...(await files()).values()].map((entry) => entry.key));
	await Promise.all(staleKeys(cached, current).map((url) => cache.delete(url)));
}

/** Set when activation could not remove an earlier build's files (its list did not download). */
let earlierBuildLeft = false;

/**
 * Once in a worker's life, at the first page it serves: removes an earlier build's files where
 * activation could not, and keeps what a first visit read (its pages and the files they fetched)
 * and the 404 page, which stands in offline for an address not stored, from the HTTP cache where it
 * still has them.
 */
let caughtUp = false;
async function catchUp() {
	if (caughtUp) return;
	caughtUp = true;
	firstVisit = false;
	// Asked first: the page being left is still open while the next one loads.
	const open = self.clients.matchAll({ type: 'window' });
	if (earlierBuildLeft) {
		await removeEarlierBuilds();
		earlierBuildLeft = false;
	}
	const [entries, cache, windows] = await Promise.all([files(), caches.open(FILES_CACHE), open]);
	const urls = new Set([...windows.map((client) => plain(client.url)), ...fetchedOnFirstVisit, FALLBACK]);
	await Promise.all(
		[...urls].map(async (url) => {
			const entry = entries.get(url);
			if (!entry || (await cache.match(entry.key))) return;
			const response = await fetch(url, { cache: 'force-cache' });
			if (await isThisBuilds(entry, response)) await cache.put(entry.key, response);
		}),
	);
	fetchedOnFirstVisit.clear();
}

self.addEventListener('install', (event) => {
	// No page is this worker's before it activates; with no worker before it, its takeover is a first visit.
	firstVisit = self.registration.active === null;
	// A new build's worker takes over at once: pages, list and files are then one build.
	void self.skipWaiting();
	// A reader who saved the guide gets what changed before this build takes over. A failure leaves the
	// copy incomplete (the control says so) and is not thrown: a failed install is retried on every page view.
	event.waitUntil(
		(async () => {
			if ((await (await caches.match(choiceKey(scope), { cacheName: CHOICE_CACHE }))?.text()) !== 'saved') return;
			const cache = await caches.open(FILES_CACHE);
			await download(await missing(await files(), cache), cache);
		})().catch(() => {}),
	);
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			await Promise.all(staleCaches(await caches.keys()).map((name) => caches.delete(name)));
			// Left for the first page if the list cannot be had now: a stored file of an earlier build
			// could be served in place of this build's copy.
			await removeEarlierBuilds().catch(() => void (earlierBuildLeft = true));
		})()
			.catch(() => {})
			.then(() => self.clients.claim()),
	);
});

self.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	// Not ours to keep: other sites, other methods, the worker itself, the control's own downloads.
	if (request.method !== 'GET' || !url.href.startsWith(scope) || url.href === location.href || request.headers.has(SAVE_HEADER)) return;
	const page = request.mode === 'navigate';
	const runtime = isRuntime(url.pathname);
	// On a first visit, a file is fetched and noted, not stored (a runtime is: the reader ran an example).
	const firstVisitFile = firstVisit && !page && !runtime;
	if (firstVisitFile) fetchedOnFirstVisit.add(plain(url.href));
	const strategy = firstVisitFile ? networkOnly : runtime ? runtimeFirst : isImmutable(url.pathname) ? cacheFirst : networkFirst;
	event.respondWith(
		strategy.handle({ event: event as never, request }).catch(async (error: unknown) => {
			// Offline, a page never stored: the site's 404 page, where it is kept, with a 404 as a host
			// answers it; a first visit's file: the saved copy, if the reader saved the guide on that page.
			const fallback = await caches.match(page ? FALLBACK : request, matchOptions);
			if (fallback) return page ? new Response(fallback.body, { status: 404, headers: fallback.headers }) : fallback;
			throw error;
		}),
	);
	if (page) event.waitUntil(catchUp().catch(() => void (caughtUp = false)));
});

// The control asks which list this worker serves, so that it saves this build's files.
self.addEventListener('message', (event) => event.ports[0]?.postMessage(LIST_URL));
