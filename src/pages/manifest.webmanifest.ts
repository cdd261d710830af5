import type { APIRoute } from 'astro';
import { webManifest } from '../lib/manifest.ts';
import { siteConfig } from '../site.config.ts';

export const GET: APIRoute = () =>
	new Response(
		JSON.stringify(webManifest({ name: siteConfig.title, description: siteConfig.description, base: import.meta.env.BASE_URL }), null, '\t'),
		{ headers: { 'Content-Type': 'application/manifest+json' } },
	);
