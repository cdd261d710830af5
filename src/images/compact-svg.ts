// Satori's SVG carries what no renderer reads: a <mask> nothing refers to, x/y/width/height on a
// <path>, a <g> without attributes, and outlines written point by point in absolute numbers with a
// zero-length line after every curve. The favicon is fetched with every first page (0.7 KB gzipped of
// a question page's 12 KB budget); written compactly it draws the same pixels in 0.44 KB
// (tests/unit/compact-svg.test.ts): its rounded square as a <rect>, its outlines in relative
// commands, a curve whose control point mirrors the last one's as a smooth curve (`t`).

/** A path's commands when it holds only absolute moves, lines, quadratic curves and closes (Satori's outlines). */
const ABSOLUTE_PATH = /^(?:[MLQZ][\d.\s-]*)+$/;

/** A number as short as SVG allows: "0.5" as ".5", "-0.5" as "-.5" (the outlines hold one decimal). */
const short = (n: number) => String(Math.round(n * 10) / 10).replace(/^(-?)0\./, '$1.');

/** The separator a number needs after `before`: none at the start, before a minus sign, or before ".5" after a number that has its point. */
const separator = (before: string, text: string) => (before === '' || text.startsWith('-') || (text.startsWith('.') && /\.\d*$/.test(before)) ? '' : ' ');

/** Numbers joined with the fewest separators. */
function join(numbers: number[]): string {
	let out = '';
	for (const text of numbers.map(short)) out += separator(out, text) + text;
	return out;
}

/** An outline written with relative commands, without its zero-length lines; any other path data as it was. */
export function compactPathData(d: string): string {
	if (!ABSOLUTE_PATH.test(d.trim())) return d;
	// Points are compared in tenths, as the outlines are written: 0.1 + 0.2 is not 0.3 in floating point.
	const tenths = (n: number) => Math.round(n * 10);
	let x = 0;
	let y = 0;
	let startX = 0;
	let startY = 0;
	/** The last curve's control point, while the last command drew a curve. */
	let control: [number, number] | undefined;
	let out = '';
	let last = '';
	const emit = (command: string, numbers: number[]) => {
		// A command repeated needs its letter only once. Not a move: numbers after a move are lines.
		const text = join(numbers);
		out += command === last && command !== 'z' && command !== 'M' ? separator(out, text) + text : command + text;
		last = command;
	};
	for (const [, command, args] of d.matchAll(/([MLQZ])([^MLQZ]*)/g)) {
		const n = args!.trim() === '' ? [] : args!.trim().split(/[\s,]+/).map(Number);
		if (command === 'M') {
			emit('M', [n[0]!, n[1]!]);
			x = startX = n[0]!;
			y = startY = n[1]!;
			control = undefined;
		} else if (command === 'L') {
			if (n[0] === x && n[1] === y) continue;
			if (n[0] === x) emit('v', [n[1]! - y]);
			else if (n[1] === y) emit('h', [n[0]! - x]);
			else emit('l', [n[0]! - x, n[1]! - y]);
			x = n[0]!;
			y = n[1]!;
			control = undefined;
		} else if (command === 'Q') {
			// A smooth curve's control point is the last one's mirrored through the current point.
			const mirrored = control && tenths(2 * x - control[0]) === tenths(n[0]!) && tenths(2 * y - control[1]) === tenths(n[1]!);
			if (mirrored) emit('t', [n[2]! - x, n[3]! - y]);
			else emit('q', [n[0]! - x, n[1]! - y, n[2]! - x, n[3]! - y]);
			control = [n[0]!, n[1]!];
			x = n[2]!;
			y = n[3]!;
		} else {
			emit('z', []);
			x = startX;
			y = startY;
			control = undefined;
		}
	}
	return out;
}

/** The path Satori writes for a rounded rectangle at the origin: `M6,0 h20 a6,6 0 0 1 6,6 …`. */
const roundedRectangle = (w: number, h: number, r: number) =>
	`M${r},0 h${w - 2 * r} a${r},${r} 0 0 1 ${r},${r} v${h - 2 * r} a${r},${r} 0 0 1 -${r},${r} h-${w - 2 * r} a${r},${r} 0 0 1 -${r},-${r} v-${h - 2 * r} a${r},${r} 0 0 1 ${r},-${r}`;

/** Satori's SVG without what no renderer reads, its shapes written compactly. */
export function compactSvg(svg: string): string {
	return svg
		.replace(/<mask id="([^"]+)">[\s\S]*?<\/mask>/g, (mask, id: string) => (svg.includes(`url(#${id})`) ? mask : ''))
		.replace(/<g>([\s\S]*?)<\/g>/g, '$1')
		.replace(/ fill="#([\da-f])\1([\da-f])\2([\da-f])\3"/gi, ' fill="#$1$2$3"')
		.replace(/<path x="0" y="0" width="(\d+)" height="(\d+)"( fill="[^"]*") d="([^"]*)"\/>/g, (path, w: string, h: string, fill: string, d: string) => {
			const radius = /^M(\d+),0 /.exec(d)?.[1];
			if (radius === undefined || d !== roundedRectangle(Number(w), Number(h), Number(radius))) return path;
			return `<rect width="${w}" height="${h}" rx="${radius}"${fill}/>`;
		})
		.replace(/<path x="[^"]*" y="[^"]*" width="[^"]*" height="[^"]*"/g, '<path')
		.replace(/\sd="([^"]*)"/g, (_, d: string) => ` d="${compactPathData(d)}"`);
}
