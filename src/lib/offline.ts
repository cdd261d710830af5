// Offline reading's rules, shared by the build step (src/offline/build.ts), the service worker
// (src/offline/sw.ts) and the "save the guide" control (src/offline/save-offline.ts). Pure: no
// DOM, no caches, no file system, so the unit tests check each rule on its own.
import { servedPath } from './links.ts';

/** Every cache the worker makes starts with this; any other cache of ours is an earlier design's. */
export const CACHE_PREFIX = 'sg-offline-';

/** The cache holding the guide's files, each under its revision's key (pages read and the saved guide). */
export const FILES_CACHE = `${CACHE_PREFIX}files`;

/** The cache holding the reader's choice (saved or removed), which outlives any build. */
export const CHOICE_CACHE = `${CACHE_PREFIX}choice`;

/** Our caches that no current worker uses: every `sg-offline-*` one but the two above. */
export function staleCaches(names: readonly string[]): string[] {
	return names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== FILES_CACHE && name !== CHOICE_CACHE);
}

/**
 * Files of the build that offline reading leaves out: link preview images and home-screen icons
 * (fetched by other apps, not while reading), crawler and host files, Pagefind's prebuilt UIs (the
 * site calls Pagefind's API from its own dialog), and the worker and its list.
 */
const NEVER_KEPT = [
	/^og\//,
	/^icons\//,
	/^sitemap.*\.xml$/,
	/^robots\.txt$/,
	/^_headers$/,
	/^sw\.js$/,
	/^offline\//,
	/^pagefind\/pagefind-(?:ui|modular-ui|component-ui)\.(?:js|css)$/,
	// The examples' runtimes (Pyodide, PGlite: megabytes): cached when a reader first runs an example.
	/^runtimes\//,
];

/**
 * Whether offline reading keeps a file of the build (path relative to its folder): a saved guide
 * holds every one it keeps, the whole-guide files too (the print page, the whole-guide flashcards,
 * the Markdown and Anki exports), so that every address the site links to opens offline.
 */
export const keptOffline = (file: string) => !NEVER_KEPT.some((pattern) => pattern.test(file));

/** The URL, relative to the worker's scope, a reader opens a file at: `python-fundamentals/index.html` is `./python-fundamentals/`. */
export const precacheUrl = (file: string) => `.${servedPath(file)}`;

/**
 * Files whose names change whenever their content does (Astro's bundles, Pagefind's index,
 * fragments, filters and WebAssembly): the name is the revision, so a cached copy is always right
 * and is served first. Everything else (pages, pagefind.js, its entry file) goes to the network
 * first, so a reader online always sees the current deploy, and falls back to the cache offline.
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

/** One file of the guide as the worker's list gives it. */
export interface OfflineEntry {
	/** Relative to the worker's scope: `./python-fundamentals/`. */
	url: string;
	/** The first 16 hex digits of the SHA-256 of the file; null where the name carries the content's hash. */
	revision: string | null;
	/** Bytes a host that compresses text sends for it (gzip), the figure the reader is told. */
	size: number;
}

/** The worker's list as the build writes it, compact because an update fetches it: `[url, revision, size]` for each file. */
export type OfflineList = [url: string, revision: string | null, size: number][];

/**
 * The key a file is cached under: its URL, plus its revision as Workbox writes it, so a file whose
 * content changed is a new key and the previous build's copy is a key no current entry has.
 */
export function cacheKey(url: string, revision: string | null): string {
	if (!revision) return url;
	const key = new URL(url);
	key.searchParams.set('__WB_REVISION__', revision);
	return key.href;
}

/** The cached requests (absolute URLs) that no entry of the current list has: files of earlier builds. */
export function staleKeys(cached: readonly string[], current: ReadonlySet<string>): string[] {
	return cached.filter((url) => !current.has(url));
}

/** The hex digits of a SHA-256 digest used as a revision (the same length in the build and the worker). */
export const revisionOf = (digest: ArrayBuffer | Uint8Array) =>
	[...new Uint8Array(digest)]
		.slice(0, 8)
		.map((byte) => byte.toString(16).padStart(2, '0'))
		.join('');

