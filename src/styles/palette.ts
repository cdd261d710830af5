// The site's colours, once. tokens.css gets them as custom properties (palettePlugin writes them in
// at build time), and the preview cards, icons, manifest and theme-color read them from here, so a
// colour is changed in one place.

/** A colour for each theme: the light one first, as CSS light-dark() takes them. */
type ThemePair = readonly [light: string, dark: string];

/** The colours that follow the theme, as `--sg-color-<name>: light-dark(light, dark)`. */
export const THEME_COLOURS = {
	bg: ['#ffffff', '#0d1117'],
	surface: ['#f6f8fa', '#161b22'],
	text: ['#1f2328', '#e6edf3'],
	muted: ['#59636e', '#9ba6b2'],
	border: ['#d1d9e0', '#3d444d'],
	accent: ['#0a58b8', '#79b8ff'],
	'accent-soft': ['#ddf4ff', '#102a4a'],
	focus: ['#0a58b8', '#79b8ff'],
	mark: ['#fff3a3', '#5c4a00'],
	note: ['#7d4e00', '#e3b341'],
	/** An error's text (a traceback, a failed run). */
	danger: ['#b42318', '#ff8b7b'],
	/** Text on an accent-filled control (primary buttons). */
	'on-accent': ['#ffffff', '#0d1117'],
	// The four grades of study mode: named on every button and count, the colour only helps.
	again: ['#cf222e', '#ff7b72'],
	'again-soft': ['#ffebe9', '#3c1618'],
	'again-text': ['#a40e26', '#ffa198'],
	hard: ['#bc4c00', '#f0883e'],
	'hard-soft': ['#fff1e5', '#3a2108'],
	good: ['#1a7f37', '#3fb950'],
	'good-soft': ['#dafbe1', '#0f2d19'],
	easy: ['#0969da', '#58a6ff'],
	'easy-soft': ['#ddf4ff', '#0c2d4f'],
} as const satisfies Record<string, ThemePair>;

/** The colours printed pages use whatever the theme: `--sg-color-<name>`. */
export const PRINT_COLOURS = { ink: '#000000', paper: '#ffffff' } as const;

/** The light theme's colour of a name, for what has one theme only (images, manifest, theme-color). */
export const lightColour = (name: keyof typeof THEME_COLOURS) => THEME_COLOURS[name][0];

/** The custom-property declarations of every colour, one a line, as tokens.css holds them. */
export function paletteDeclarations(indent = '\t\t'): string {
	return [
		...Object.entries(THEME_COLOURS).map(([name, [light, dark]]) => `--sg-color-${name}: light-dark(${light}, ${dark});`),
		...Object.entries(PRINT_COLOURS).map(([name, value]) => `--sg-color-${name}: ${value};`),
	]
		.map((line) => `${indent}${line}`)
		.join('\n');
}

/** Where tokens.css takes the colours: a comment on a line of its own, replaced whole. */
export const PALETTE_MARKER = '/* palette: src/styles/palette.ts */';

/**
 * A Vite plugin that writes the palette into tokens.css where PALETTE_MARKER stands, before Vite
 * reads the stylesheet. A tokens.css without the marker fails the build rather than lose colours.
 */
export function palettePlugin() {
	return {
		name: 'site:palette',
		enforce: 'pre' as const,
		transform(code: string, id: string) {
			if (!/\/src\/styles\/tokens\.css(?:\?|$)/.test(id)) return undefined;
			const marker = new RegExp(`^([ \\t]*)${PALETTE_MARKER.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, 'm');
			const found = marker.exec(code);
			if (!found) throw new Error(`${id}: the colour custom properties need the line "${PALETTE_MARKER}"`);
			return { code: code.replace(marker, paletteDeclarations(found[1])), map: null };
		},
	};
}
