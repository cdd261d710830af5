// The pages and cards a build leaves in dist/ for the next one. Astro's incremental build reuses a
// page whose cacheKey and code are unchanged, but only after emptying dist/ and copying the page back
// from its own cache (node_modules/.astro/dist/): at 1,000 questions, 3,287 copies and 0.9 s of
// emptying in every rebuild. Astro skips the copy when the page is already in dist/, so the build
// empties dist/ itself instead, leaving the pages the last build made where they are; Astro renders
// again the ones that changed, and what the new build did not make is removed before the search
// index and the offline worker read the site.
import { mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What a build left, as its last step wrote it: the folder, and each page's size and modification
 * time, so that a page changed since (by hand, or a deploy tool) is not taken for the build's own.
 */
interface KeptRecord {
	site: string;
	pages: Record<string, [size: number, mtimeMs: number]>;
}

const toPosix = (path: string) => path.split(sep).join('/');

/** The folders a page is in, innermost first ("a/b/c.html": "a/b", then "a"). */
function* foldersOf(page: string): Generator<string> {
	for (let folder = dirname(page); folder !== '.'; folder = dirname(folder)) yield folder;
}

/** The files each route wrote or kept in this build (Astro's `assets` at build:done), relative to `site`. */
export function routeOutputs(site: string, assets: Map<string, URL[]>): Set<string> {
	return new Set([...assets.values()].flat().map((url) => toPosix(relative(site, fileURLToPath(url)))));
}

/**
 * Reads and removes the record: a build that fails after it has begun to change `site` leaves none,
 * and the next one keeps nothing. Returns the pages still as the last build left them.
 */
export function takeKeptPages(recordFile: string, site: string): Set<string> {
	let record: KeptRecord;
	try {
		record = JSON.parse(readFileSync(recordFile, 'utf8'));
	} catch {
		return new Set();
	}
	rmSync(recordFile, { force: true });
	if (record?.site !== site || typeof record.pages !== 'object' || record.pages === null) return new Set();
	const kept = new Set<string>();
	for (const [page, facts] of Object.entries(record.pages)) {
		if (!Array.isArray(facts) || page.startsWith('/') || page.split('/').includes('..')) continue;
		const stat = statSync(join(site, page), { throwIfNoEntry: false });
		// Gone or changed since: Astro renders the page again or copies it from its cache.
		if (stat?.isFile() && stat.size === facts[0] && stat.mtimeMs === facts[1]) kept.add(page);
	}
	return kept;
}

/** Empties `site` as Astro would at the start of a build, but for the `kept` pages (paths relative to it). */
export function emptyExcept(site: string, kept: Set<string>): void {
	const keptFolders = new Set([...kept].flatMap((page) => [...foldersOf(page)]));
	const empty = (folder: string) => {
		let entries;
		try {
			entries = readdirSync(join(site, folder), { withFileTypes: true });
		} catch {
			return;
		}
		for (const entry of entries) {
			const path = folder ? `${folder}/${entry.name}` : entry.name;
			if (kept.has(path)) continue;
			if (entry.isDirectory() && keptFolders.has(path)) empty(path);
			else rmSync(join(site, path), { recursive: true, force: true });
		}
	};
	empty('');
}

/**
 * Removes the kept pages this build did not make (a question removed or renamed), with the folders
 * that leaves empty. Returns how many.
 */
export function removeUnmade(site: string, kept: Set<string>, made: Set<string>): number {
	let removed = 0;
	for (const page of kept) {
		if (made.has(page)) continue;
		rmSync(join(site, page), { force: true });
		removed++;
		for (const folder of foldersOf(page)) {
			try {
				rmdirSync(join(site, folder));
			} catch {
				break; // Not empty: nor are the folders above it.
			}
		}
	}
	return removed;
}

/** Writes the record of the pages `site` now holds, once every step that writes into them is done. */
export function recordKeptPages(recordFile: string, site: string, made: Set<string>): void {
	const pages: KeptRecord['pages'] = {};
	for (const page of made) {
		const stat = statSync(join(site, page), { throwIfNoEntry: false });
		if (stat?.isFile()) pages[page] = [stat.size, stat.mtimeMs];
	}
	mkdirSync(dirname(recordFile), { recursive: true });
	writeFileSync(recordFile, JSON.stringify({ site, pages } satisfies KeptRecord));
}
