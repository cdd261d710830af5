// A PNG writer for images of at most 256 colours, such as the preview cards: flat paper, ink and
// accent plus the anti-aliased edges between them come to about 90 colours. It keeps every pixel's
// exact colour (a palette, not a quantiser), and the file is about half the size of resvg's own
// truecolour PNG for about the same time (`npm run bench -- --cards`). No npm encoder fitted:
// fast-png deflates in JavaScript (5 times slower here), sharp's palette goes through a quantiser.
import { Buffer } from 'node:buffer';
import { endianness } from 'node:os';
import { constants, crc32, deflateSync } from 'node:zlib';

const LITTLE_ENDIAN = endianness() === 'LE';
const PALETTE_BITS = 10;
const PALETTE_SLOTS = 1 << PALETTE_BITS;
const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** One PNG chunk: length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(12 + data.length);
	const view = new DataView(out.buffer);
	view.setUint32(0, data.length);
	for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
	out.set(data, 8);
	view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
	return out;
}

/** PNG colour types: 8-bit palette indices, and 8-bit RGBA. */
const PALETTE = 3;
const RGBA = 6;

/** The IHDR chunk: bit depth 8, the colour type, deflate, no filter method, no interlace. */
function imageHeader(width: number, height: number, colourType: typeof PALETTE | typeof RGBA): Uint8Array {
	const header = new Uint8Array(13);
	const view = new DataView(header.buffer);
	view.setUint32(0, width);
	view.setUint32(4, height);
	header.set([8, colourType, 0, 0, 0], 8);
	return chunk('IHDR', header);
}

/**
 * An 8-bit palette PNG of `width` × `height` RGBA pixels, or undefined when they hold more than 256
 * colours. `premultiplied` pixels (resvg's) are turned back into straight colour as resvg's own PNG
 * writer does. Deterministic: colours are numbered in order of first use.
 */
export function encodePalettePng(rgba: Uint8Array, width: number, height: number, { premultiplied = false } = {}): Uint8Array | undefined {
	if (rgba.length !== width * height * 4) throw new Error(`encodePalettePng: ${rgba.length} bytes is not ${width}×${height} RGBA pixels.`);
	// Each pixel as one 32-bit number, red in the low byte: a view of the bytes where the machine's byte
	// order makes that so (little-endian, nearly all), else a copy. Signed, so V8 keeps them as integers.
	const count = width * height;
	const pixels =
		LITTLE_ENDIAN && rgba.byteOffset % 4 === 0
			? new Int32Array(rgba.buffer, rgba.byteOffset, count)
			: Int32Array.from({ length: count }, (_, p) => rgba[p * 4]! | (rgba[p * 4 + 1]! << 8) | (rgba[p * 4 + 2]! << 16) | (rgba[p * 4 + 3]! << 24));
	// Colour to palette index: an open-addressing table in typed arrays, four times the palette's
	// size so probes stay short. A Map cost more than the rest of the encoding together.
	const keys = new Int32Array(PALETTE_SLOTS);
	const slots = new Int16Array(PALETTE_SLOTS).fill(-1);
	const colours: number[] = [];
	// Each row starts with its filter type, 0 (none): the PNG spec's advice for palette images.
	const rows = new Uint8Array((width + 1) * height);
	let last = pixels[0]! ^ 1; // any colour but the first pixel's
	let lastIndex = 0;
	const rowBytes = width * 4;
	const bytes = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.length);
	for (let y = 0, p = 0; y < height; y++) {
		let o = y * (width + 1) + 1;
		// A row the same as the one above (margins, the gaps between lines, a rule) takes that row's
		// indices whole: a native compare and copy instead of a look at every pixel. It holds no colour
		// the row above did not, so the palette's order and the last colour seen stay as they were.
		const start = y * rowBytes;
		if (y > 0 && bytes.compare(bytes, start - rowBytes, start, start, start + rowBytes) === 0) {
			rows.copyWithin(o, o - (width + 1), o - 1);
			p += width;
			continue;
		}
		for (let x = 0; x < width; x++, p++) {
			const pixel = pixels[p]!;
			// Runs of one colour are the rule, so the table is asked only when the colour changes.
			if (pixel !== last) {
				let slot = Math.imul(pixel, 0x9e3779b1) >>> (32 - PALETTE_BITS);
				while (slots[slot] !== -1 && keys[slot] !== pixel) slot = (slot + 1) & (PALETTE_SLOTS - 1);
				if (slots[slot] === -1) {
					if (colours.length === 256) return undefined;
					keys[slot] = pixel;
					slots[slot] = colours.length;
					const colour = pixel >>> 0;
					colours.push(premultiplied && colour < 0xff000000 ? demultiply(colour) : colour);
				}
				last = pixel;
				lastIndex = slots[slot]!;
			}
			rows[o++] = lastIndex;
		}
	}
	const palette = new Uint8Array(colours.length * 3);
	colours.forEach((colour, i) => palette.set([colour & 0xff, (colour >>> 8) & 0xff, (colour >>> 16) & 0xff], i * 3));
	const alphas = colours.map((colour) => colour >>> 24);
	const lastTranslucent = alphas.findLastIndex((alpha) => alpha < 255);
	return concat([
		SIGNATURE,
		imageHeader(width, height, PALETTE),
		chunk('PLTE', palette),
		// Transparency only when some colour has it (an icon's rounded corners); cards are opaque.
		...(lastTranslucent >= 0 ? [chunk('tRNS', Uint8Array.from(alphas.slice(0, lastTranslucent + 1)))] : []),
		// Run-length deflate: as small as zlib's level 3 on these rows at a third of level 6's time.
		chunk('IDAT', deflateSync(rows, { strategy: constants.Z_RLE })),
		chunk('IEND', new Uint8Array(0)),
	]);
}

/**
 * A PNG of `width` × `height` RGBA pixels: a palette PNG (encodePalettePng) when they hold at most 256
 * colours, else truecolour with alpha, in straight colour as resvg's own PNG writer gives it.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number, { premultiplied = false } = {}): Uint8Array {
	const palette = encodePalettePng(rgba, width, height, { premultiplied });
	if (palette) return palette;
	const rows = new Uint8Array((width * 4 + 1) * height);
	const view = new DataView(rows.buffer);
	for (let y = 0, p = 0; y < height; y++) {
		let o = y * (width * 4 + 1) + 1; // after the row's filter type, 0 (none)
		for (let x = 0; x < width; x++, p += 4, o += 4) {
			const colour = (rgba[p]! | (rgba[p + 1]! << 8) | (rgba[p + 2]! << 16) | (rgba[p + 3]! << 24)) >>> 0;
			const straight = premultiplied && colour < 0xff000000 ? demultiply(colour) : colour;
			view.setUint32(o, straight, true);
		}
	}
	return concat([SIGNATURE, imageHeader(width, height, RGBA), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array(0))]);
}

/** A premultiplied colour in straight alpha, rounded as tiny-skia (resvg's rasteriser) rounds it. */
function demultiply(colour: number): number {
	const alpha = colour >>> 24;
	if (alpha === 0) return 0;
	const scale = alpha / 255;
	const channel = (shift: number) => Math.min(255, Math.floor(((colour >>> shift) & 0xff) / scale + 0.5));
	return (channel(0) | (channel(8) << 8) | (channel(16) << 16) | (alpha << 24)) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}
