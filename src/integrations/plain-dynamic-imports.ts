import type { Plugin } from 'vite';

/** The module Vite's build wraps every dynamic import() in (`__vitePreload(() => import(…), deps)`). */
export const PRELOAD_HELPER_ID = '\0vite/preload-helper.js';

/**
 * Vite's helper preloads a lazy chunk's own imports beside it and injects its CSS: about 0.7 KB of
 * every page's script here. The site's lazy chunks (the search dialog, the question's grade panel)
 * import only JavaScript, which the browser fetches from their import statements anyway, and load
 * their styles themselves; so the helper is replaced by one that just runs the import. Should Vite
 * rename the module, the helper comes back and `npm run bench` fails question 7's budget.
 */
export function plainDynamicImports(): Plugin {
	return {
		name: 'site:plain-dynamic-imports',
		apply: 'build',
		enforce: 'pre',
		load(id) {
			return id === PRELOAD_HELPER_ID ? 'export const __vitePreload = (load) => load();' : undefined;
		},
	};
}
