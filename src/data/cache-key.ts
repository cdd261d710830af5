import { createHash } from 'node:crypto';
// The middleware rewrites every page's policy after it renders, from outside the page's module graph
// that Astro hashes: its code counts in every key, with what it imports (the sandbox frame's script,
// whose hash a page with examples keeps).
import middlewareCode from '../middleware.ts?raw';
import cspCode from '../lib/csp.ts?raw';
import sandboxCode from '../examples/sandbox.ts?raw';

const SITE_CODE = createHash('sha256').update(middlewareCode).update(cspCode).update(sandboxCode).digest('base64url');

/**
 * A page's `cacheKey` for Astro's incremental build (experimental.incrementalBuild): a hash of all
 * the page is given, so that Astro renders it again when any of it changes (a neighbour's title,
 * the section list) and copies the last build's page otherwise. Astro itself covers the page's code
 * and the config; SITE_CODE the rest. A content entry counts by its id and digest (its file's text plus what renders it,
 * src/data/rendered-glob.ts), not its HTML: the same answer, the same digest.
 */
export function cacheKeyOf(props: unknown): string {
	const json = JSON.stringify(props, (_key, value: unknown) =>
		isContentEntry(value) ? `${value.collection}/${value.id}@${value.digest}` : value,
	);
	return createHash('sha256').update(SITE_CODE).update(json).digest('base64url');
}

function isContentEntry(value: unknown): value is { collection: string; id: string; digest: string } {
	if (typeof value !== 'object' || value === null) return false;
	const { collection, id, digest } = value as Record<string, unknown>;
	return typeof collection === 'string' && typeof id === 'string' && typeof digest === 'string';
}
