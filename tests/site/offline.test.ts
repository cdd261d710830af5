// The built service worker caches every page and every search file, so the whole guide reads offline.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { distDir, listBuiltHtml, pathOfFile } from '../helpers/dist.ts';

const worker = readFileSync(join(distDir, 'sw.js'), 'utf8');
/** The quoted relative URLs in the worker: its precache list. */
const cached = new Set([...worker.matchAll(/"(\.\/[^"]*)"/g)].map((match) => match[1]!.slice(1)));

describe('sw.js', () => {
	test('caches every page of the build at the address a reader opens', () => {
		const missing = listBuiltHtml().map(pathOfFile).filter((path) => !cached.has(path));
		expect(missing).toEqual([]);
	});

	test('caches all of Pagefind that the search uses: its script, entry, WebAssembly, index and fragments', () => {
		const search = readdirSync(join(distDir, 'pagefind'), { recursive: true, encoding: 'utf8' })
			.filter((file) => /^(pagefind\.js|pagefind-entry\.json|wasm\.en\.pagefind|(index|fragment|filter)\/.+)$/.test(file))
			.map((file) => `/pagefind/${file}`);
		expect(search.length).toBeGreaterThan(100);
		expect(search.filter((path) => !cached.has(path))).toEqual([]);
	});

	test('caches every script and stylesheet Astro bundled', () => {
		const assets = readdirSync(join(distDir, '_astro')).map((file) => `/_astro/${file}`);
		expect(assets.filter((path) => !cached.has(path))).toEqual([]);
	});
});
