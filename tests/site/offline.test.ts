// The built offline list: every page and search file a saved guide needs, each with the revision
// of the file as built, and the home page saying how big the saved guide is.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { distDir, listBuiltHtml, pathOfFile } from '../helpers/dist.ts';
import { guideSizeText, type OfflineList } from '../../src/lib/offline.ts';

const worker = readFileSync(join(distDir, 'sw.js'), 'utf8');
const listFile = worker.match(/offline\/list\.[0-9a-f]{16}\.json/)?.[0];
const list = JSON.parse(readFileSync(join(distDir, listFile!), 'utf8')) as OfflineList;
const byPath = new Map(list.map((entry) => [entry[0].slice(1), entry]));

/** The built file behind a listed address (`./`, `./a/` → its index.html). */
const fileOf = (url: string) => (url === './' ? 'index.html' : url.endsWith('/') ? `${url.slice(2)}index.html` : url.slice(2));

describe('sw.js', () => {
	test('names the list of this build, and holds no list itself', () => {
		expect(listFile).toBeDefined();
		expect(worker).not.toContain('__WB_REVISION__=');
		expect(worker.length).toBeLessThan(16_000);
	});

	test('is small: under 4.2 KB gzipped', () => {
		expect(gzipSync(worker, { level: 9 }).length).toBeLessThan(4.2 * 1024);
	});
});

describe('the offline list', () => {
	test('is named after its content', () => {
		const hash = createHash('sha256').update(readFileSync(join(distDir, listFile!))).digest('hex').slice(0, 16);
		expect(listFile).toBe(`offline/list.${hash}.json`);
	});

	test('holds the whole-guide files too: a saved guide is every file on the list', () => {
		for (const path of ['/study/', '/print/', '/guide.md', '/anki.tsv']) expect(byPath.get(path), path).toHaveLength(3);
	});

	test('has every page of the build at the address a reader opens', () => {
		const missing = listBuiltHtml().map(pathOfFile).filter((path) => !byPath.has(path));
		expect(missing).toEqual([]);
	});

	test('saves all of Pagefind that the search uses: its script, entry, WebAssembly, index and fragments', () => {
		const search = readdirSync(join(distDir, 'pagefind'), { recursive: true, encoding: 'utf8' })
			.filter((file) => /^(pagefind\.js|pagefind-entry\.json|wasm\.en\.pagefind|(index|fragment|filter)\/.+)$/.test(file))
			.map((file) => `/pagefind/${file}`);
		expect(search.length).toBeGreaterThan(100);
		expect(search.filter((path) => !byPath.has(path))).toEqual([]);
	});

	test('saves every script and stylesheet Astro bundled', () => {
		const assets = readdirSync(join(distDir, '_astro')).map((file) => `/_astro/${file}`);
		expect(assets.filter((path) => !byPath.has(path))).toEqual([]);
	});

	test("gives each file whose name is not its hash the first 16 hex digits of its SHA-256", () => {
		const wrong = list
			.filter(([, revision]) => revision !== null)
			.filter(([url, revision]) => createHash('sha256').update(readFileSync(join(distDir, fileOf(url)))).digest('hex').slice(0, 16) !== revision);
		expect(wrong).toEqual([]);
		expect(byPath.get('/_astro/' + readdirSync(join(distDir, '_astro'))[0])?.[1]).toBeNull();
	});

	// Sizes are kept between builds by content hash (src/offline/build.ts): none may be a stale one.
	test('gives each file what it costs to download: gzipped for text a host compresses, its own size otherwise', () => {
		const wrong = list.filter(([url, , size]) => {
			const content = readFileSync(join(distDir, fileOf(url)));
			const compressed = /\.(html|css|js|json|svg|txt|xml|webmanifest|md|tsv)$|\/$/.test(url);
			return size !== (compressed ? gzipSync(content, { level: 6 }).length : content.length);
		});
		expect(wrong).toEqual([]);
	});
});

describe('the home page', () => {
	test('says how many files the saved guide is and about how big', () => {
		const bytes = list.reduce((sum, [, , size]) => sum + size, 0);
		expect(readFileSync(join(distDir, 'index.html'), 'utf8')).toContain(`>${guideSizeText({ files: list.length, bytes })}</span>`);
	});
});
