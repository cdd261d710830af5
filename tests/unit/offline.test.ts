import { describe, expect, test } from 'vitest';
import {
	cacheKey,
	CHOICE_CACHE,
	choiceKey,
	failureText,
	FILES_CACHE,
	fillGuideSize,
	formatBytes,
	guideSizeText,
	isImmutable,
	isRuntime,
	keptOffline,
	precacheUrl,
	progressText,
	revisionOf,
	shouldSaveOnItsOwn,
	staleCaches,
	staleKeys,
} from '../../src/lib/offline.ts';

describe('staleCaches', () => {
	test('returns every cache of ours but the files and the choice, and leaves other caches alone', () => {
		expect(staleCaches([FILES_CACHE, CHOICE_CACHE, 'sg-offline-0123456789abcdef', 'someone-elses-cache'])).toEqual(['sg-offline-0123456789abcdef']);
		expect(staleCaches([FILES_CACHE, CHOICE_CACHE])).toEqual([]);
	});
});

describe('keptOffline', () => {
	test('saves every page, asset and search file ahead, the whole-guide files (print, study, exports) too', () => {
		for (const file of [
			'index.html',
			'404.html',
			'python-fundamentals/index.html',
			'python-fundamentals/what-is-gil/index.html',
			'study/python-fundamentals/index.html',
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
			'search-sections.json',
			'search-words.json',
			'print/index.html',
			'study/index.html',
			'about/index.html',
			'guide.md',
			'anki.tsv',
		]) {
			expect(keptOffline(file), file).toBe(true);
		}
	});

	test('never keeps preview images, icons, crawler and host files, unused UIs, the worker, its list or the runtimes', () => {
		for (const file of [
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
			'offline/list.0123456789abcdef.json',
			'runtimes/pyodide-314.0.7/pyodide.asm.wasm',
			'runtimes/pglite-0.5.16/pglite.data',
		]) {
			expect(keptOffline(file), file).toBe(false);
		}
	});
});

describe('precacheUrl', () => {
	test('is the address a reader opens, relative to the worker', () => {
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

describe('cacheKey', () => {
	test('adds the revision as Workbox does, and keeps a hashed name as it is', () => {
		expect(cacheKey('https://x.test/guide/python-fundamentals/', '0123456789abcdef')).toBe('https://x.test/guide/python-fundamentals/?__WB_REVISION__=0123456789abcdef');
		expect(cacheKey('https://x.test/_astro/a.1b2c.js', null)).toBe('https://x.test/_astro/a.1b2c.js');
	});

	test('gives a file a new key when its revision changes', () => {
		expect(cacheKey('https://x.test/', 'aaaa')).not.toBe(cacheKey('https://x.test/', 'bbbb'));
	});
});

describe('staleKeys', () => {
	test('returns the cached keys no entry of the current list has', () => {
		const current = new Set([cacheKey('https://x.test/', 'new'), 'https://x.test/_astro/b.js']);
		expect(staleKeys([cacheKey('https://x.test/', 'old'), 'https://x.test/_astro/a.js', 'https://x.test/_astro/b.js'], current)).toEqual([
			cacheKey('https://x.test/', 'old'),
			'https://x.test/_astro/a.js',
		]);
	});
});

describe('revisionOf', () => {
	test('is the first 16 hex digits of a digest', () => {
		expect(revisionOf(new Uint8Array([0, 1, 2, 254, 255, 16, 32, 48, 99, 100]))).toBe('000102feff102030');
	});
});

describe('formatBytes', () => {
	test('reads as bytes, whole KB, or MB with one decimal below 10 MB', () => {
		expect(formatBytes(512)).toBe('512 bytes');
		expect(formatBytes(2048)).toBe('2 KB');
		expect(formatBytes(900_000)).toBe('879 KB');
		expect(formatBytes(1_495_384)).toBe('1.4 MB');
		expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
	});

	test('refuses what is not a size', () => {
		expect(() => formatBytes(-1)).toThrow('Not a size in bytes: -1');
		expect(() => formatBytes(Number.NaN)).toThrow(RangeError);
	});
});

describe('progressText', () => {
	test('counts files', () => {
		expect(progressText(212, 348)).toBe('212 of 348 files');
		expect(progressText(0, 1)).toBe('0 of 1 file');
	});
});

describe('shouldSaveOnItsOwn', () => {
	test('is true only in an installed app whose browser does not ask to save data', () => {
		expect(shouldSaveOnItsOwn({ standalone: true, saveData: false })).toBe(true);
		expect(shouldSaveOnItsOwn({ standalone: true, saveData: true })).toBe(false);
		expect(shouldSaveOnItsOwn({ standalone: false, saveData: false })).toBe(false);
	});
});

describe('choiceKey', () => {
	test('lives in the worker scope, whatever the base path', () => {
		expect(choiceKey('https://x.test/guide/')).toBe('https://x.test/guide/offline-choice');
	});
});

describe('failureText', () => {
	test('names the file and the reason, and says the site still works online', () => {
		expect(failureText('python-fundamentals/', 'HTTP 404')).toBe(
			'The guide could not be saved: python-fundamentals/ did not download (HTTP 404). Pages you open online are still kept as you read them; try saving again later.',
		);
	});
});

describe('fillGuideSize', () => {
	const size = { files: 344, bytes: 1_495_384 };

	test('writes the size in words into the element, keeping the attributes Astro added', () => {
		const html = '<p>Save it: <span data-offline-size data-astro-cid-x1>the size is written by the build</span>.</p>';
		expect(fillGuideSize(html, size, 'dist/index.html')).toBe('<p>Save it: <span data-offline-size data-astro-cid-x1>344 files, about 1.4 MB</span>.</p>');
		expect(guideSizeText(size)).toBe('344 files, about 1.4 MB');
	});

	test('gives the same page for a size that rounds the same, so a filled page stays as it is', () => {
		const once = fillGuideSize('<span data-offline-size>?</span>', size, 'index.html');
		expect(fillGuideSize(once, { files: 344, bytes: 1_495_999 }, 'index.html')).toBe(once);
	});

	test('fails naming the page when it has no size element', () => {
		expect(() => fillGuideSize('<p>No control</p>', size, 'dist/index.html')).toThrow("dist/index.html: no <span data-offline-size> to write the saved guide's size into");
	});
});
