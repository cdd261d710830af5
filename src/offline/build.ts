// The offline build step, run by the site integration once the search index is written (it lists
// the index's files too): the list of files a reader can keep offline, each with a revision (a
// SHA-256 the worker can check) and its download size; the size of the saved guide, written into the
// pages that offer to save it; and the worker, bundled with esbuild.
import { build, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setImmediate } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { fillGuideSize, fillRuntimesOffer, GUIDE_SIZE_MARK, isImmutable, keptOffline, precacheUrl, revisionOf, type OfflineList } from '../lib/offline.ts';

/** Text a host compresses on the way: its gzip size is what a reader downloads. */
const COMPRESSED_BY_HOSTS = new Set(['.html', '.css', '.js', '.json', '.svg', '.txt', '.xml', '.webmanifest', '.md', '.tsv']);

export interface OfflineBuild {
	/** Files a saved guide holds: every file on the list. */
	files: number;
	/** Bytes a reader downloads to save the guide (text gzipped, as hosts send it). */
	bytes: number;
	/** The worker's size, minified and gzipped. */
	workerGzipBytes: number;
}

const sha256 = (content: Uint8Array) => revisionOf(createHash('sha256').update(content).digest());

/**
 * What saving a file costs a reader: gzip size for text a host compresses, the file's size otherwise.
 * Gzip sizes are kept by content hash in `file` between builds, so a rebuild compresses only what changed.
 */
export class DownloadSizes {
	readonly #file: string | undefined;
	readonly #known: Map<string, number>;
	readonly #used = new Map<string, number>();

