import type { APIRoute } from 'astro';
import { getGuide } from '../data/content.ts';
import { guideToAnki } from '../markdown/exports.ts';
import { SITE_PATHS } from '../lib/links.ts';
import { pathWithBase } from '../lib/base.ts';
import { siteConfig } from '../site.config.ts';

/** Every question as an Anki note (question on the front, answer on the back), from the answers' HTML kept at content sync. */
export const GET: APIRoute = async ({ site }) => {
	const { groups } = await getGuide();
	// Anki shows the cards outside the site: links between questions point at its full address.
	const siteUrl = new URL(pathWithBase(SITE_PATHS.home), site).href;
	return new Response(guideToAnki({ title: siteConfig.title, siteUrl, groups, answerHtml: (question) => question.exportHtml }), {
		headers: { 'Content-Type': 'text/tab-separated-values; charset=utf-8' },
	});
};
