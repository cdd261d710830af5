// What a build leaves in dist/ for the next (src/integrations/kept-pages.ts): only pages as the last
// build left them, nothing else, and nothing at all after a build that failed part-way.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { emptyExcept, recordKeptPages, removeUnmade, routeOutputs, takeKeptPages } from '../../src/integrations/kept-pages.ts';

let root: string;
let site: string;
let record: string;
beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'kept-pages-'));
	site = join(root, 'dist');
	record = join(root, 'cache', 'kept-pages.json');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (path: string, text = path) => {
	mkdirSync(dirname(join(site, path)), { recursive: true });
	writeFileSync(join(site, path), text);
};
/** Every file under the site, sorted. */
const files = () =>
	readdirSync(site, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name).slice(site.length + 1))
		.sort();
const PAGES = ['index.html', 'basics/first/index.html', 'og/basics/first.png'];

describe('routeOutputs', () => {
	test('the files of every route, relative to the site', () => {
		const url = (path: string) => pathToFileURL(join(site, path));
		const assets = new Map([
			['/[section]/[question]', [url('basics/first/index.html'), url('basics/second/index.html')]],
			['/', [url('index.html')]],
		]);
		expect([...routeOutputs(site, assets)].sort()).toEqual(['basics/first/index.html', 'basics/second/index.html', 'index.html']);
	});
});

describe('a build, then the next', () => {
	test('keeps the pages the last build recorded, as it left them, and empties the rest', () => {
		PAGES.forEach((page) => write(page));
		recordKeptPages(record, site, new Set(PAGES));
		write('pagefind/fragment/one.pf_fragment');
		write('_astro/old.123.js');
		write('basics/first/stray.txt');
		write('sw.js');
		const kept = takeKeptPages(record, site);
		expect([...kept].sort()).toEqual([...PAGES].sort());
		emptyExcept(site, kept);
		expect(files()).toEqual([...PAGES].sort());
		expect(readdirSync(site).sort()).toEqual(['basics', 'index.html', 'og']);
	});

	test('does not keep a page changed since the build, by size or by time', () => {
		PAGES.forEach((page) => write(page));
		recordKeptPages(record, site, new Set(PAGES));
		write('index.html', 'edited by hand');
		utimesSync(join(site, 'og/basics/first.png'), new Date(2000, 0, 1), new Date(2000, 0, 1));
		expect([...takeKeptPages(record, site)]).toEqual(['basics/first/index.html']);
	});

	test('keeps nothing without a record, with one for another folder, or with one it cannot read', () => {
		PAGES.forEach((page) => write(page));
		expect(takeKeptPages(record, site).size).toBe(0);
		recordKeptPages(record, join(root, 'other'), new Set());
		expect(takeKeptPages(record, site).size).toBe(0);
		writeFileSync(record, '{"site":');
		expect(takeKeptPages(record, site).size).toBe(0);
		writeFileSync(record, 'null');
		expect(takeKeptPages(record, site).size).toBe(0);
		// Entries that are not a page's facts, or not in the site, are not kept.
		writeFileSync(join(root, 'outside.html'), 'Not the site’s.');
		const outside = statSync(join(root, 'outside.html'));
		writeFileSync(record, JSON.stringify({ site, pages: { 'index.html': null, '../outside.html': [outside.size, outside.mtimeMs] } }));
		expect(takeKeptPages(record, site).size).toBe(0);
	});

	test('the record is taken: a build that fails before writing its own leaves the next nothing to keep', () => {
		PAGES.forEach((page) => write(page));
		recordKeptPages(record, site, new Set(PAGES));
		expect(takeKeptPages(record, site).size).toBe(3);
		expect(existsSync(record)).toBe(false);
		expect(takeKeptPages(record, site).size).toBe(0);
	});

	test('removes the kept pages this build did not make, and the folders that leaves empty', () => {
		[...PAGES, 'basics/second/index.html', 'og/basics/second.png'].forEach((page) => write(page));
		const kept = new Set([...PAGES, 'basics/second/index.html', 'og/basics/second.png']);
		const made = new Set([...PAGES, 'basics/renamed/index.html']);
		write('basics/renamed/index.html');
		expect(removeUnmade(site, kept, made)).toBe(2);
		expect(files()).toEqual(['basics/first/index.html', 'basics/renamed/index.html', 'index.html', 'og/basics/first.png']);
		expect(existsSync(join(site, 'basics/second'))).toBe(false);
	});

	test('records only the pages that are there', () => {
		write('index.html');
		recordKeptPages(record, site, new Set(['index.html', 'gone/index.html']));
		expect([...takeKeptPages(record, site)]).toEqual(['index.html']);
	});
});
