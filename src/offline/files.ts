// What the worker (sw.ts) and the "save the guide" control (save-offline.ts) both do with the
// build's list of files: read it, tell whether a download is this build's copy of a file, and
// download the files not stored yet. Browser code without the DOM: it runs in both.
import { cacheKey, revisionOf, type OfflineList } from '../lib/offline.ts';

/** One file of the list, resolved against the worker's scope. */
export interface Entry {
	/** Relative to the scope, for messages: "python-fundamentals/". */
	path: string;
	url: string;
	revision: string | null;
	/** The cache key of this revision. */
	key: string;
	/** What downloading it costs, in bytes (text gzipped). */
	size: number;
}

/** The request header of the control's downloads: the worker lets them through untouched. */
export const SAVE_HEADER = 'x-offline-save';

/** The address without its query or fragment: `?q=…` and `?highlight=…` are the same file. */
export const plain = (url: string) => url.split(/[?#]/)[0]!;

/** The list's files by URL. */
export async function readList(response: Response, scope: string): Promise<Map<string, Entry>> {
	if (!response.ok) throw new Error(`HTTP ${response.status}`);
	const list = (await response.json()) as OfflineList;
	return new Map(
		list.map(([path, revision, size]) => {
			const url = new URL(path, scope).href;
			return [url, { path: path.slice(2) || './', url, revision, key: cacheKey(url, revision), size }];
		}),
	);
}

/** Whether a response is this build's copy of a file on the list (its SHA-256 is the revision). */
export async function isThisBuilds(entry: Entry | undefined, response: Response): Promise<boolean> {
	if (!entry || response.status !== 200 || response.redirected || response.type !== 'basic') return false;
	return !entry.revision || revisionOf(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer())) === entry.revision;
}

/** The saved guide's files not in the cache yet. */
export async function missing(entries: Map<string, Entry>, cache: Cache): Promise<Entry[]> {
	const have = new Set((await cache.keys()).map((request) => request.url));
	return [...entries.values()].filter((entry) => !have.has(entry.key));
}

/**
 * Downloads `entries` into `cache`, six at a time, calling `done` after each. Stops at the first
 * file that fails and returns it with the reason; nothing is retried, so a missing file costs one
 * failed request, not a download on every page view. Stops too, with no failure, once `signal` is
 * aborted (the downloads under way end first).
 */
export async function download(
	entries: Entry[],
	cache: Cache,
	done: () => void = () => {},
	signal?: AbortSignal,
): Promise<{ file: string; reason: string } | undefined> {
	const queue = entries[Symbol.iterator]();
	let failure: { file: string; reason: string } | undefined;
	const worker = async () => {
		for (const entry of queue) {
			if (failure || signal?.aborted) return;
			try {
				// A file whose name is not its hash is fetched past the HTTP cache, which may hold an earlier build's.
				const response = await fetch(entry.url, { cache: entry.revision ? 'reload' : 'default', headers: { [SAVE_HEADER]: '1' } });
				if (!response.ok) throw new Error(`HTTP ${response.status}`);
				if (!(await isThisBuilds(entry, response))) throw new Error('the site was updated meanwhile; reload the page');
				await cache.put(entry.key, response);
				done();
			} catch (error) {
				failure ??= { file: entry.path, reason: reasonOf(error) };
			}
		}
	};
	await Promise.all(Array.from({ length: 6 }, worker));
	return failure;
}

/** Why a file (or the list) could not be saved, in words for the reader. */
export function reasonOf(error: unknown): string {
	if (error instanceof TypeError) return 'no connection';
	// Cache.put's error when the site's share of the disk is used up.
	if (error instanceof DOMException && error.name === 'QuotaExceededError') return "no room left in this browser's storage for the site";
	return (error as Error).message;
}
