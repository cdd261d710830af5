// The preview-image cache (src/images/preview-images.ts) and the palette PNG writer it draws with.
import { Resvg } from '@resvg/resvg-js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { encodePalettePng, encodePng } from '../../src/images/png.ts';
import { PreviewImages, type ImageRequest } from '../../src/images/preview-images.ts';
import { renderSvg } from '../../src/images/render.ts';
import { CARD_SIZE, layeredSocialCard, siteIcon, socialCard } from '../../src/images/social-card.ts';
import { projectRoot } from '../helpers/project.ts';

const worker = new URL('../../src/images/worker.ts', import.meta.url).pathname;
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const cacheDir = () => {
	const dir = mkdtempSync(join(tmpdir(), 'preview-images-'));
	dirs.push(dir);
	return dir;
};

const text = (title: string) => ({ kicker: 'Question 7 · Section 1: Python Fundamentals', title, footer: 'Guide' });
/** A question's card, in layers, as the build draws it. */
const card = (title: string) => ({ node: layeredSocialCard(text(title)), size: CARD_SIZE, source: 'content/questions/01/007.md' }) satisfies ImageRequest;
const icon = { node: siteIcon(192), size: { width: 192, height: 192 }, source: 'src/images/social-card.ts' } satisfies ImageRequest;

/** Decoded RGBA pixels of a PNG. */
const pixels = (png: Uint8Array) => sharp(Buffer.from(png)).ensureAlpha().raw().toBuffer();

