import type { APIRoute } from 'astro';
import { joinBase } from '../lib/urls.ts';

/** Lets every crawler in, and points it at the sitemap (an absolute URL, so built from `site`). */
export const GET: APIRoute = ({ site }) =>
	new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(joinBase(import.meta.env.BASE_URL, '/sitemap-index.xml'), site)}\n`, {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
