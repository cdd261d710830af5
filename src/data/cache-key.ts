import { createHash } from 'node:crypto';
import { processSlots } from './process-slots.ts';

/**
 * The module every page passes through after it renders: it rewrites the page's policy, from outside
 * the page's module graph that Astro hashes, so its import closure counts in every key
 * (integrations/site.ts hashes it as Astro sets up).
 */
export const SITE_CODE_ENTRY = 'src/middleware.ts';

/**
 * A page's `cacheKey` for Astro's incremental build (experimental.incrementalBuild): a hash of all
 * the page is given, so that Astro renders it again when any of it changes (a neighbour's title,
 * the section list) and copies the last build's page otherwise. Astro itself covers the page's code
 * and the config; the site code (SITE_CODE_ENTRY's closure) the rest, and the names of the browser's
 * files: a page names its scripts' chunks, whose names change with code Astro does not count as the
 * page's (a module only its browser script imports, or a new split of shared chunks). A content
 * entry counts by its id and digest (its file's text plus what renders it,
 * src/data/rendered-glob.ts), not its HTML: the same answer, the same digest.
 */
export function cacheKeyOf(props: unknown): string {
	const { siteCode, clientCode = '', building } = processSlots;
	if (!siteCode) throw new Error('cacheKeyOf: the site code was not hashed (integrations/site.ts does it as Astro sets up).');
	if (building && !clientCode) throw new Error('cacheKeyOf: the browser bundle was not hashed (integrations/site.ts does it as Vite writes it, before pages render).');
	const json = JSON.stringify(props, (_key, value: unknown) =>
		isContentEntry(value) ? `${value.collection}/${value.id}@${value.digest}` : value,
	);
	// clientCode is unset only where no browser bundle is made (astro dev), and no page is kept.
	return createHash('sha256').update(siteCode).update(clientCode).update(json).digest('base64url');
}

function isContentEntry(value: unknown): value is { collection: string; id: string; digest: string } {
	if (typeof value !== 'object' || value === null) return false;
	const { collection, id, digest } = value as Record<string, unknown>;
	return typeof collection === 'string' && typeof id === 'string' && typeof digest === 'string';
}
