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
			// Each call becomes the import() it wraps: `helper(() => import(x), deps)`, and the form Vite
			// writes where only some exports are used, `helper(async () => { const { a } = await import(x);
			// return { a }; }, deps)`, which gives the caller what import(x) gives it. A call in any other
			// form keeps a helper that just runs the import.
			const calls = new RegExp(
				String.raw`\b${match[1]}\((?:async \(\) => \{\s*const (\{[^{}]*\}) = await (import\([^;]*?\));\s*return \1;\s*\}|\(\) => (import\([^;]*?\))), __VITE_PRELOAD__\)`,
				'g',
			);
			const plain = code.replace(calls, (_call, _names, destructured?: string, whole?: string) => destructured ?? whole!);
			const helper = new RegExp(String.raw`\b${match[1]}\(`).test(plain) ? `const ${match[1]} = (load) => load();` : '';
			return { code: plain.replace(match[0], helper), map: null };
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