	constructor(file?: string) {
		this.#file = file;
		let known: [string, number][] = [];
		try {
			if (file) known = Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>);
		} catch {
			// No sizes kept yet, or unreadable ones: every file is compressed again.
		}
		this.#known = new Map(known.filter(([, size]) => Number.isInteger(size)));
	}

	of(file: string, content: Uint8Array, revision: string): number {
		if (!COMPRESSED_BY_HOSTS.has(extname(file))) return content.length;
		// zlib's version counts: another one may compress the same bytes to another size.
		const key = `${process.versions.zlib}:${revision}`;
		const size = this.#known.get(key) ?? gzipSync(content, { level: 6 }).length;
		this.#used.set(key, size);
		return size;
	}

	/** Keeps the sizes this build used, and only those. */
	save() {
		if (!this.#file) return;
		mkdirSync(dirname(this.#file), { recursive: true });
		writeFileSync(this.#file, JSON.stringify(Object.fromEntries(this.#used)));
	}
}

/** Every file under `site`, or under its `folder` (paths relative to `site`, sorted). */
function filesUnder(site: string, folder = ''): string[] {
	if (!existsSync(join(site, folder))) return [];
	return readdirSync(join(site, folder), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(site, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.sort();
}

/** The build's offline files: those under `site`, or under its `folder`, that offline reading keeps. */
const offlineFiles = (site: string, folder = '') => filesUnder(site, folder).filter(keptOffline);

/** Where the examples' runtimes are in the built site (examples/runtimes.ts writes them). */
const RUNTIMES_FOLDER = 'runtimes/';

/** Where Pagefind writes the search index in the built site. */
const SEARCH_INDEX_FOLDER = 'pagefind/';

/** Writes a list of files, named after its content, into dist/offline/; returns its path there. */
function writeList(site: string, name: string, list: OfflineList): string {
	const json = JSON.stringify(list);
	// Named after its content: an unchanged build keeps the worker byte for byte, a changed one is an update.
	const file = `offline/${name}.${sha256(Buffer.from(json))}.json`;
	mkdirSync(join(site, 'offline'), { recursive: true });
	writeFileSync(join(site, file), json);
	return file;
}

/** Files read between two turns of the event loop while the search index is being written. */
const FILES_PER_TURN = 32;

/**
 * Writes dist/offline/list.<hash>.json and dist/sw.js for the built site in `site`, and the saved
 * guide's size into the pages that show the "save the guide" control. Given `searchIndex`, the
 * promise of Pagefind's index being written (in a process of its own), it reads the site's other
 * files meanwhile, a few at a time so that Pagefind's messages are answered, and the index's files
 * once it is written.
 */

/**
 * Each Workbox package imports a `_version.js` that only names its version for Workbox's own tools
 * (`self['workbox:core:7.4.0'] && _()`, a statement that does nothing): left out, 37 bytes less in
 * the worker every first visit downloads.
 */
const withoutWorkboxVersionMarks: Plugin = {
	name: 'without-workbox-version-marks',
	setup(build) {
		build.onLoad({ filter: /[\\/]workbox-[a-z-]+[\\/]_version\.js$/ }, () => ({ contents: '', loader: 'js' }));
	},
};
export async function writeOfflineWorker(
	site: string,
	{ sizeCache, searchIndex }: { sizeCache?: string | undefined; searchIndex?: Promise<unknown> } = {},
): Promise<OfflineBuild> {
	const read = (file: string) => readFileSync(join(site, file));
	const downloadSizes = new DownloadSizes(sizeCache);
	// Each file read once: its revision (a SHA-256 the worker checks), its download size, and whether
	// it is a page with the "save the guide" control.
	const facts = new Map<string, { revision: string; size: number }>();
	const marked: string[] = [];
	const learn = (file: string) => {
		const content = read(file);
		const revision = sha256(content);
		facts.set(file, { revision, size: downloadSizes.of(file, content, revision) });
		return content;
	};
	const learnAll = async (files: string[]) => {
		for (const [i, file] of files.entries()) {
			const content = learn(file);
			if (file.endsWith('.html') && content.includes(GUIDE_SIZE_MARK)) marked.push(file);
			if (searchIndex && i % FILES_PER_TURN === FILES_PER_TURN - 1) await setImmediate();
		}
	};
	const siteFiles = offlineFiles(site).filter((file) => !file.startsWith(SEARCH_INDEX_FOLDER));
	await learnAll(siteFiles);
	await searchIndex;
	const indexFiles = offlineFiles(site, SEARCH_INDEX_FOLDER);
	await learnAll(indexFiles);
	const files = [...siteFiles, ...indexFiles].sort();
	if (!marked.includes('index.html')) {
		throw new Error(`${join(site, 'index.html')}: the home page has no "save the guide" control (${GUIDE_SIZE_MARK}); src/offline/SaveOffline.astro renders it.`);
	}
	// The examples' runtimes are offered apart (tens of MB): their own list, and its size in the offer.
	// Their paths name their versions, so no revision is needed.
	const runtimeFiles = filesUnder(site, RUNTIMES_FOLDER);
	const runtimeList: OfflineList = runtimeFiles.map((file) => {
		// Only text a host compresses is read, for its gzip size: the WebAssembly and data (most of
		// the 37 MB) count as their size on disk.
		if (!COMPRESSED_BY_HOSTS.has(extname(file))) return [precacheUrl(file), null, statSync(join(site, file)).size];
		const content = read(file);
		return [precacheUrl(file), null, downloadSizes.of(file, content, sha256(content))];
	});
	const runtimesOffer = runtimeList.length
		? { list: `./${writeList(site, 'runtimes', runtimeList)}`, bytes: runtimeList.reduce((sum, [, , size]) => sum + size, 0) }
		: null;
	for (const file of marked) {
		writeFileSync(join(site, file), fillRuntimesOffer(read(file).toString('utf8'), runtimesOffer, file));
		learn(file);
	}
	// The pages with the control say how big the saved guide is, which counts their own bytes: fill the
	// size in until it holds (it is rounded, so once or twice).
	const savedBytes = () => files.reduce((sum, file) => sum + facts.get(file)!.size, 0);
	for (let pass = 0; pass < 3; pass++) {
		let changed = false;
		for (const file of marked) {
			const before = read(file).toString('utf8');
			const after = fillGuideSize(before, { files: files.length, bytes: savedBytes() }, file);
			if (after === before) continue;
			changed = true;
			writeFileSync(join(site, file), after);
			learn(file);
		}
		if (!changed) break;
	}
	downloadSizes.save();
	const bytes = savedBytes();

	const list: OfflineList = files.map((file) => {
		const url = precacheUrl(file);
		const { revision, size } = facts.get(file)!;
		const kept = isImmutable(`/${file}`) ? null : revision;
		return [url, kept, size];
	});
	const listFile = writeList(site, 'list', list);

	const bundle = await build({
		entryPoints: [fileURLToPath(new URL('./sw.ts', import.meta.url))],
		bundle: true,
		minify: true,
		write: false,
		format: 'iife',
		target: 'es2022',
		// Workbox's development logging is left out by its own `process.env.NODE_ENV` checks.
		// The list's address: a define, not a build value (sw.ts says why).
		define: { __OFFLINE_LIST__: JSON.stringify(`./${listFile}`), 'process.env.NODE_ENV': '"production"' },
		// Workbox's internal fields (`_strategy`, `_handle`, …) never leave the bundle: short names keep
		// a first visit within its 16 KB.
		mangleProps: /^_/,
		plugins: [withoutWorkboxVersionMarks],
		logLevel: 'warning',
	});
	const worker = bundle.outputFiles[0]!.contents;
	writeFileSync(join(site, 'sw.js'), worker);
	return { files: files.length, bytes, workerGzipBytes: gzipSync(worker, { level: 9 }).length };
}
