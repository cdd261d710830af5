// https://astro.build/config
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { markdownOptionsFor } from './src/markdown/index.ts';
import { siteIntegrations, sitePlugins } from './src/integrations/index.ts';
import { THEME_RESTORE_SCRIPT } from './src/theme/theme.ts';
import { DEFAULT_SITE_URL } from './src/site.config.ts';
import { sha256Source } from './src/lib/csp.ts';
import { SANDBOX_SCRIPT } from './src/examples/sandbox.ts';

/** Where the site is served: `/`, or a sub-path such as `/guide/` (the tests build under both). */
const base = process.env.BASE_PATH ?? '/';
/** The site's address: canonical links, the sitemap, and the Anki export's links between questions. */
const site = process.env.SITE_URL ?? DEFAULT_SITE_URL;

export default defineConfig({
	site,
	base,
	// The tests build a second copy under a base path beside dist/ (scripts/test.ts).
	outDir: process.env.OUT_DIR ?? 'dist',
	trailingSlash: 'always',
	build: {
		format: 'directory',
		// ~2.6 KB of compressed CSS inline saves a render-blocking request on every first visit, and
		// keeps a page at three requests (HTML, the search control's script, the favicon).
		inlineStylesheets: 'always',
		// Pages render four at a time: a page's own work is short beside the wait for its folder and
		// file to be written, which another page's rendering now fills (1,000 questions, cards already
		// drawn: the pages in 9.1-10.0 s instead of 11.5-13.9 s). The output is the same byte for byte.
		concurrency: 4,
	},
	// Scoped styles by a short class (.astro-xxxx) rather than a data-astro-cid-xxxx attribute on every
	// element and in every selector: fewer bytes on each page, the same scoping. The page shell and the
	// parts of a question page are not scoped at all (<style is:global>, every selector starting at the
	// component's own element or class): even the short class on each of their elements weighed 0.5 KB
	// of question 7's 12 KB budget.
	scopedStyleStrategy: 'class',
	devToolbar: { enabled: false },
	experimental: {
		// A page whose getStaticPaths() gives a cacheKey (src/data/cache-key.ts) and whose code is
		// unchanged is copied from the last build (node_modules/.astro/) instead of rendered again.
		incrementalBuild: true,
	},
	// Every build step of the project's own, in the order it runs: src/integrations/index.ts.
	integrations: siteIntegrations(),
	security: {
		// A <meta> policy with hashes of every script and style Astro emits. No 'unsafe-inline' or
		// 'unsafe-eval'; 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search engine.
		// public/_headers repeats it as a header with frame-ancestors, which a <meta> cannot carry.
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self'",
				"connect-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			scriptDirective: {
				resources: ["'self'", "'wasm-unsafe-eval'"],
				// The examples' sandbox frame inherits the page's policy, so its script is allowed here too (src/examples/sandbox.ts).
				hashes: [sha256Source(THEME_RESTORE_SCRIPT), sha256Source(SANDBOX_SCRIPT)],
			},
		},
	},
	// The plugin lists, Shiki's settings and the code-colour stylesheet: one module, shared with the tests.
	// Links written from the site's root in content are served under the base.
	markdown: { processor: unified(markdownOptionsFor(base, site)), syntaxHighlight: false },
	vite: {
		plugins: sitePlugins(),
		build: {
			rolldownOptions: {
				// Astro marks every Markdown module with "use astro:head-inject" for its own head
				// propagation; Rolldown warns once per entry (about 100 boxes a build) that it may not keep
				// the directive, which Astro does not need after bundling. Every other warning still shows.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
					warn(warning);
				},
			},
		},
	},
});
