import type { APIRoute } from 'astro';
import { previewImages } from '../images/site-images.ts';
import { siteIcon } from '../images/social-card.ts';
import { compactSvg } from '../images/compact-svg.ts';

const favicon = { node: siteIcon(32), size: { width: 32, height: 32 }, source: 'src/images/social-card.ts' };

/** The favicon, drawn from the same design as the other icons; its text is outlines, so no font is needed to show it. */
export const GET: APIRoute = async () => {
	previewImages.prepare('favicon', [favicon], 'svg');
	return new Response(compactSvg(await previewImages.svg('favicon', favicon)), { headers: { 'Content-Type': 'image/svg+xml' } });
};