/** A download size as a reader reads it: "880 KB", "1.6 MB" (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`Not a size in bytes: ${bytes}`);
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
	const mb = bytes / 1024 / 1024;
	return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** A saving's progress in words: "212 of 348 files". */
export const progressText = (done: number, total: number) => `${done} of ${total} file${total === 1 ? '' : 's'}`;

/**
 * Whether a page asks the worker to save the guide without the reader asking: only when the site
 * runs as an installed app, and never when the browser asks to save data. (The worker then saves
 * only if the reader never chose: a removed copy is not saved again unasked.)
 */
export function shouldSaveOnItsOwn({ standalone, saveData }: { standalone: boolean; saveData: boolean }): boolean {
	return standalone && !saveData;
}

/** What the reader chose, kept across builds: `saved` makes each new build's worker update the copy. */
export type OfflineChoice = 'saved' | 'removed';

/** Where the reader's choice is kept (in CHOICE_CACHE), for the worker's scope. */
export const choiceKey = (scope: string) => new URL('./offline-choice', scope).href;

/** The sentence a failed save shows: what failed, and that the site still works online. */
export function failureText(file: string, reason: string): string {
	return `The guide could not be saved: ${file} did not download (${reason}). Pages you open online are still kept as you read them; try saving again later.`;
}

/** Why saving the runtimes stopped, in words for the reader. */
export function runtimesFailureText(file: string, reason: string): string {
	return `Python and PostgreSQL could not be saved: ${file} did not download (${reason}). The examples still run online; try again later.`;
}

/**
 * The attribute of the element that offers the examples' runtimes for offline use: the build writes
 * the address of their list into it (relative to the worker's scope; empty with no runtime) and
 * their download size as its text.
 */
export const RUNTIMES_MARK = 'data-runtimes';
const RUNTIMES_ELEMENT = /<span data-runtimes(?:="[^"]*")?((?:\s+[\w-]+(?:="[^"]*")?)*)>[^<]*<\/span>/g;

/** Writes the runtimes' list address and size into a page's offer ("about 37 MB"). */
export function fillRuntimesOffer(html: string, offer: { list: string; bytes: number } | null, file: string): string {
	if (!new RegExp(RUNTIMES_ELEMENT.source).test(html)) throw new Error(`${file}: no <span ${RUNTIMES_MARK}> to write the runtimes' size into`);
	return html.replace(RUNTIMES_ELEMENT, (_, attributes: string) =>
		offer ? `<span ${RUNTIMES_MARK}="${offer.list}"${attributes}>about ${formatBytes(offer.bytes)}</span>` : `<span ${RUNTIMES_MARK}=""${attributes}></span>`,
	);
}

/** The attribute of the element that says how big the saved guide is; the build fills it in. */
export const GUIDE_SIZE_MARK = 'data-offline-size';
/** The element, with any attributes Astro adds (its scoped-style id) and the ones the build writes. */
const SIZE_ELEMENT = /<span data-offline-size((?:\s+[\w-]+(?:="[^"]*")?)*)>[^<]*<\/span>/g;

/** The saved guide's size in words: "348 files, about 1.6 MB". */
export const guideSizeText = ({ files, bytes }: { files: number; bytes: number }) => `${files} files, about ${formatBytes(bytes)}`;

/**
 * Writes the saved guide's size into a page's size elements, in words only: the exact byte count
 * would change the page with every edit anywhere, and a saved copy would download it again.
 * `file` names the page in the error when it has none.
 */
export function fillGuideSize(html: string, size: { files: number; bytes: number }, file: string): string {
	if (!new RegExp(SIZE_ELEMENT.source).test(html)) throw new Error(`${file}: no <span ${GUIDE_SIZE_MARK}> to write the saved guide's size into`);
	return html.replace(SIZE_ELEMENT, (_, attributes: string) => {
		return `<span ${GUIDE_SIZE_MARK}${attributes}>${guideSizeText(size)}</span>`;
	});
}
