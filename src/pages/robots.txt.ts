import type { APIRoute } from 'astro';

/** Lets every crawler in, and points it at the sitemap (an absolute URL, so built from `site`). */
export const GET: APIRoute = ({ site }) =>
	new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}sitemap-index.xml`, site)}\n`, {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
