// The site's one Markdown setup. astro.config.ts renders content with these plugin lists and Shiki
// settings, the unit tests render with the same ones, and every other module that reads Markdown
// (exports, descriptions, editor's notes, titles, the importer) parses it here, so a syntax the site
// accepts is accepted everywhere and a plugin is added in one place.
import { rehypeShiki, type RehypePlugins, type RemarkPlugins, type ShikiConfig } from '@astrojs/markdown-remark';
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
import type { VFile } from 'vfile';
import { DEFAULT_SITE_URL } from '../site.config.ts';
import { rehypeAnswerAnchors } from './rehype-answer-anchors.ts';
import { remarkAnswerFacts } from './remark-answer-facts.ts';
import { remarkEditorNotes } from './remark-editor-notes.ts';
import { remarkFileLines } from './remark-file-lines.ts';
import { remarkKnownLanguages } from './remark-known-languages.ts';
import { remarkRunnableExamples } from './remark-runnable-examples.ts';
import { remarkSafeHtml } from './remark-safe-html.ts';
import { remarkSiteLinks } from './remark-site-links.ts';
import { codeColorsPlugin, shikiThemes, transformerColorClasses } from './shiki-classes.ts';

/**
 * The remark plugins content pages are rendered with, in order. remark-gfm is the project's own
 * choice and version, so GFM comes from here, not from Astro's default. remark-directive parses
 * `:::editor-note[Title]`, the site's notes beside the guide's text. remarkFileLines makes the
 * lines that errors name the file's own; remarkAnswerFacts records
 * what the pages need to know about the answer (src/lib/answer-facts.ts).
 */
export const remarkPlugins: RemarkPlugins = [
	remarkGfm,
	remarkDirective,
	remarkFileLines,
	remarkEditorNotes,
	remarkKnownLanguages,
	remarkSafeHtml,
	remarkRunnableExamples,
	remarkAnswerFacts,
];

/** Shiki's settings: no inline colours, tokens get colour classes (shiki-classes.ts). */
export const shikiConfig: ShikiConfig = { themes: shikiThemes, defaultColor: false, transformers: [transformerColorClasses()] };

/**
 * The rehype plugins content pages are rendered with. Shiki is Astro's own plugin, put first where
 * Astro would run it; listed here rather than switched on by `syntaxHighlight`, because Astro warns
 * that Shiki's inline styles break a CSP whenever that is on, and these settings write none.
 */
export const rehypePlugins: RehypePlugins = [[rehypeShiki, shikiConfig], rehypeAnswerAnchors];

/**
 * Astro's Markdown options for a site at `site` served under `base` (`/`, or `/guide/`): the plugins
 * above, then remarkSiteLinks, which serves links written from the site's root under the base, and
 * remarkExportHtml, which keeps each answer's HTML for the Anki export with links to the site's full
 * address, from the tree remarkKeepParsedTree copied before the others changed it. GFM is in the list
 * above; the guide is shown word for word (no smart quotes); Shiki is in rehypePlugins.
 */
export const markdownOptionsFor = (base: string, site: string = DEFAULT_SITE_URL) => ({
	gfm: false,
	smartypants: false,
	syntaxHighlight: false as const,
	remarkPlugins: [
		remarkKeepParsedTree,
		...remarkPlugins,
		[remarkSiteLinks, { base }],
		[remarkExportHtml, { siteUrl: new URL(base, site).href }],
	] satisfies RemarkPlugins,
	rehypePlugins,
});

/** The Markdown options of a site served at `/`. */
export const markdownOptions = markdownOptionsFor('/');

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

const plainHtmlProcessor = (siteUrl: string) =>
	unified()
		.use(remarkParse)
		.use(remarkGfm)
		.use(remarkDirective)
		.use(remarkEditorNotes)
		.use(remarkSiteLinks, { base: siteUrl })
		.use(remarkRehype)
		.use(rehypeStringify)
		.freeze();
/** Made on first use, one per site address: pages never need them, the exports do for every answer. */
const htmlProcessors = new Map<string, ReturnType<typeof plainHtmlProcessor>>();

function htmlProcessor(siteUrl: string) {
	let processor = htmlProcessors.get(siteUrl);
	if (!processor) htmlProcessors.set(siteUrl, (processor = plainHtmlProcessor(siteUrl)));
	return processor;
}

/** renderMarkdown's HTML of Markdown already parsed (in the site's syntax); `tree` is changed. */
function plainHtml(tree: Root, siteUrl: string): string {
	const processor = htmlProcessor(siteUrl);
	return String(processor.stringify(processor.runSync(tree))).trim();
}

/**
 * Renders Markdown to plain HTML for other apps: the site's syntax, editor's notes labelled, no
 * highlighting or anchors. Read outside the site, a link written from the site's root needs the
 * site's full address: give it as `siteUrl` (without it, such links stay as written).
 */
export function renderMarkdown(markdown: string, { siteUrl = '/' }: { siteUrl?: string } = {}): string {
	return plainHtml(htmlProcessor(siteUrl).parse(markdown), siteUrl);
}

/** Each file's tree as parsed, copied by remarkKeepParsedTree for remarkExportHtml. */
const parsedTrees = new WeakMap<VFile, Root>();

/**
 * Copies the tree as parsed, before the site's plugins change it (the first of the transforms; GFM
 * and directives are parser extensions, in the tree already), so that remarkExportHtml need not
 * parse the file a second time: that parse was most of its render's time (0.7 s of content sync at
 * 1,000 questions).
 */
function remarkKeepParsedTree() {
	return (tree: Root, file: VFile) => void parsedTrees.set(file, structuredClone(tree));
}

/**
 * Leaves the file's Markdown as plain HTML for other apps (renderMarkdown's, with `siteUrl`) in
 * data.astro.frontmatter as `exportHtml`, which Astro keeps with the rendered answer between builds
 * (remarkPluginFrontmatter): the Anki export reads it there (src/data/content.ts), so a build
 * renders it again only for the answers that changed. It renders remarkKeepParsedTree's copy; last
 * of the transforms, so that the site's own plugins report a fault in the file first, by its line.
 */
function remarkExportHtml({ siteUrl }: { siteUrl: string }) {
	return (_tree: Root, file: VFile) => {
		const parsed = parsedTrees.get(file);
		if (!parsed) throw new Error(`${file.path}: remarkExportHtml needs remarkKeepParsedTree first in the plugin list (markdownOptionsFor).`);
		const astro = (file.data['astro'] ??= {}) as { frontmatter?: Record<string, unknown> };
		(astro.frontmatter ??= {})['exportHtml'] = plainHtml(parsed, siteUrl);
	};
}
