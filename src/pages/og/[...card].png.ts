import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { renderPng } from '../../images/render.ts';
import { getGuide } from '../../data/content.ts';
import { CARD_SIZE, questionCardText, sectionCardText, socialCard } from '../../lib/social-card.ts';
import { SITE_PATHS, questionPath, sectionPath, socialImageName } from '../../lib/links.ts';
import { siteConfig } from '../../site.config.ts';

// One link preview image per question and section, and one for the site, drawn at build time.
export const getStaticPaths = (async () => {
	const { sections, questions } = await getGuide();
	const site = siteConfig.title;
	const byId = new Map(sections.map((section) => [section.id, section]));
	return [
		{
			params: { card: socialImageName(SITE_PATHS.home) },
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
			params: { card: socialImageName(sectionPath(section)) },
			props: { source: 'content/sections.yaml', text: sectionCardText(section, site) },
		})),
		...questions.map((question) => ({
			params: { card: socialImageName(questionPath(question)) },
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
