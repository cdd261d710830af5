/**
 * The cascade layers, in order: later ones win. Emitted first in <head> (components/Head.astro),
 * because a layer's rank is set where its name first appears, and the bundler may place a
 * component's `@layer components { … }` before the global stylesheets. Hashed into the CSP.
 */
export const LAYER_ORDER_CSS = '@layer reset, tokens, base, prose, code, components, utils, print;';
