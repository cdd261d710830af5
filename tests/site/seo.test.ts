// What a search engine or a chat preview reads: unique titles and descriptions, canonical URLs,
// Open Graph tags with a preview image per question, a sitemap of every page a reader lands on,
// robots.txt pointing at it, and a web app manifest whose icons exist at their stated sizes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { questionPath, sectionPath } from '../../src/lib/links.ts';
import { readContent } from '../helpers/content.ts';
import { distDir, readBuiltPages } from '../helpers/dist.ts';

const pages = readBuiltPages().filter((page) => !page.path.startsWith('/q/'));
const heads = pages.map((page) => {
	const html = readFileSync(join(distDir, page.file), 'utf8');
	const meta = (attribute: string, name: string) =>
		html.match(new RegExp(`<meta ${attribute}="${name}" content="([^"]*)"`))?.[1];
	return {
		path: page.path,
		title: html.match(/<title>([^<]*)<\/title>/)?.[1],
		description: meta('name', 'description'),
		canonical: html.match(/<link rel="canonical" href="([^"]*)"/)?.[1],
		ogTitle: meta('property', 'og:title'),
		ogDescription: meta('property', 'og:description'),
		ogImage: meta('property', 'og:image'),
		ogImageAlt: meta('property', 'og:image:alt'),
		twitterCard: meta('name', 'twitter:card'),
		manifest: html.match(/<link rel="manifest" href="([^"]*)"/)?.[1],
		appleTouchIcon: html.match(/<link rel="apple-touch-icon" href="([^"]*)"/)?.[1],
	};
});
/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
	const bytes = readFileSync(file);
	expect(bytes.subarray(1, 4).toString('latin1'), file).toBe('PNG');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
/** The file in dist/ an absolute or root-relative URL of the site points at. */
const fileOf = (url: string) => join(distDir, decodeURIComponent(new URL(url, 'http://site.invalid').pathname));
const duplicates = (values: (string | undefined)[]) => values.filter((value, i) => values.indexOf(value) !== i);

describe('every page', () => {
	test('has a unique title and a unique meta description', () => {
		expect(heads.filter((h) => !h.title || !h.description).map((h) => h.path)).toEqual([]);
		expect(duplicates(heads.map((h) => h.title))).toEqual([]);
		expect(duplicates(heads.map((h) => h.description))).toEqual([]);
	});

	test('has Open Graph tags and, but for the 404 page, a canonical URL of its own address', () => {
		for (const head of heads) {
			expect(head.ogTitle, head.path).toBeTruthy();
			expect(head.ogDescription, head.path).toBe(head.description);
			if (head.path === '/404.html') continue;
			expect(new URL(head.canonical!).pathname, head.path).toBe(head.path);
		}
	});
});

describe('link preview images', () => {
	test('every page names one, 1200×630 PNG, with a large-image Twitter card and alt text', () => {
		const sizes = new Map<string, { width: number; height: number }>();
		for (const head of heads) {
			expect(head.ogImage, head.path).toMatch(/^https?:\/\/.*\.png$/);
			expect(head.ogImageAlt, head.path).toBeTruthy();
			expect(head.twitterCard, head.path).toBe('summary_large_image');
			const file = fileOf(head.ogImage!);
			if (!sizes.has(file)) sizes.set(file, pngSize(file));
			expect(sizes.get(file), head.path).toEqual({ width: 1200, height: 630 });
		}
	});

	test('each question and each section has its own image, naming it in the alt text', () => {
		const { sections, questions } = readContent();
		const paths = new Set([...sections.map(sectionPath), ...questions.map(questionPath)]);
		const own = heads.filter((head) => paths.has(head.path));
		expect(own).toHaveLength(paths.size);
		expect(duplicates(own.map((head) => head.ogImage))).toEqual([]);
		for (const head of own) expect(head.ogImageAlt, head.path).toMatch(/^(Question \d+|Section \d+) · /);
	});
});

describe('the web app manifest', () => {
	const manifestPath = heads[0]!.manifest!;
	const manifest = JSON.parse(readFileSync(fileOf(manifestPath), 'utf8'));

	test('is linked from every page, with an apple-touch-icon', () => {
		for (const head of heads) {
			expect(head.manifest, head.path).toBe(manifestPath);
			expect(pngSize(fileOf(head.appleTouchIcon!)), head.path).toEqual({ width: 180, height: 180 });
		}
	});

	test('names the site, starts at its home, and has icons that exist at the sizes it states', () => {
		expect(manifest).toMatchObject({ name: 'Python & Backend Interview Guide', start_url: '/', scope: '/', display: 'standalone' });
		const purposes = new Set<string>();
		for (const icon of manifest.icons) {
			purposes.add(icon.purpose);
			if (icon.type === 'image/svg+xml') {
				expect(readFileSync(fileOf(icon.src), 'utf8')).toMatch(/^<svg /);
				continue;
			}
			const [width, height] = icon.sizes.split('x').map(Number);
			expect(pngSize(fileOf(icon.src)), icon.src).toEqual({ width, height });
		}
		expect(manifest.icons.some((icon: { sizes: string }) => icon.sizes === '512x512')).toBe(true);
		expect([...purposes].sort()).toEqual(['any', 'maskable']);
	});
});

describe('the sitemap', () => {
	test('lists every page but the 404 page and the short links', () => {
		const listed = [...readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)]
			.map((match) => new URL(match[1]!).pathname)
			.sort();
		expect(listed).toEqual(pages.map((page) => page.path).filter((path) => path !== '/404.html').sort());
	});

	test('is named in robots.txt', () => {
		expect(readFileSync(join(distDir, 'robots.txt'), 'utf8')).toMatch(/^Sitemap: http.*\/sitemap-index\.xml$/m);
	});
});
