import type { APIRoute } from 'astro';
import { getGuide, getGuidePages } from '../data/content.ts';
import { guideToMarkdown } from '../markdown/exports.ts';
import { SITE_PATHS } from '../lib/links.ts';
import { pathWithBase } from '../lib/base.ts';
import { siteConfig } from '../site.config.ts';

/** The whole guide as one Markdown document, regenerated from the content on every build. */
export const GET: APIRoute = async ({ site }) => {
	const { groups } = await getGuide();
	const extras = (await getGuidePages()).map((page) => ({ title: page.data.title, body: page.body ?? '' }));
	const siteUrl = new URL(pathWithBase(SITE_PATHS.home), site).href;
	return new Response(guideToMarkdown({ title: siteConfig.title, siteUrl, groups, extras }), {
		headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
	});
};
