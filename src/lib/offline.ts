// What the service worker (src/offline/sw.ts) keeps for offline reading, and how it names its cache.
// Pure: the build decides the file list and version, the worker and the tests share these rules.
import { servedPath } from './urls.ts';

/** Every cache the worker makes starts with this; the part after it is the build's version. */
export const CACHE_PREFIX = 'sg-offline-';

export const cacheName = (version: string) => `${CACHE_PREFIX}${version}`;

/** The worker's caches from earlier builds: every one of ours but the current version's. */
export function staleCaches(names: readonly string[], current: string): string[] {
	return names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== current);
}

/**
 * Files of the build that offline reading does not need: link preview images and home-screen icons
 * (fetched by other apps, not while reading), crawler and host files, and Pagefind's prebuilt UIs,
 * which the site does not use (it calls Pagefind's API from its own search dialog).
 */
const NOT_OFFLINE = [
	/^og\//,
	/^icons\//,
	/^sitemap.*\.xml$/,
	/^robots\.txt$/,
	/^_headers$/,
	/^sw\.js$/,
	/^pagefind\/pagefind-(?:ui|modular-ui|component-ui)\.(?:js|css)$/,
	// The examples' runtimes (Pyodide, PGlite: megabytes): cached when a reader first runs an example.
	/^runtimes\//,
];

/** The files of the build (paths relative to its folder) that a first visit caches: every page, asset, script and search file. */
export function precacheFiles(files: readonly string[]): string[] {
	return files.filter((file) => !NOT_OFFLINE.some((pattern) => pattern.test(file))).sort();
}

/** The URL, relative to the worker's scope, a reader opens a file at: `python-fundamentals/index.html` is `./python-fundamentals/`. */
export const precacheUrl = (file: string) => `.${servedPath(file)}`;

/**
 * Files whose names change whenever their content does (Astro's bundles, Pagefind's index,
 * fragments, filters and WebAssembly): the cached copy is always right, so it is served first.
 * Everything else (pages, pagefind.js, its entry file) goes to the network first, so a reader
 * online always sees the current deploy, and falls back to the cache offline.
 */
export function isImmutable(path: string): boolean {
	return /\/_astro\//.test(path) || /\/pagefind\/(?:fragment|index|filter)\/|\/pagefind\/wasm\.[\w-]+\.pagefind$/.test(path);
}

/**
 * The examples' runtimes, under versioned folders (`runtimes/pyodide-314.0.7/…`): kept as read in a
 * cache of their own that outlives site updates (the path changes when a runtime does), served
 * from that cache first.
 */
export const RUNTIME_CACHE = 'sg-runtimes';
export const isRuntime = (path: string) => /\/runtimes\/[\w.@-]+-\d[\w.-]*\//.test(path);

/** The page a navigation gets offline when the address was never cached: the site's 404 page. */
export const OFFLINE_FALLBACK = './404.html';

/**
 * Registers the worker once the page has loaded (so caching never competes with the first
 * render). Inline, so every page costs no extra request; hashed into the CSP in astro.config.ts.
 * The worker's URL comes from the script's data-worker attribute, so one hash serves any base path.
 */
export const OFFLINE_REGISTER_SCRIPT =
	"{const url=document.currentScript.dataset.worker;if('serviceWorker' in navigator)addEventListener('load',()=>navigator.serviceWorker.register(url,{updateViaCache:'none'}).catch(()=>{}))}";
