// https://astro.build/config
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { rehypeAnswerAnchors } from './src/markdown/rehype-answer-anchors.ts';
import { remarkKnownLanguages } from './src/markdown/remark-known-languages.ts';

export default defineConfig({
	site: process.env.SITE_URL ?? 'http://127.0.0.1:4321',
	base: process.env.BASE_PATH ?? '/',
	trailingSlash: 'always',
	build: {
		format: 'directory',
		// ~2.6 KB of compressed CSS inline saves a render-blocking request on every first visit, and
		// keeps a page at three requests (HTML, the search control's script, the favicon).
		inlineStylesheets: 'always',
	},
	devToolbar: { enabled: false },
	markdown: {
		processor: unified({
			// remark-gfm is the project's own choice and version, so GFM is added here, not by the default.
			gfm: false,
			// The guide is shown word for word: no typographic quote or dash rewriting.
			smartypants: false,
			remarkPlugins: [remarkGfm, remarkKnownLanguages],
			rehypePlugins: [rehypeAnswerAnchors],
		}),
		shikiConfig: {
			themes: { light: 'github-light', dark: 'github-dark' },
			// Colours only as --shiki-light/--shiki-dark variables; src/styles/code.css picks one.
			defaultColor: false,
		},
	},
});
