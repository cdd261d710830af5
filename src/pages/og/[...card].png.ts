import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { previewImages } from '../../images/site-images.ts';
import { getGuide } from '../../data/content.ts';
import { CARD_SIZE, questionCardText, sectionCardText, socialCard, type CardText } from '../../lib/social-card.ts';
import { SITE_PATHS, questionPath, sectionPath, socialImageName } from '../../lib/links.ts';
import { siteConfig } from '../../site.config.ts';

const card = ({ source, text }: { source: string; text: CardText }) => ({ node: socialCard(text), size: CARD_SIZE, source });

// One link preview image per question and section, and one for the site, drawn at build time.
export const getStaticPaths = (async () => {
	const { sections, questions } = await getGuide();
	const site = siteConfig.title;
	const byId = new Map(sections.map((section) => [section.id, section]));
	const paths = [
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
	// Draws the cards the cache lacks on every core while Astro renders the pages before this route.
	previewImages.prepare('og', paths.map(({ props }) => card(props)));
	return paths;
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
	new Response(await previewImages.png('og', card(props)), { headers: { 'Content-Type': 'image/png' } });
