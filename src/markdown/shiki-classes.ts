// Shiki colours as classes instead of inline style attributes, so that the site's Content Security
// Policy needs no 'unsafe-inline' for styles. Each token gets one class per theme naming its colour
// (`sl-24292e` light, `sd-e1e4e8` dark); the stylesheet that gives those classes their colour is
// made from the themes' own palettes, so every colour a theme can produce has its rule.
import type { Element } from 'hast';
import { bundledThemes, type ShikiTransformer, type ThemeRegistration } from 'shiki';
import { normalizeTheme } from 'shiki/core';
import { Theme } from 'shiki/textmate';

/** The code themes, light and dark; code.css picks one by the reader's colour scheme. */
export const shikiThemes = { light: 'github-light-default', dark: 'github-dark-default' } as const;

const THEME_PREFIX = { light: 'sl', dark: 'sd' } as const;
type ThemeKey = keyof typeof THEME_PREFIX;

/** Shiki's font flags, as Shiki writes them in style variables, and the CSS each stands for. */
const FONT_RULES: Record<string, string> = {
	'font-style:italic': 'font-style: italic',
	'font-weight:bold': 'font-weight: bold',
	'text-decoration:underline': 'text-decoration: underline',
	'text-decoration:line-through': 'text-decoration: line-through',
};

const colourClass = (theme: ThemeKey, colour: string) => `${THEME_PREFIX[theme]}-${colour.replace('#', '').toLowerCase()}`;
const fontClass = (declaration: string) => `sf-${declaration.replace(/[^a-z-]+/g, '-')}`;

/** A style attribute's declarations as [property, value] pairs. */
function declarations(style: string): [string, string][] {
	return style
		.split(';')
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part) => {
			const colon = part.indexOf(':');
			return [part.slice(0, colon).trim(), part.slice(colon + 1).trim()];
		});
}

/** Turns a token's style (--shiki-light / --shiki-dark and font flags) into classes; refuses the unknown. */
export function tokenClasses(style: string): string[] {
	const classes: string[] = [];
	const fonts = new Map<string, string>();
	for (const [property, value] of declarations(style)) {
		const match = /^--shiki-(light|dark)(?:-(font-style|font-weight|text-decoration))?$/.exec(property);
		if (!match) throw new Error(`Shiki produced a style this site cannot express as a class: "${property}: ${value}"`);
		const theme = match[1] as ThemeKey;
		const font = match[2];
		if (!font) classes.push(colourClass(theme, value));
		else fonts.set(`${theme}:${font}`, value);
	}
	for (const font of ['font-style', 'font-weight', 'text-decoration']) {
		const light = fonts.get(`light:${font}`);
		const dark = fonts.get(`dark:${font}`);
		if (light === undefined && dark === undefined) continue;
		const declaration = `${font}:${light ?? dark}`;
		if (light !== dark || !(declaration in FONT_RULES)) {
			throw new Error(`Shiki's themes disagree on, or use an unknown, ${font}: light "${light}", dark "${dark}"`);
		}
		classes.push(fontClass(declaration));
	}
	return classes;
}

/** The Shiki transformer: classes on tokens, and no style attribute anywhere in a code block. */
export function transformerColorClasses(): ShikiTransformer {
	const toClasses = (node: Element) => {
		const style = node.properties['style'];
		if (typeof style !== 'string') return;
		delete node.properties['style'];
		for (const name of tokenClasses(style)) addClass(node, name);
	};
	return {
		name: 'site:color-classes',
		// The block's own colours and scrolling come from src/styles/code.css, which reads only the
		// astro-code class: Astro's theme classes and data-language are read by nothing (a page's bytes).
		pre(node) {
			delete node.properties['style'];
			delete node.properties['dataLanguage'];
			node.properties['class'] = 'astro-code';
		},
		span: toClasses,
	};
}

/** The two themes named, as Shiki bundles them. */
export async function loadThemes(themeNames: Record<ThemeKey, string> = shikiThemes): Promise<Record<ThemeKey, ThemeRegistration>> {
	const load = async (name: string) => {
		const theme = bundledThemes[name as keyof typeof bundledThemes];
		if (!theme) throw new Error(`Unknown Shiki theme "${name}"`);
		return (await theme()).default as ThemeRegistration;
	};
	return { light: await load(themeNames.light), dark: await load(themeNames.dark) };
}

/** A Vite plugin serving `virtual:code-colors.css`: codeColorCss() for the two themes named. */
export function codeColorsPlugin(themeNames: Record<ThemeKey, string>) {
	const id = 'virtual:code-colors.css';
	return {
		name: 'site:code-colors',
		resolveId: (source: string) => (source === id ? `\0${id}` : undefined),
		async load(resolved: string) {
			if (resolved !== `\0${id}`) return undefined;
			return codeColorCss(await loadThemes(themeNames));
		},
	};
}

/** A scope stack as vscode-textmate's Theme.match reads it: the innermost scope, and its parents. */
type ScopeStack = Parameters<Theme['match']>[0];

