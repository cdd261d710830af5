import type { APIRoute } from 'astro';
import { renderSvg } from '../images/render.ts';
import { siteIcon } from '../lib/social-card.ts';

/** The favicon, drawn from the same design as the other icons; its text is outlines, so no font is needed to show it. */
export const GET: APIRoute = async () =>
	new Response(await renderSvg(siteIcon(32), { width: 32, height: 32 }, 'src/lib/social-card.ts'), {
		headers: { 'Content-Type': 'image/svg+xml' },
	});
