import { describe, expect, test } from 'vitest';
import { offlineVersion } from '../../src/integrations/offline.ts';
import { cacheName, isImmutable, isRuntime, precacheFiles, precacheUrl, staleCaches } from '../../src/lib/offline.ts';

describe('the offline cache', () => {
	test('is named by the build version, and every older one of ours is stale', () => {
		const current = cacheName('abc');
		expect(current).toBe('sg-offline-abc');
		expect(staleCaches(['sg-offline-old', current, 'someone-elses-cache', 'sg-offline-older'], current)).toEqual([
			'sg-offline-old',
			'sg-offline-older',
		]);
		expect(staleCaches([current], current)).toEqual([]);
	});

	test('gets a new version when any cached file changes, is added, or is renamed', () => {
		const build = [['index.html', new TextEncoder().encode('<h1>Guide</h1>')], ['_astro/a.js', new Uint8Array([1, 2])]] as const;
		const version = offlineVersion(build);
		expect(version).toMatch(/^[0-9a-f]{16}$/);
		expect(offlineVersion(build)).toBe(version);
		expect(offlineVersion([[build[0][0], new TextEncoder().encode('<h1>Guide!</h1>')], build[1]])).not.toBe(version);
		expect(offlineVersion([...build, ['new/index.html', new Uint8Array()]])).not.toBe(version);
		expect(offlineVersion([build[0], ['_astro/b.js', build[1][1]]])).not.toBe(version);
	});
});

describe('precacheFiles', () => {
	const kept = [
		'index.html',
		'404.html',
		'python-fundamentals/index.html',
		'python-fundamentals/what-is-gil/index.html',
		'q/7/index.html',
		'_astro/Search.abc123.js',
		'pagefind/pagefind.js',
		'pagefind/pagefind-entry.json',
		'pagefind/pagefind-highlight.js',
		'pagefind/wasm.en.pagefind',
		'pagefind/index/en_1a2b.pf_index',
		'pagefind/fragment/en_3c4d.pf_fragment',
		'favicon.svg',
		'manifest.webmanifest',
		'guide.md',
	];
	const left = [
		'pagefind/pagefind-ui.js',
		'pagefind/pagefind-ui.css',
		'pagefind/pagefind-modular-ui.js',
		'pagefind/pagefind-component-ui.js',
		'og/site.png',
		'og/python-fundamentals/what-is-gil.png',
		'icons/icon-192.png',
		'sitemap-index.xml',
		'sitemap-0.xml',
		'robots.txt',
		'_headers',
		'sw.js',
		'runtimes/pyodide-314.0.7/pyodide.asm.wasm',
		'runtimes/pglite-0.5.16/pglite.data',
	];

	test('keeps every page, asset and search file, and leaves out preview images, crawler files and unused UIs', () => {
		expect(precacheFiles([...left, ...kept])).toEqual([...kept].sort());
	});

	test('caches a page at the address a reader opens', () => {
		expect(precacheUrl('index.html')).toBe('./');
		expect(precacheUrl('python-fundamentals/what-is-gil/index.html')).toBe('./python-fundamentals/what-is-gil/');
		expect(precacheUrl('404.html')).toBe('./404.html');
		expect(precacheUrl('_astro/Search.abc123.js')).toBe('./_astro/Search.abc123.js');
	});
});

describe('isRuntime', () => {
	test('is true for the files under a versioned runtime folder, at the root or under a base path', () => {
		for (const path of ['/runtimes/pyodide-314.0.7/pyodide.asm.wasm', '/guide/runtimes/pglite-0.5.16/index.js']) expect(isRuntime(path), path).toBe(true);
		for (const path of ['/runtimes/', '/runtimes/pyodide/x.js', '/_astro/examples-controls.ABC.js', '/python-fundamentals/']) expect(isRuntime(path), path).toBe(false);
	});
});

describe('isImmutable', () => {
	test('is true only for files whose names carry a content hash', () => {
		for (const path of ['/_astro/x.1a2b.js', '/guide/pagefind/fragment/en_1.pf_fragment', '/pagefind/index/en_2.pf_index', '/pagefind/filter/en_3.pf_filter', '/pagefind/wasm.en.pagefind']) {
			expect(isImmutable(path), path).toBe(true);
		}
		for (const path of ['/', '/python-fundamentals/', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/search-sections.json']) {
			expect(isImmutable(path), path).toBe(false);
		}
	});
});