/** vscode-textmate's font style bits (its FontStyle is a const enum, which type stripping cannot read). */
const FONT_STYLE_BITS: [bit: number, property: string, value: string][] = [
	[1, 'font-style', 'italic'],
	[2, 'font-weight', 'bold'],
	[4, 'text-decoration', 'underline'],
	[8, 'text-decoration', 'line-through'],
];
const FONT_STYLE_NOT_SET = -1;

/**
 * The classes Shiki gives a token of these TextMate scopes (outermost first, as a grammar nests
 * them, e.g. `source.python`, `keyword.control.flow.python`), worked out as Shiki's tokenizer does
 * (vscode-textmate): each scope that a theme rule matches sets the colour and font style, the inner
 * one winning, and what none sets is the theme's default. For code coloured by another highlighter
 * (the examples' editor) that the same stylesheet is to colour exactly as a highlighted block.
 */
export function scopeClasses(themes: Record<ThemeKey, ThemeRegistration>, scopes: readonly string[]): string[] {
	const style: string[] = [];
	for (const key of ['light', 'dark'] as const) {
		const theme = Theme.createFromRawTheme(normalizeTheme(themes[key]) as Parameters<typeof Theme.createFromRawTheme>[0]);
		const colours = theme.getColorMap();
		let { foregroundId, fontStyle } = theme.getDefaults();
		let stack: ScopeStack = null;
		for (const scopeName of scopes) {
			stack = { parent: stack, scopeName } as ScopeStack;
			const match = theme.match(stack);
			if (match && match.foregroundId !== 0) foregroundId = match.foregroundId;
			if (match && match.fontStyle !== FONT_STYLE_NOT_SET) fontStyle = match.fontStyle;
		}
		style.push(`--shiki-${key}:${colours[foregroundId]}`);
		for (const [bit, property, value] of FONT_STYLE_BITS) if (fontStyle & bit) style.push(`--shiki-${key}-${property}:${value}`);
	}
	return tokenClasses(style.join(';'));
}

function addClass(node: Element, name: string) {
	const current = node.properties['className'];
	const list = Array.isArray(current) ? current.map(String) : current ? String(current).split(' ') : [];
	if (!list.includes(name)) list.push(name);
	node.properties['className'] = list;
}

/** Every colour a theme's token rules and editor colours can give. */
function paletteOf(theme: ThemeRegistration): string[] {
	const colours = new Set<string>();
	const add = (value: unknown) => typeof value === 'string' && /^#[0-9a-f]{3,8}$/i.test(value) && colours.add(value.toLowerCase());
	for (const rule of theme.tokenColors ?? theme.settings ?? []) add(rule.settings?.foreground);
	add(theme.colors?.['editor.foreground']);
	add(theme.fg);
	return [...colours].sort();
}

/** A rule of codeColorCss() for one class, as minified into a page: `.sl-0550ae{--sl:#0550ae}`, `.sf-font-style-italic{…}`. */
const CLASS_RULE = /\.((?:sl|sd)-[0-9a-f]+|sf-[a-z-]+)\{[^}]*\}/g;

/** The classes the elements of an HTML page carry. */
export const classesIn = (html: string) => new Set([...html.matchAll(/\sclass="([^"]*)"/g)].flatMap((match) => match[1]!.split(/\s+/)));

/**
 * A stylesheet with only the colour and font rules (codeColorCss()'s) of the classes in `used`, the
 * rest as it is: every colour the themes can give is in the shared stylesheet, and a page's code
 * uses a few. The examples' editor, which colours code with the same classes, brings the rules of
 * the classes it gives (runtimes.ts).
 */
export function keepCodeColors(css: string, used: ReadonlySet<string>): string {
	return css.replace(CLASS_RULE, (rule, name: string) => (used.has(name) ? rule : ''));
}

/** The stylesheet for the classes: each colour class sets --sl or --sd, which code.css reads. */
export function codeColorCss(themes: Record<ThemeKey, ThemeRegistration>): string {
	const rules: string[] = [];
	for (const key of ['light', 'dark'] as const) {
		for (const colour of paletteOf(themes[key])) {
			rules.push(`.${colourClass(key, colour)}{--${THEME_PREFIX[key]}:${colour}}`);
		}
	}
	for (const [declaration, css] of Object.entries(FONT_RULES)) rules.push(`.${fontClass(declaration)}{${css}}`);
	const background = (theme: ThemeRegistration) => (theme.colors?.['editor.background'] ?? theme.bg ?? '').toLowerCase();
	const foreground = (theme: ThemeRegistration) => (theme.colors?.['editor.foreground'] ?? theme.fg ?? '').toLowerCase();
	rules.unshift(
		`.astro-code{--sl:${foreground(themes.light)};--sd:${foreground(themes.dark)};--sl-bg:${background(themes.light)};--sd-bg:${background(themes.dark)}}`,
	);
	return `@layer code{${rules.join('')}}\n`;
}
