import type { APIRoute } from 'astro';
import { getGuide } from '../data/content.ts';
import { guideToAnki } from '../lib/exports.ts';
import { siteConfig } from '../site.config.ts';

/** Every question as an Anki note (question on the front, answer on the back), regenerated on every build. */
export const GET: APIRoute = async ({ site }) => {
	const { groups } = await getGuide();
	// Anki shows the cards outside the site: links between questions point at its full address.
	const siteUrl = new URL(import.meta.env.BASE_URL, site).href;
	return new Response(guideToAnki({ title: siteConfig.title, siteUrl, groups }), {
		headers: { 'Content-Type': 'text/tab-separated-values; charset=utf-8' },
	});
};
