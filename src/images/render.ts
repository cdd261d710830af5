// Draws the element trees of src/lib/social-card.ts: Satori lays out the text with the Inter font
// (shipped by @fontsource/inter, so builds need no system fonts) into SVG, resvg rasterises it, and
// png.ts writes the pixels as a palette PNG. Runs in the build's worker threads (worker.ts) and, for
// the favicon's SVG, in the build itself; preview-images.ts decides what needs drawing at all.
import { Resvg } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import type { CardNode } from '../lib/social-card.ts';
import { encodePalettePng } from './png.ts';

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

/** Lays out and rasterises a card to PNG at its own size: a palette PNG, or truecolour past 256 colours. */
export async function renderPng(node: CardNode, size: { width: number; height: number }, source: string): Promise<Uint8Array<ArrayBuffer>> {
	const image = new Resvg(await renderSvg(node, size, source), { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render();
	return (encodePalettePng(image.pixels, image.width, image.height, { premultiplied: true }) ?? new Uint8Array(image.asPng())) as Uint8Array<ArrayBuffer>;
}
