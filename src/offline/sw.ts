// The service worker, bundled on its own to /sw.js by src/offline/build.ts. A first visit installs
// it and nothing else: the guide's file list (with a revision per file) is a separate file, fetched
// only once the worker has something to store. Pages and search files are kept as they are read,
// under their revision's key; "Save the guide" (src/offline/save-offline.ts) asks for the rest. A
// new build's worker downloads, for a reader who saved the guide, only the files whose revision
// changed, and on activation deletes every key its list does not have, so no earlier build's file
// stays behind. Caching strategies are Workbox's; the list, keys and rules are src/lib/offline.ts.
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import {
	CHOICE_CACHE,
	FILES_CACHE,
	cacheKey,
	isImmutable,
	revisionOf,
	staleCaches,
	staleKeys,
	type FromWorker,
	type OfflineChoice,
	type OfflineList,
	type ToWorker,
} from '../lib/offline.ts';

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
	data: ToWorker;
}
interface WindowClient {
	url: string;
	postMessage(message: FromWorker): void;
}
declare const self: {
	registration: { scope: string; update(): Promise<unknown> };
	skipWaiting(): Promise<void>;
	clients: { claim(): Promise<void>; matchAll(options: { type: 'window'; includeUncontrolled?: boolean }): Promise<WindowClient[]> };
	addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
	addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
	addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
};

const scope = self.registration.scope;
const LIST_URL = new URL(__OFFLINE_LIST__, location.href).href;
const CHOICE_KEY = new URL('./offline-choice', scope).href;
const FALLBACK = new URL('./404.html', scope).href;

interface Entry {
	/** Relative to the scope, for messages: "python-fundamentals/". */
	path: string;
	url: string;
	revision: string | null;
	key: string;
}

