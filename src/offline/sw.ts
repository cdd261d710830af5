// The service worker: on install it caches the whole site for offline reading (the build lists the
// files and a version, see src/integrations/offline.ts); on activate it deletes earlier versions'
// caches, so an update never leaves stale pages behind. Bundled on its own to /sw.js.
import { cacheName, isImmutable, isRuntime, OFFLINE_FALLBACK, RUNTIME_CACHE, staleCaches } from '../lib/offline.ts';

// Set by the build (esbuild `define`).
declare const __PRECACHE__: string[];
declare const __VERSION__: string;

// The few service-worker types used here (the DOM library does not have them).
interface ExtendableEvent extends Event {
	waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
	request: Request;
	respondWith(response: Promise<Response>): void;
}
declare const self: {
	registration: { scope: string };
	skipWaiting(): Promise<void>;
	clients: { claim(): Promise<void> };
	addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
	addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
};

const CACHE = cacheName(__VERSION__);
const scope = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			// `reload`: fresh from the server, not from the HTTP cache of a previous deploy.
			await cache.addAll(__PRECACHE__.map((url) => new Request(new URL(url, scope), { cache: 'reload' })));
			await self.skipWaiting();
		})(),
	);
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			await Promise.all(staleCaches(await caches.keys(), CACHE).map((name) => caches.delete(name)));
			await self.clients.claim();
		})(),
	);
});

self.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
	event.respondWith(respond(request, url));
});

/** Cache first for files whose names carry their content's hash; network first for the rest. */
async function respond(request: Request, url: URL): Promise<Response> {
	if (isRuntime(url.pathname)) return runtimeFile(request);
	const cache = await caches.open(CACHE);
	// Search state and Pagefind's cache-busting live in the query: the cached file is the same. The
	// site's files do not change with request headers, though servers send Vary (Origin, Accept-Encoding).
	const cached = () => cache.match(request, { ignoreSearch: true, ignoreVary: true });
	if (isImmutable(url.pathname)) return (await cached()) ?? fetch(request);
	try {
		return await fetch(request);
	} catch (error) {
		const fallback = (await cached()) ?? (request.mode === 'navigate' ? await cache.match(new URL(OFFLINE_FALLBACK, scope), { ignoreVary: true }) : undefined);
		if (fallback) return fallback;
		throw error;
	}
}

/** A runtime file: from its cache, else from the network, kept for next time (its path is versioned, so it never goes stale). */
async function runtimeFile(request: Request): Promise<Response> {
	const cache = await caches.open(RUNTIME_CACHE);
	const cached = await cache.match(request, { ignoreVary: true });
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok) await cache.put(request, response.clone());
	return response;
}