describe('encodePalettePng', () => {
	test.each([
		['a card (opaque)', { node: socialCard(text('What is the GIL, and why does it matter?')), size: CARD_SIZE }],
		['an icon with transparent corners', icon],
	])('keeps every pixel of %s as resvg draws it, in a file half the size of resvg’s', async (_, { node, size }) => {
		const image = new Resvg(await renderSvg(node, size, 'test'), { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render();
		const truecolour = image.asPng();
		const palette = encodePalettePng(image.pixels, image.width, image.height, { premultiplied: true })!;
		expect(await pixels(palette)).toEqual(await pixels(truecolour));
		expect((await sharp(Buffer.from(palette)).metadata()).isPalette).toBe(true);
		expect(palette.length).toBeLessThan(truecolour.length * 0.6);
	});

	test('keeps rows that repeat the row above, wherever the pixels sit in their buffer', async () => {
		// 5×6 pixels, 4 bytes into a larger buffer: rows 1, 2 and 5 repeat the row above them (row 2 after a
		// repeat); row 3 differs from row 2 in its last pixel only, row 4 in a colour of its own.
		const [paper, ink, accent] = [[255, 255, 255, 255], [31, 35, 40, 255], [10, 88, 184, 255]];
		const rows = [
			[paper, ink, ink, paper, paper],
			[paper, ink, ink, paper, paper],
			[paper, ink, ink, paper, paper],
			[paper, ink, ink, paper, ink],
			[accent, ink, ink, paper, paper],
			[accent, ink, ink, paper, paper],
		];
		const buffer = new Uint8Array(4 + 5 * 6 * 4);
		const rgba = buffer.subarray(4);
		rgba.set(rows.flat(2));
		expect(await pixels(encodePalettePng(rgba, 5, 6)!)).toEqual(Buffer.from(rgba));
	});

	test('gives up past 256 colours, so the caller writes a truecolour PNG', () => {
		// 300 opaque pixels, each its own colour: red counts 0-255, green tells the second round apart.
		const rgba = new Uint8Array(300 * 4);
		for (let pixel = 0; pixel < 300; pixel++) rgba.set([pixel % 256, pixel >= 256 ? 1 : 0, 0, 255], pixel * 4);
		expect(encodePalettePng(rgba, 300, 1)).toBeUndefined();
		expect(encodePalettePng(rgba.subarray(0, 256 * 4), 256, 1)).toBeInstanceOf(Uint8Array);
	});

	test('past 256 colours, encodePng writes truecolour, each pixel in straight colour as resvg writes it', async () => {
		// A gradient of 600 colours, half of them translucent (premultiplied in resvg's pixels).
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="2"><defs><linearGradient id="g"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#f0a" stop-opacity="0.4"/></linearGradient></defs><rect width="600" height="2" fill="url(#g)"/></svg>`;
		const image = new Resvg(svg, { fitTo: { mode: 'original' } }).render();
		expect(encodePalettePng(image.pixels, 600, 2, { premultiplied: true })).toBeUndefined();
		const png = encodePng(image.pixels, 600, 2, { premultiplied: true });
		expect((await sharp(Buffer.from(png)).metadata()).isPalette).toBe(false);
		expect(await pixels(png)).toEqual(await pixels(image.asPng()));
	});

	test('refuses pixels that do not fill the size', () => {
		expect(() => encodePalettePng(new Uint8Array(10), 2, 2)).toThrow(/10 bytes is not 2×2 RGBA pixels/);
	});
});

describe('PreviewImages.key', () => {
	const images = new PreviewImages({ cacheDir: cacheDir(), worker });

	test('is the same for the same picture, whatever file its text comes from', () => {
		expect(images.key('png', card('A'))).toBe(images.key('png', { ...card('A'), source: 'elsewhere.md' }));
	});

	test('changes with the text, the size, the design and the format', () => {
		const keys = [
			images.key('png', card('A')),
			images.key('png', card('B')),
			images.key('png', { ...card('A'), size: { width: 600, height: 315 } }),
			images.key('png', { ...card('A'), node: { ...card('A').node, frame: { ...card('A').node.frame, props: { style: { color: 'red' } } } } }),
			images.key('svg', card('A')),
		];
		expect(new Set(keys).size).toBe(keys.length);
	});
});

describe('PreviewImages', () => {
	test('draws an image once; later builds read it from the cache', async () => {
		const dir = cacheDir();
		const first = await new PreviewImages({ cacheDir: dir, worker }).png('og', card('What is a closure?'));
		const [file] = readdirSync(join(dir, 'og'));
		const drawnAt = statSync(join(dir, 'og', file!)).mtimeMs;
		const again = await new PreviewImages({ cacheDir: dir, worker }).png('og', card('What is a closure?'));
		expect(Buffer.compare(again, first)).toBe(0);
		expect(readdirSync(join(dir, 'og'))).toEqual([file]);
		expect(statSync(join(dir, 'og', file!)).mtimeMs).toBe(drawnAt);
	});

	test('prepare draws what is missing in parallel and deletes what no page needs any more', async () => {
		const dir = cacheDir();
		const images = new PreviewImages({ cacheDir: dir, worker, threads: 2 });
		const requests = ['One?', 'Two?', 'Three?'].map(card);
		images.prepare('og', requests);
		const drawn = await Promise.all(requests.map((request) => images.png('og', request)));
		expect(new Set(drawn.map((png) => Buffer.from(png).toString('base64'))).size).toBe(3);
		writeFileSync(join(dir, 'og', 'being-written.png.1-1.partial'), '');
		images.prepare('og', requests.slice(1));
		expect(readdirSync(join(dir, 'og')).sort()).toEqual(
			[...requests.slice(1).map((request) => `${images.key('png', request)}.png`), 'being-written.png.1-1.partial'].sort(),
		);
	});

	test('drawAhead draws in the background and deletes nothing; what no route then asks for is counted and deleted', async () => {
		const dir = cacheDir();
		const images = new PreviewImages({ cacheDir: dir, worker, threads: 2 });
		const [kept, old, unused] = ['Kept?', 'Old?', 'Unused?'].map(card);
		const oldFile = join(dir, 'og', `${images.key('png', old!)}.png`);
		await images.png('og', old!);
		images.drawAhead('og', [kept!, unused!]);
		// Drawing ahead never deletes: the card drawn before is still there.
		expect(existsSync(oldFile)).toBe(true);
		images.prepare('og', [kept!]);
		expect(Buffer.from(await images.png('og', kept!)).length).toBeGreaterThan(0);
		await images.drawn();
		expect(readdirSync(join(dir, 'og'))).toEqual([`${images.key('png', kept!)}.png`]);
	});

	test('drawn() counts what the threads drew and what was drawn ahead, once all is drawn', async () => {
		const images = new PreviewImages({ cacheDir: cacheDir(), worker, threads: 2 });
		const [ahead, unused, later] = ['Ahead?', 'Unused?', 'Later?'].map(card);
		images.drawAhead('og', [ahead!, unused!]);
		images.prepare('og', [ahead!, later!]);
		// Asked for again while being drawn: not drawn twice, nor counted as drawn ahead twice.
		images.drawAhead('og', [ahead!]);
		expect(await images.drawn()).toEqual({ drawn: 3, drawnAhead: 2, unclaimed: 1 });
		expect(await images.drawn()).toEqual({ drawn: 3, drawnAhead: 2, unclaimed: 0 });
	});

	test('an image a page needs now waits for no more than the batch being drawn, not for all that prepare() asked for', async () => {
		const dir = cacheDir();
		const images = new PreviewImages({ cacheDir: dir, worker, threads: 1 });
		const prepared = ['One?', 'Two?', 'Three?', 'Four?', 'Five?', 'Six?'].map(card);
		images.prepare('og', prepared);
		await images.png('icons', icon);
		const drawn = prepared.filter((request) => readdirSync(join(dir, 'og')).includes(`${images.key('png', request)}.png`));
		// At most the batch the thread had started when the icon was asked for (with one thread, half of
		// the six): never all six.
		expect(drawn.length).toBeLessThanOrEqual(3);
		await Promise.all(prepared.map((request) => images.png('og', request)));
	});

	test('memory stays flat however many cards a build draws, with resvg’s allocator set as the build sets it', () => {
		// resvg's pixmaps live outside V8's heap (3 MB a card) and are freed only when a thread's event
		// loop turns: 150 cards held about 1 GB when the threads never returned to it. The build tells
		// resvg's allocator to keep what it frees (keepFreedImageMemory), which it reads only as resvg
		// loads: so the cards are drawn in a process of their own, set up as the build is. What the
		// first 20 cards take is kept for the next; the 40 after them add next to nothing (4-13 MB
		// measured), where a pixmap kept per card would add 120 MB.
		const script = `
			import { keepFreedImageMemory } from './src/images/integration.ts';
			keepFreedImageMemory();
			const { PreviewImages } = await import('./src/images/preview-images.ts');
			const { CARD_SIZE, layeredSocialCard } = await import('./src/images/social-card.ts');
			const images = new PreviewImages({ cacheDir: ${JSON.stringify(cacheDir())}, worker: ${JSON.stringify(worker)}, threads: 1 });
			const requests = Array.from({ length: 60 }, (_, i) => ({
				node: layeredSocialCard({ kicker: 'Question 7 · Section 1: Python Fundamentals', title: \`Question \${i}: what does it cost?\`, footer: 'Guide' }),
				size: CARD_SIZE,
				source: 'content/questions/01/007.md',
			}));
			images.prepare('og', requests);
			await Promise.all(requests.slice(0, 20).map((request) => images.png('og', request)));
			const after20 = process.memoryUsage().rss;
			await Promise.all(requests.map((request) => images.png('og', request)));
			console.log(JSON.stringify({ growth: process.memoryUsage().rss - after20, purgeDelay: process.env.MIMALLOC_PURGE_DELAY }));`;
		const env = { ...process.env };
		delete env.MIMALLOC_PURGE_DELAY;
		const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot, env, encoding: 'utf8' });
		const { growth, purgeDelay } = JSON.parse(output.trim().split('\n').at(-1)!) as { growth: number; purgeDelay: string };
		expect(purgeDelay).toBe('-1');
		expect(growth / 1024 ** 2).toBeLessThan(60);
	});

	test('a drawing thread’s error names the file the text comes from', async () => {
		const images = new PreviewImages({ cacheDir: cacheDir(), worker });
		const request = card('什么是 GIL?');
		images.prepare('og', [request]);
		await expect(images.png('og', request)).rejects.toThrow(/content\/questions\/01\/007\.md: the preview image's font .* cannot draw/);
	});

	test('one image that cannot be drawn fails alone: the others of its batch are drawn', async () => {
		const images = new PreviewImages({ cacheDir: cacheDir(), worker, threads: 1 });
		const requests = [card('One?'), { ...card('什么是 GIL?'), source: 'content/questions/01/002.md' }, card('Three?'), card('Four?')];
		images.prepare('og', requests);
		const outcomes = await Promise.allSettled(requests.map((request) => images.png('og', request)));
		expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
		expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/content\/questions\/01\/002\.md: the preview image's font/);
	});

	test('keeps the favicon’s SVG too', async () => {
		const dir = cacheDir();
		const images = new PreviewImages({ cacheDir: dir, worker });
		const svg = await images.svg('favicon', { ...icon, size: { width: 32, height: 32 } });
		expect(svg).toMatch(/^<svg /);
		expect(readdirSync(join(dir, 'favicon'))).toEqual([`${images.key('svg', { ...icon, size: { width: 32, height: 32 } })}.svg`]);
	});
});
