import type { APIRoute } from 'astro';
import { SITE_PATHS } from '../lib/links.ts';
import { pathWithBase } from '../lib/base.ts';

/** Lets every crawler in, and points it at the sitemap (an absolute URL, so built from `site`). */
export const GET: APIRoute = ({ site }) =>
	new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(pathWithBase(SITE_PATHS.sitemap), site)}\n`, {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
