import type { APIRoute } from 'astro';
import { SITE_PATHS } from '../lib/links.ts';
import { pathWithBase } from '../lib/base.ts';
import { webManifest } from '../images/manifest.ts';
import { siteConfig } from '../site.config.ts';

export const GET: APIRoute = () =>
	new Response(
		JSON.stringify(webManifest({ name: siteConfig.title, description: siteConfig.description, base: pathWithBase(SITE_PATHS.home) }), null, '\t'),
		{ headers: { 'Content-Type': 'application/manifest+json' } },
	);
