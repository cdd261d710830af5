import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { previewImages } from '../images/site-images.ts';
import { getGuide } from '../data/content.ts';
import { cardImage, questionCardText, sectionCardText, type CardText } from '../images/social-card.ts';
import { SITE_PATHS, questionPath, sectionPath, socialImagePath } from '../lib/links.ts';
import { siteConfig } from '../site.config.ts';

const card = ({ source, text }: { source: string; text: CardText }) => cardImage(text, source);
/** The route's parameter for a page's card: its address without the leading slash. */
const cardParam = (pagePath: string) => socialImagePath(pagePath).slice(1);

// One link preview image per question and section, and one for the site, drawn at build time, at
// /og/…png (socialImagePath). The route is a catch-all at the site's root, the least specific route
// there can be, so Astro, which renders routes from the most specific down, renders it last: the cards
// the cache lacks are drawn on the other threads while every page renders, not while the pages wait.
export const getStaticPaths = (async () => {
	const { sections, questions } = await getGuide();
	const site = siteConfig.title;
	const byId = new Map(sections.map((section) => [section.id, section]));
	const paths = [
		{
			params: { card: cardParam(SITE_PATHS.home) },
			props: {
				source: 'src/site.config.ts',
				text: {
					kicker: `${questions.length} questions in ${sections.length} sections`,
					title: site,
					footer: 'Read, search and study every answer',
				},
			},
		},
		...sections.map((section) => ({
			params: { card: cardParam(sectionPath(section)) },
			props: { source: 'content/sections.yaml', text: sectionCardText(section, site) },
		})),
		...questions.map((question) => ({
			params: { card: cardParam(questionPath(question)) },
			props: {
				source: question.file,
				text: questionCardText(question, byId.get(question.section)!, site),
			},
		})),
	];
	// Starts drawing the cards the cache lacks and content sync has not started (cards-ahead.ts), a
	// batch per thread at a time, while Astro renders the pages.
	const keys = previewImages.prepare('og', paths.map(({ props }) => card(props)));
	// An image's cache key names everything that decides its bytes: Astro copies the last build's file while it holds.
	return paths.map((path, i) => ({ ...path, cacheKey: keys[i]! }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
	new Response(await previewImages.png('og', card(props)), { headers: { 'Content-Type': 'image/png' } });
