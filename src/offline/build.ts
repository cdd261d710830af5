// The offline build step, run by the site integration once the search index is written (it lists
// the index's files too): the list of files a reader can keep offline, each with a revision
// (workbox-build finds and sizes them; the revision is a SHA-256 the worker can check), the size of
// the saved guide written into the pages that offer to save it, and the worker bundled with esbuild.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { getManifest } from 'workbox-build';
import { fillGuideSize, GUIDE_SIZE_MARK, isImmutable, offlineRole, precacheUrl, revisionOf, type OfflineList } from '../lib/offline.ts';


/** Text a host compresses on the way: its gzip size is what a reader downloads. */
const COMPRESSED_BY_HOSTS = new Set(['.html', '.css', '.js', '.json', '.svg', '.txt', '.xml', '.webmanifest', '.md', '.tsv']);

export interface OfflineBuild {
	/** Files a saved guide holds (others on the list are kept only when read). */
	files: number;
	/** Bytes a reader downloads to save the guide (text gzipped, as hosts send it). */
	bytes: number;
	/** The worker's size, minified and gzipped. */
	workerGzipBytes: number;
}

const sha256 = (content: Uint8Array) => revisionOf(createHash('sha256').update(content).digest());

/** What saving a file costs a reader: gzip size for text a host compresses, the file's size otherwise. */
const downloadSize = (file: string, content: Uint8Array) =>
	COMPRESSED_BY_HOSTS.has(extname(file)) ? gzipSync(content, { level: 6 }).length : content.length;

/** The build's offline files (relative paths), found by workbox-build. */
async function offlineFiles(site: string): Promise<string[]> {
	const { manifestEntries, warnings } = await getManifest({
		globDirectory: site,
		globPatterns: ['**/*'],
		// The guide's largest file (the whole-guide study page) is ~400 KB; nothing is left out for size.
		maximumFileSizeToCacheInBytes: 50 * 1024 * 1024,
		manifestTransforms: [(entries) => ({ manifest: entries.filter((entry) => offlineRole(entry.url) !== undefined) })],
	});
	if (warnings.length > 0) throw new Error(`workbox-build: ${warnings.join('; ')}`);
	return manifestEntries.map((entry) => (typeof entry === 'string' ? entry : entry.url)).sort();
}

/**
 * Writes dist/offline/list.<hash>.json and dist/sw.js for the built site in `site`, and the saved
 * guide's size into the pages that show the "save the guide" control.
 */
export async function writeOfflineWorker(site: string): Promise<OfflineBuild> {
	const files = await offlineFiles(site);
	const saved = files.filter((file) => offlineRole(file) === 'saved');
	const read = (file: string) => readFileSync(join(site, file));
	// The pages with the control say how big the saved guide is, which counts their own bytes: fill the
	// size in until it holds (it is rounded, so once or twice).
	const marked = files.filter((file) => file.endsWith('.html') && read(file).includes(GUIDE_SIZE_MARK));
	if (!marked.includes('index.html')) {
		throw new Error(`${join(site, 'index.html')}: the home page has no "save the guide" control (${GUIDE_SIZE_MARK}); src/offline/SaveOffline.astro renders it.`);
	}
	const sizes = new Map(files.map((file) => [file, downloadSize(file, read(file))]));
	const savedBytes = () => saved.reduce((sum, file) => sum + sizes.get(file)!, 0);
	for (let pass = 0; pass < 3; pass++) {
		let changed = false;
		for (const file of marked) {
			const before = read(file).toString('utf8');
			const after = fillGuideSize(before, { files: saved.length, bytes: savedBytes() }, file);
			if (after === before) continue;
			changed = true;
			writeFileSync(join(site, file), after);
			sizes.set(file, downloadSize(file, read(file)));
		}
		if (!changed) break;
	}
	const bytes = savedBytes();

	const list: OfflineList = files.map((file) => {
		const url = precacheUrl(file);
		const revision = isImmutable(`/${file}`) ? null : sha256(read(file));
		return offlineRole(file) === 'read' ? [url, revision, sizes.get(file)!, 1] : [url, revision, sizes.get(file)!];
	});
	const json = JSON.stringify(list);
	// Named after its content: an unchanged build keeps the worker byte for byte, a changed one is an update.
	const listFile = `offline/list.${sha256(Buffer.from(json))}.json`;
	mkdirSync(join(site, 'offline'), { recursive: true });
	writeFileSync(join(site, listFile), json);

	const bundle = await build({
		entryPoints: [fileURLToPath(new URL('./sw.ts', import.meta.url))],
		bundle: true,
		minify: true,
		write: false,
		format: 'iife',
		target: 'es2022',
		// Workbox's development logging is left out by its own `process.env.NODE_ENV` checks.
		define: { __OFFLINE_LIST__: JSON.stringify(`./${listFile}`), 'process.env.NODE_ENV': '"production"' },
		// Workbox's internal fields (`_strategy`, `_handle`, …) never leave the bundle: short names keep
		// a first visit within its 16 KB.
		mangleProps: /^_/,
		logLevel: 'warning',
	});
	const worker = bundle.outputFiles[0]!.contents;
	writeFileSync(join(site, 'sw.js'), worker);
	return { files: saved.length, bytes, workerGzipBytes: gzipSync(worker, { level: 9 }).length };
}
