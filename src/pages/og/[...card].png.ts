import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { renderPng } from '../../images/render.ts';
import { getGuide } from '../../data/content.ts';
import { CARD_SIZE, questionCardText, sectionCardText, socialCard } from '../../lib/social-card.ts';
import { questionPath, sectionPath, socialImagePath } from '../../lib/urls.ts';
import { siteConfig } from '../../site.config.ts';

/** The `card` parameter of the image at socialImagePath(pagePath): its path without /og/ and .png. */
const cardParam = (pagePath: string) => socialImagePath(pagePath).slice('/og/'.length, -'.png'.length);

// One link preview image per question and section, and one for the site, drawn at build time.
export const getStaticPaths = (async () => {
	const { sections, questions } = await getGuide();
	const site = siteConfig.title;
	const byId = new Map(sections.map((section) => [section.id, section]));
	return [
		{
			params: { card: cardParam('/') },
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
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
	new Response(await renderPng(socialCard(props.text), CARD_SIZE, props.source), {
		headers: { 'Content-Type': 'image/png' },
	});
