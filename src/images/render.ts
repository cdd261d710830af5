// Draws the element trees of src/images/social-card.ts: Satori lays out the text with the Inter font
// (shipped by @fontsource/inter, so builds need no system fonts) into SVG, resvg rasterises it, and
// png.ts writes the pixels as a palette PNG. A card comes in layers (social-card.ts): its frame is
// drawn once a thread, then only the band with its own text. Runs in the build's worker threads
// (worker.ts) and, for the favicon's SVG, in the build itself; preview-images.ts decides what needs
// drawing at all.
import { Resvg } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import type { CardNode, LayeredCard } from './social-card.ts';
import { encodePng } from './png.ts';

const require = createRequire(import.meta.url);
const FONT_FILES = { 400: '@fontsource/inter/files/inter-latin-400-normal.woff', 700: '@fontsource/inter/files/inter-latin-700-normal.woff' } as const;
const font = (weight: 400 | 700) => ({
	name: 'Inter',
	weight,
	style: 'normal' as const,
	data: readFileSync(require.resolve(FONT_FILES[weight])),
});
let fonts: ReturnType<typeof font>[] | undefined;

/**
 * What, besides the element tree and size, decides an image's bytes: the font files, the versions of
 * Satori and resvg, and zlib's (it writes the PNG's pixel data). A hash, part of every cache key.
 */
export function rendererFingerprint(): string {
	const hash = createHash('sha256');
	for (const file of Object.values(FONT_FILES)) hash.update(readFileSync(require.resolve(file)));
	for (const name of ['satori', '@resvg/resvg-js']) hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}\0`);
	return hash.update(`zlib@${process.versions.zlib}`).digest('hex');
}

/**
 * Lays out a card as SVG, its text turned into outlines. `source` names what the text comes from,
 * so a character the font cannot draw fails the build there instead of printing as a blank box.
 */
export async function renderSvg(node: CardNode, size: { width: number; height: number }, source: string): Promise<string> {
	fonts ??= [font(400), font(700)];
	return satori(node as Parameters<typeof satori>[0], {
		...size,
		fonts,
		loadAdditionalAsset: async (_language, segment) => {
			throw new Error(`${source}: the preview image's font (Inter, Latin) cannot draw "${segment}".`);
		},
	});
}

/** What render.ts draws: one element tree, or a card in layers (social-card.ts). */
export type ImageNode = CardNode | LayeredCard;

const isLayered = (node: ImageNode): node is LayeredCard => 'frame' in node;

/** Lays out and rasterises an element tree: resvg's RGBA pixels, premultiplied. */
async function rasterise(node: CardNode, size: { width: number; height: number }, source: string): Promise<Buffer> {
	return new Resvg(await renderSvg(node, size, source), { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render().pixels;
}

/**
 * The pixels of each frame this thread has drawn, by frame and size. One buffer per frame, into which
 * each card's band is copied before the card is encoded: every band row is written over (the band
 * has its own paper), and nothing is awaited between copying and encoding.
 */
const frames = new Map<string, Promise<Buffer>>();

/** Lays out and rasterises an image to PNG at its own size: a palette PNG, or truecolour past 256 colours (png.ts). */
export async function renderPng(node: ImageNode, size: { width: number; height: number }, source: string): Promise<Uint8Array<ArrayBuffer>> {
	if (!isLayered(node)) return encodePng(await rasterise(node, size, source), size.width, size.height, { premultiplied: true }) as Uint8Array<ArrayBuffer>;
	const { frame, band } = node;
	const key = JSON.stringify([size, frame]);
	let frameDrawn = frames.get(key);
	if (!frameDrawn) {
		frames.set(key, (frameDrawn = rasterise(frame, size, source)));
		// A frame that cannot be drawn is not kept: each card that needs it reports the failure itself.
		frameDrawn.catch(() => frames.delete(key));
	}
	const [pixels, bandPixels] = await Promise.all([frameDrawn, rasterise(band.node, { width: size.width, height: band.height }, source)]);
	bandPixels.copy(pixels, band.top * size.width * 4);
	return encodePng(pixels, size.width, size.height, { premultiplied: true }) as Uint8Array<ArrayBuffer>;
}
