// Every step this project adds to Astro's build, registered here in the order it runs, so that the
// build reads from one place (astro.config.ts holds only Astro's own settings).
//
// While Astro sets up (astro:config:setup), in this order:
//   1. images/integration.ts: where the preview images are kept between builds; in a build, content
//      sync starts drawing the question cards.
//   2. examples/runtimes.ts: the examples' controls, code editor and runners bundled (esbuild; the
//      page's loader imports the controls by their address, from virtual:build/examples-controls).
//   3. site.ts: dist/ is not emptied by Vite but at build:start, all but the last build's pages.
// Vite plugins, for every module Vite loads: the code-colour stylesheet Shiki's classes use, the
// palette written into tokens.css, the cascade layers' order first in every built stylesheet, and
// import() without Vite's preload helper.
// When the build ends (astro:build:done), in this order:
//   1. @astrojs/sitemap writes the sitemap (every page a reader lands on; not the short links).
//   2. images/integration.ts waits for the images still being drawn.
//   3. examples/runtimes.ts copies the runtimes and writes the bundles into dist/.
//   4. site.ts: pages this build did not make removed, the search index (Pagefind) and the offline
//      worker with its list of files, then the record of pages the next build may keep.
// What the steps share within a build process goes through src/data/process-slots.ts only. What a
// step works out for bundled code, code imports as a module (src/data/build-values.ts): the controls' address
// (virtual:build/examples-controls, in the page's loader), the runtimes' files and the sandbox
// document (virtual:build/examples, in the controls), the editor's address (virtual:build/examples-editor,
// in the controls) and its colours (virtual:build/editor-colours, in the editor). One value is a compile-time global: the
// offline list's address (__OFFLINE_LIST__, in sw.js, written once the pages exist), where a module
// would cost the first visit bytes its budget does not have (sw.ts says how many).
// esbuild bundles these apart from Vite, each for a reason: the runners must be classic
// scripts holding their runtime's code (a blob: worker in an opaque origin may load nothing else);
// the offline worker is one file at the site's root, made after the pages; and the controls, which
// the page's inline loader imports by address (a Vite chunk would make the loader import it
// relatively, and Astro then serves the loader as a file of its own: one more request on every page
// with an example), as the controls import the code editor on a first Edit.
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import type { PluginOption } from 'vite';
import { runtimes } from '../examples/runtimes.ts';
import { previewImages } from '../images/integration.ts';
import { isShortPath } from '../lib/links.ts';
import { codeColors } from '../markdown/index.ts';
import { layerOrderFirst } from '../styles/layer-order.ts';
import { palettePlugin } from '../styles/palette.ts';
import { plainDynamicImports } from './plain-dynamic-imports.ts';
import { siteBuildSteps } from './site.ts';

/** The integrations, in the order their hooks run. */
export function siteIntegrations(): AstroIntegration[] {
	return [sitemap({ filter: (page) => !isShortPath(new URL(page).pathname) }), previewImages(), runtimes(), siteBuildSteps()];
}

/** The Vite plugins. */
export function sitePlugins(): PluginOption[] {
	return [codeColors(), palettePlugin(), layerOrderFirst(), plainDynamicImports()];
}
