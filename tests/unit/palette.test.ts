// The colours have one home, src/styles/palette.ts: tokens.css takes them from it at build time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CARD_COLOURS } from '../../src/images/social-card.ts';
import { lightColour, PALETTE_MARKER, paletteDeclarations, palettePlugin, PRINT_COLOURS, THEME_COLOURS } from '../../src/styles/palette.ts';
import { projectRoot } from '../helpers/project.ts';

const tokensFile = join(projectRoot, 'src/styles/tokens.css');
const tokens = readFileSync(tokensFile, 'utf8');
const transform = (code: string, id = tokensFile) => palettePlugin().transform(code, id);

describe('paletteDeclarations', () => {
	test('declares every colour, with light-dark() for the themed ones', () => {
		const css = paletteDeclarations('');
		expect(css).toContain('--sg-color-bg: light-dark(#ffffff, #0d1117);');
		expect(css).toContain('--sg-color-ink: #000000;');
		expect(css.split('\n')).toHaveLength(Object.keys(THEME_COLOURS).length + Object.keys(PRINT_COLOURS).length);
	});
});

describe('palettePlugin', () => {
	test('writes the palette where tokens.css holds the marker, at its indent', () => {
		const result = transform(tokens);
		expect(result?.code).not.toContain(PALETTE_MARKER);
		expect(result?.code).toContain(`\n${paletteDeclarations('\t\t')}\n`);
	});

	test('leaves every other file alone', () => {
		expect(transform('a { color: red; }', join(projectRoot, 'src/styles/base.css'))).toBeUndefined();
	});

	test('fails, naming the file, when tokens.css has lost the marker', () => {
		expect(() => transform(':root { --x: 1; }')).toThrow(`${tokensFile}: the colour custom properties need the line "${PALETTE_MARKER}"`);
	});
});

describe('one source of colours', () => {
	test('no stylesheet writes a colour of the palette itself', () => {
		const hex = /#[0-9a-f]{3,8}\b/i;
		for (const sheet of ['tokens', 'base', 'prose', 'code', 'utils', 'print', 'reset']) {
			expect(readFileSync(join(projectRoot, `src/styles/${sheet}.css`), 'utf8'), `src/styles/${sheet}.css`).not.toMatch(hex);
		}
	});

	test('the preview cards and icons use the light theme', () => {
		expect(CARD_COLOURS).toEqual({
			paper: lightColour('bg'),
			ink: lightColour('text'),
			muted: lightColour('muted'),
			accent: lightColour('accent'),
			soft: lightColour('accent-soft'),
		});
	});
});
