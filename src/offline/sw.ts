// The service worker, bundled on its own to /sw.js by src/offline/build.ts. A first visit installs
// it and downloads nothing else: the build's list of files (a revision per file) is a file of its
// own, fetched once the worker has something to store. Pages and search files are kept as they are
// read, under their revision's key; the "save the guide" control (save-offline.ts) stores the rest.
// A new build's worker downloads, for a reader who saved the guide, only the files whose revision
// changed, and on activation deletes every key its list does not have, so no earlier build's file
// stays behind. The caching strategies are Workbox's; the list, keys and rules are src/lib/offline.ts.
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { CHOICE_CACHE, choiceKey, FILES_CACHE, isImmutable, isRuntime, RUNTIME_CACHE, staleCaches, staleKeys } from '../lib/offline.ts';
import { download, isThisBuilds, missing, plain, readList, SAVE_HEADER, type Entry } from './files.ts';

// Set by the build (esbuild `define`): the list's address, relative to the worker.
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
	registration: { scope: string; active: object | null; update(): Promise<unknown> };
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
 * visit). A list that is gone means a newer deploy: this worker then stores nothing more, asks for
 * the newer worker, and does not ask for its list again; any other failure is tried again.
 */
function files() {
	if (list) return list;
	let gone = false;
	return (list = fetch(LIST_URL)
		.then((response) => {
			gone = response.status === 404 || response.status === 410;
			if (gone) void self.registration.update().catch(() => {});
			return readList(response, scope);
		})
		.catch((error: unknown) => {
			if (!gone) list = undefined;
			throw error;
		}));
}

/** A page whose hash is not this build's comes from a newer deploy: shown, not stored, and the newer worker fetched. */
async function isOurs(url: string, response: Response) {
	const entry = (await files()).get(plain(url));
	const ours = await isThisBuilds(entry, response);
	if (entry && !ours && response.status === 200) void self.registration.update().catch(() => {});
	return ours;
}

/** Stores what is read under its revision's key, and only this build's copies of files on its list. */
const keepAsRead: WorkboxPlugin = {
	cacheKeyWillBeUsed: async ({ request, mode }) => (mode === 'read' ? request : ((await files()).get(plain(request.url))?.key ?? request)),
	cacheWillUpdate: async ({ request, response }) => ((await isOurs(request.url, response)) ? response : null),
};
// A file is found by its address whatever its revision key: only this build's keys are left after
// activation. Hosts send Vary (Accept-Encoding), which says nothing about the files here.
const matchOptions = { ignoreSearch: true, ignoreVary: true };
const networkFirst = new NetworkFirst({ cacheName: FILES_CACHE, plugins: [keepAsRead], matchOptions });
const cacheFirst = new CacheFirst({ cacheName: FILES_CACHE, plugins: [keepAsRead], matchOptions });
// The examples' runtimes are on no list: kept as first fetched, in a cache no build's update touches
// (their paths name their versions, so a kept file never goes stale).
const runtimeFirst = new CacheFirst({ cacheName: RUNTIME_CACHE, matchOptions: { ignoreVary: true } });

/**
 * A first visit: from the first worker's taking over the pages open before it existed until the
 * reader opens another page. Meanwhile what the pages fetch (a search, the favicon, their workers')
 * comes from the network and is not stored, so that a first visit stores nothing and downloads no
 * list; it is noted, to be kept at the next page with the pages themselves. A worker that restarts
 * treats the first visit as over.
 */
let firstVisit = false;
const fetchedOnFirstVisit = new Set<string>();

/**
 * At the next page, keeps what the first visit read (its pages and the files they fetched) and the
 * 404 page, which stands in offline for an address not stored: from the HTTP cache where it still
 * has them. Also run once by a worker that restarted, for the pages open then.
 */
let caughtUp = false;
async function keepFirstVisit() {
	if (caughtUp) return;
	caughtUp = true;
	firstVisit = false;
	const [entries, cache, windows] = await Promise.all([files(), caches.open(FILES_CACHE), self.clients.matchAll({ type: 'window' })]);
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

let isFirstWorker = false;
self.addEventListener('install', (event) => {
	isFirstWorker = self.registration.active === null;
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
			// Every stored file that is not on this build's list is an earlier build's.
			const cache = (await caches.has(FILES_CACHE)) ? await caches.open(FILES_CACHE) : undefined;
			const cached = cache ? (await cache.keys()).map((request) => request.url) : [];
			if (cache && cached.length > 0) {
				const current = new Set([...(await files()).values()].map((entry) => entry.key));
				await Promise.all(staleKeys(cached, current).map((url) => cache.delete(url)));
			}
		})()
			.catch(() => {})
			.then(() => {
				firstVisit = isFirstWorker;
				return self.clients.claim();
			}),
	);
});

self.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	// Not ours to keep: other sites, other methods, the worker itself, the control's own downloads.
	if (request.method !== 'GET' || !url.href.startsWith(scope) || url.href === location.href || request.headers.has(SAVE_HEADER)) return;
	// A runtime is kept as fetched even on a first visit: the reader ran an example.
	if (isRuntime(url.pathname)) return event.respondWith(runtimeFirst.handle({ event: event as never, request }));
	if (firstVisit && request.mode !== 'navigate') {
		fetchedOnFirstVisit.add(plain(url.href));
		// Stored only when the reader saved the guide on this first page: offline, it is there.
		return event.respondWith(fetch(request).catch(async (error: unknown) => (await caches.match(request, matchOptions)) ?? Promise.reject(error)));
	}
	event.respondWith(
		(isImmutable(url.pathname) ? cacheFirst : networkFirst).handle({ event: event as never, request }).catch(async (error: unknown) => {
			// Offline, an address never stored: the site's 404 page, where it is kept, for a page.
			const fallback = request.mode === 'navigate' ? await caches.match(FALLBACK, matchOptions) : undefined;
			if (fallback) return fallback;
			throw error;
		}),
	);
	if (request.mode === 'navigate') event.waitUntil(keepFirstVisit().catch(() => void (caughtUp = false)));
});

// The control asks which list this worker serves, so that it saves this build's files.
self.addEventListener('message', (event) => event.ports[0]?.postMessage(LIST_URL));
