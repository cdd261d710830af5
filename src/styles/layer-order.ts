import type { Plugin } from 'vite';

/**
 * The cascade layers, in order: later ones win. A layer's rank is set where its name first appears,
 * and the bundler may place a component's `@layer components { … }` before the global stylesheets,
 * so every stylesheet the build writes starts with this (layerOrderFirst); `astro dev`, which
 * bundles nothing, gets it as a <style> of its own first in <head> (components/Head.astro).
 */
export const LAYER_ORDER_CSS = '@layer reset,tokens,base,prose,code,components,utils,print;';

/**
 * A Vite plugin that starts every built stylesheet with LAYER_ORDER_CSS, before Astro inlines them
 * into the pages: the order then needs no <style> element and CSP hash of its own (45 bytes gzipped
 * on every page). Declaring the same order again in a second stylesheet changes nothing.
 */
export function layerOrderFirst(): Plugin {
	return {
		name: 'site:layer-order-first',
		apply: 'build',
		generateBundle: {
			order: 'pre',
			handler(_, bundle) {
				for (const file of Object.values(bundle)) {
					// An empty one stays empty: Astro leaves it out.
					if (file.type === 'asset' && file.fileName.endsWith('.css') && typeof file.source === 'string' && file.source.trim() !== '') file.source = `${LAYER_ORDER_CSS}${file.source}`;
				}
			},
		},
	};
}
