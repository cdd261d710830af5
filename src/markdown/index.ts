// The site's one Markdown setup. astro.config.ts renders content with these plugin lists and Shiki
// settings, the unit tests render with the same ones, and every other module that reads Markdown
// (exports, descriptions, editor's notes, titles, the importer) parses it here, so a syntax the site
// accepts is accepted everywhere and a plugin is added in one place.
import type { RehypePlugins, RemarkPlugins, ShikiConfig } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { directive } from 'micromark-extension-directive';
import { gfm } from 'micromark-extension-gfm';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeAnswerAnchors } from './rehype-answer-anchors.ts';
import { remarkEditorNotes } from './remark-editor-notes.ts';
import { remarkKnownLanguages } from './remark-known-languages.ts';
import { remarkSafeHtml } from './remark-safe-html.ts';
import { codeColorsPlugin, transformerColorClasses } from './shiki-classes.ts';

/**
 * The remark plugins content pages are rendered with, in order. remark-gfm is the project's own
 * choice and version, so GFM comes from here, not from Astro's default. remark-directive parses
 * `:::editor-note[Title]`, the site's notes beside the guide's text.
 */
export const remarkPlugins: RemarkPlugins = [remarkGfm, remarkDirective, remarkEditorNotes, remarkKnownLanguages, remarkSafeHtml];

/** The rehype plugins content pages are rendered with. */
export const rehypePlugins: RehypePlugins = [rehypeAnswerAnchors];

/** Astro's Markdown options besides the plugins: GFM is in the list above; the guide is shown word for word (no smart quotes). */
export const markdownOptions = { gfm: false, smartypants: false, remarkPlugins, rehypePlugins };

/** The code themes, light and dark; code.css picks one by the reader's colour scheme. */
export const shikiThemes = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** Shiki's settings: no inline colours, tokens get colour classes (shiki-classes.ts). */
export const shikiConfig: ShikiConfig = { themes: shikiThemes, defaultColor: false, transformers: [transformerColorClasses()] };

/** The Vite plugin that serves the stylesheet for those colour classes. */
export const codeColors = () => codeColorsPlugin(shikiThemes);

/**
 * How much Markdown a parse understands. 'site' is what content pages accept (GFM and directives);
 * 'gfm' is the source guide's dialect, where `:::` is text; 'commonmark' is for one-line titles.
 */
export type MarkdownSyntax = 'site' | 'gfm' | 'commonmark';

const SYNTAX = {
	site: { extensions: [gfm(), directive()], mdastExtensions: [gfmFromMarkdown(), directiveFromMarkdown()] },
	gfm: { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] },
	commonmark: {},
} satisfies Record<MarkdownSyntax, Parameters<typeof fromMarkdown>[1]>;

/** Markdown's syntax tree (mdast), with source positions. */
export function parseMarkdown(markdown: string, syntax: MarkdownSyntax = 'site'): Root {
	return fromMarkdown(markdown, SYNTAX[syntax]);
}

const plainHtmlProcessor = () =>
	unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(remarkEditorNotes).use(remarkRehype).use(rehypeStringify).freeze();
/** Made on first use: pages never need it, the exports do for every answer. */
let htmlProcessor: ReturnType<typeof plainHtmlProcessor> | undefined;

/** Renders Markdown to plain HTML for other apps: the site's syntax, editor's notes labelled, no highlighting or anchors. */
export function renderMarkdown(markdown: string): string {
	htmlProcessor ??= plainHtmlProcessor();
	return String(htmlProcessor.processSync(markdown)).trim();
}