/** The address without its query: `?q=…` and `?highlight=…` are the same file. */
const plain = (url: string) => url.split(/[?#]/)[0]!;

let list: Promise<Map<string, Entry>> | undefined;
/** This build's files by URL, fetched the first time the worker needs them (never on a first visit). */
function files(): Promise<Map<string, Entry>> {
	list ??= fetch(LIST_URL)
		.then(async (response) => {
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			// Kept beside the reader's choice, so the saved guide's state can be told offline too.
			await (await caches.open(CHOICE_CACHE)).put(LIST_URL, response.clone());
			return response;
		})
		.catch(async (error: unknown) => (await caches.match(LIST_URL, { cacheName: CHOICE_CACHE })) ?? Promise.reject(error))
		.then(async (response) => {
			const entries = (await response.json()) as OfflineList;
			return new Map(
				entries.map(([path, revision]) => {
					const url = new URL(path, scope).href;
					return [url, { path: path.slice(2) || './', url, revision, key: cacheKey(url, revision) }];
				}),
			);
		})
		.catch((error: unknown) => {
			list = undefined;
			throw error;
		});
	return list;
}

/**
 * Whether a response is this build's copy of a file on the list. A page whose hash differs comes
 * from a newer deploy: it is shown but not stored, and the newer worker is fetched to take over.
 */
async function isThisBuilds(entry: Entry | undefined, response: Response): Promise<boolean> {
	if (!entry || response.status !== 200 || response.redirected || response.type !== 'basic') return false;
	if (!entry.revision) return true;
	const same = revisionOf(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer())) === entry.revision;
	if (!same) void self.registration.update().catch(() => {});
	return same;
}

/** Stores what is read under its revision's key, and only files of this build's list. */
const keepAsRead: WorkboxPlugin = {
	cacheKeyWillBeUsed: async ({ request, mode }) =>
		mode === 'read' ? request : ((await files()).get(plain(request.url))?.key ?? request),
	cacheWillUpdate: async ({ request, response }) =>
		(await isThisBuilds((await files()).get(plain(request.url)), response)) ? response : null,
};
// A cached file is found by its address whatever its revision key; only this build's keys are left
// after activation. Hosts send Vary (Accept-Encoding), which says nothing about the files here.
const matchOptions = { ignoreSearch: true, ignoreVary: true };
const networkFirst = new NetworkFirst({ cacheName: FILES_CACHE, plugins: [keepAsRead], matchOptions });
const cacheFirst = new CacheFirst({ cacheName: FILES_CACHE, plugins: [keepAsRead], matchOptions });

async function choice(): Promise<OfflineChoice | undefined> {
	const stored = await (await caches.open(CHOICE_CACHE)).match(CHOICE_KEY);
	return stored ? ((await stored.text()) as OfflineChoice) : undefined;
}
async function choose(value: OfflineChoice) {
	await (await caches.open(CHOICE_CACHE)).put(CHOICE_KEY, new Response(value));
}

async function tell(message: FromWorker) {
	for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(message);
}

/** Deletes every cached file that is not on this build's list (an earlier build's copy). */
async function removeEarlierBuilds() {
	const cache = await caches.open(FILES_CACHE);
	const cached = (await cache.keys()).map((request) => request.url);
	if (cached.length === 0) return;
	const current = new Set([...(await files()).values()].map((entry) => entry.key));
	await Promise.all(staleKeys(cached, current).map((url) => cache.delete(url)));
}

/** How many of the list's files are stored. */
async function stored(entries: Map<string, Entry>): Promise<number> {
	const have = new Set((await (await caches.open(FILES_CACHE)).keys()).map((request) => request.url));
	return [...entries.values()].filter((entry) => have.has(entry.key)).length;
}

let saving: Promise<void> | undefined;
/**
 * Downloads the list's files that are not stored yet, six at a time, telling the pages how far it
 * got. The first file that fails stops it with a message naming the file; nothing retries on its
 * own, so a missing file costs one failed request, not a download on every page view.
 */
function save(): Promise<void> {
	saving ??= (async () => {
		const entries = await files();
		const cache = await caches.open(FILES_CACHE);
		const total = entries.size;
		let done = await stored(entries);
		const have = new Set((await cache.keys()).map((request) => request.url));
		const queue = [...entries.values()].filter((entry) => !have.has(entry.key))[Symbol.iterator]();
		let failure: { file: string; reason: string } | undefined;
		await tell({ type: 'progress', done, total });
		const download = async () => {
			for (const entry of queue) {
				if (failure) return;
				try {
					// A file whose name is not its hash is fetched past the HTTP cache, which may hold an earlier build's.
					const response = await fetch(entry.url, { cache: entry.revision ? 'reload' : 'default' });
					if (!response.ok) throw new Error(`HTTP ${response.status}`);
					if (!(await isThisBuilds(entry, response))) throw new Error('the site was updated meanwhile; reload the page');
					await cache.put(entry.key, response);
					await tell({ type: 'progress', done: ++done, total });
				} catch (error) {
					failure ??= { file: entry.path, reason: error instanceof TypeError ? 'no connection' : (error as Error).message };
				}
			}
		};
		await Promise.all(Array.from({ length: 6 }, download));
		await tell(failure ? { type: 'failed', ...failure, stored: done, total } : { type: 'saved', total });
	})().finally(() => (saving = undefined));
	return saving;
}

/**
 * Keeps the pages open before the worker controlled them (the first page of a first visit is
 * fetched before the worker exists) and the 404 page, which stands in offline for any address
 * not stored. From the HTTP cache where it still has them; once per worker, at the next page.
 */
let caughtUp = false;
async function keepOpenPages() {
	if (caughtUp) return;
	caughtUp = true;
	const [entries, cache, windows] = await Promise.all([files(), caches.open(FILES_CACHE), self.clients.matchAll({ type: 'window' })]);
	for (const url of new Set([...windows.map((client) => plain(client.url)), FALLBACK])) {
		const entry = entries.get(url);
		if (!entry || (await cache.match(entry.key))) continue;
		const response = await fetch(url, { cache: 'force-cache' });
		if (await isThisBuilds(entry, response)) await cache.put(entry.key, response);
	}
}

self.addEventListener('install', (event) => {
	// A new build's worker takes over at once: its pages, list and files are one build.
	void self.skipWaiting();
	// For a reader who saved the guide, fetch what changed before this build takes over. A failure is
	// reported, not thrown: a failed install would be retried on every page view.
	event.waitUntil((async () => ((await choice()) === 'saved' ? save().catch(() => {}) : undefined))());
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			await Promise.all(staleCaches(await caches.keys()).map((name) => caches.delete(name)));
			await removeEarlierBuilds().catch(() => {});
			// Earlier builds' lists.
			const kept = await caches.open(CHOICE_CACHE);
			for (const request of await kept.keys()) if (request.url !== CHOICE_KEY && request.url !== LIST_URL) await kept.delete(request);
			await self.clients.claim();
		})(),
	);
});

self.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== location.origin || !url.href.startsWith(scope) || url.href === location.href) return;
	event.respondWith(
		(isImmutable(url.pathname) ? cacheFirst : networkFirst).handle({ event: event as never, request }).catch(async (error: unknown) => {
			// Offline, an address never stored: the site's 404 page where it is kept, for a page.
			const fallback = request.mode === 'navigate' ? await caches.match(FALLBACK, matchOptions) : undefined;
			if (fallback) return fallback;
			throw error;
		}),
	);
	if (request.mode === 'navigate') event.waitUntil(keepOpenPages().catch(() => void (caughtUp = false)));
});

self.addEventListener('message', (event) => {
	const message = event.data;
	event.waitUntil(
		(async () => {
			if (message.type === 'save') {
				if (message.auto && (await choice()) !== undefined) return;
				await choose('saved');
				await removeEarlierBuilds().catch(() => {});
				await save().catch((error: unknown) =>
					tell({ type: 'failed', file: 'the list of files', reason: error instanceof TypeError ? 'no connection' : String(error), stored: 0, total: 0 }),
				);
			} else if (message.type === 'remove') {
				await choose('removed');
				await caches.delete(FILES_CACHE);
				await tell({ type: 'removed' });
			} else if (message.type === 'status') {
				const chosen = await choice();
				const entries = chosen === 'saved' ? await files().catch(() => undefined) : undefined;
				await tell({ type: 'status', choice: chosen, stored: entries ? await stored(entries) : 0, total: entries?.size ?? 0 });
			}
		})(),
	);
});
