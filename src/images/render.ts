// Draws the element trees of src/lib/social-card.ts: Satori lays out the text with the Inter font
// (shipped by @fontsource/inter, so builds need no system fonts) into SVG, resvg rasterises to PNG.
import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import type { CardNode } from '../lib/social-card.ts';

const require = createRequire(import.meta.url);
const font = (weight: 400 | 700) => ({
	name: 'Inter',
	weight,
	style: 'normal' as const,
	data: readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)),
});
let fonts: ReturnType<typeof font>[] | undefined;

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

/** Lays out and rasterises a card to PNG at its own size. */
export async function renderPng(
	node: CardNode,
	size: { width: number; height: number },
	source: string,
): Promise<Uint8Array<ArrayBuffer>> {
	const svg = await renderSvg(node, size, source);
	return new Uint8Array(new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render().asPng());
}
