import { Resvg } from '@resvg/resvg-js';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { compactPathData, compactSvg } from '../../src/images/compact-svg.ts';
import { renderSvg } from '../../src/images/render.ts';
import { siteIcon } from '../../src/images/social-card.ts';

/** Pixels of an SVG drawn at 256 px wide, where a shifted point or a lost curve shows. */
const pixels = (svg: string) => new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'width', value: 256 } }).render().pixels;

describe('compactPathData', () => {
	test('writes an absolute outline with relative commands, short numbers and no zero-length lines', () => {
		expect(compactPathData('M12.2 22.2L12.2 22.2Q10.6 22.2 9.4 21.5L9.4 21.5L12.2 21.5L12.2 20Z')).toMatchInlineSnapshot(`"M12.2 22.2q-1.6 0-2.8-.7h2.8v-1.5z"`);
	});

	test('writes a curve whose control point mirrors the last curve’s as a smooth curve', () => {
		expect(compactPathData('M0 0Q1 1 2 0Q3 -1 4 0Q5 0 6 1L7 1Q8 2 9 1Z')).toBe('M0 0q1 1 2 0t2 0q1 0 2 1h1q1 1 2 0z');
	});

	test('keeps the letter of a move that follows a move (without it the numbers would be a line)', () => {
		expect(compactPathData('M1 1M2 2L3 2Z')).toBe('M1 1M2 2h1z');
	});

	test('leaves path data with other commands as it is', () => {
		expect(compactPathData('M6,0 h20 a6,6 0 0 1 6,6 v20')).toBe('M6,0 h20 a6,6 0 0 1 6,6 v20');
	});
});

describe('compactSvg', () => {
	test('draws the favicon pixel for pixel as Satori wrote it, in far fewer bytes', async () => {
		const satori = await renderSvg(siteIcon(32), { width: 32, height: 32 }, 'src/images/social-card.ts');
		const compact = compactSvg(satori);
		expect(Buffer.compare(pixels(compact), pixels(satori))).toBe(0);
		expect(compact).not.toContain('<mask');
		expect(compact).toContain('<rect width="32" height="32" rx="6" fill="#0a58b8"/><path fill="#fff" d="M12.2 22.2q');
		expect(gzipSync(compact).length).toBeLessThan(gzipSync(satori).length * 0.7);
	});

	test('keeps a rounded path that is not the rectangle it starts like', () => {
		const svg = '<svg><path x="0" y="0" width="32" height="32" fill="#0a58b8" d="M6,0 h20 a6,6 0 0 1 6,6 v20 a6,6 0 0 1 -6,6 h-20 a6,6 0 0 1 -6,-6 v-20 a5,5 0 0 1 6,-6"/></svg>';
		expect(compactSvg(svg)).toBe('<svg><path fill="#0a58b8" d="M6,0 h20 a6,6 0 0 1 6,6 v20 a6,6 0 0 1 -6,6 h-20 a6,6 0 0 1 -6,-6 v-20 a5,5 0 0 1 6,-6"/></svg>');
	});

	test('keeps a mask something refers to', () => {
		const svg = '<svg><mask id="m"><rect/></mask><path mask="url(#m)" d="M0 0L1 1Z"/></svg>';
		expect(compactSvg(svg)).toBe('<svg><mask id="m"><rect/></mask><path mask="url(#m)" d="M0 0l1 1z"/></svg>');
	});
});
