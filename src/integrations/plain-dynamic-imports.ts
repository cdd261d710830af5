import type { Plugin } from 'vite';

/** The module Vite's build wraps every dynamic import() in (`__vitePreload(() => import(…), deps)`). */
export const PRELOAD_HELPER_ID = '\0vite/preload-helper.js';

/** The import of the helper that Vite writes into a chunk that has a dynamic import(). */
const HELPER_IMPORT = /import\s*\{\s*\w+\s+as\s+(\w+)\s*\}\s*from\s*"[^"]*preload-helper[^"]*";/;

/**
 * Vite's helper preloads a lazy chunk's own imports beside it and injects its CSS: about 0.7 KB, and,
 * as soon as two page scripts load code on demand (the page's one script, the home page's standing,
 * the lists' progress marks), a chunk of its own, one more request on every page. The site's lazy
 * chunks (the search dialog, the grade panel, the progress views) import only JavaScript, which the
 * browser fetches from their import statements anyway, and load their styles themselves. So each
 * chunk gets, in place of the helper's import, a helper that just runs the import, and the helper's
 * own chunk is left out. tests/site/head.test.ts fails if a built script still names the helper.
 */
export function plainDynamicImports(): Plugin {
	return {
		name: 'site:plain-dynamic-imports',
		apply: 'build',
		// With the helper gone, the list of each lazy chunk's imports Vite writes beside it
		// (__vite__mapDeps, 0.1 KB gzipped in the page's one script) is read by nothing: Vite writes none
		// when preloading is off. Astro sets its own modulePreload after the project's config, so a plugin sets it.
		config: () => ({ build: { modulePreload: false } }),
		renderChunk(code) {
			const match = HELPER_IMPORT.exec(code);
			if (!match) return null;
			return { code: code.replace(match[0], `const ${match[1]} = (load) => load();`), map: null };
		},
		generateBundle(_, bundle) {
			for (const [name, file] of Object.entries(bundle)) {
				if (file.type !== 'chunk' || !file.moduleIds.includes(PRELOAD_HELPER_ID)) continue;
				if (file.moduleIds.length !== 1) this.error(`${name}: Vite's preload helper shares its chunk with other code`);
				delete bundle[name];
			}
		},
	};
}
