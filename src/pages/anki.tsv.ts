import type { APIRoute } from 'astro';
import { getGuide } from '../data/content.ts';
import { guideToAnki } from '../lib/exports.ts';
import { siteConfig } from '../site.config.ts';

/** Every question as an Anki note (question on the front, answer on the back), regenerated on every build. */
export const GET: APIRoute = async () => {
	const { groups } = await getGuide();
	return new Response(guideToAnki({ title: siteConfig.title, groups }), {
		headers: { 'Content-Type': 'text/tab-separated-values; charset=utf-8' },
	});
};
