// The site's base path, kept apart from links.ts because the service worker's bundle (esbuild, an
// IIFE without import.meta) imports links.ts and must not see import.meta.
import { joinBase } from './links.ts';

/**
 * A root-relative path (from links.ts) as an href on this site: under the base path it is built for
 * ("/" or "/guide/", astro.config.ts). The one place that reads the base, Vite's
 * import.meta.env.BASE_URL, which pages and browser code alike have.
 */
export const pathWithBase = (path: string) => joinBase(import.meta.env.BASE_URL, path);
