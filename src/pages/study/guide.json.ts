import type { APIRoute } from 'astro';
import { getGuide } from '../../data/content.ts';

/**
 * Every question's slug in guide order, fetched by a section's study page for what counts the whole
 * guide (the interview plan, the guide's due cards). Written into every section's page instead, it
 * made each grow with the guide: 1,000 pages of 300 KB at 10,000 questions.
 */
export const GET: APIRoute = async () => {
	const { questions } = await getGuide();
	return Response.json(questions.map((question) => question.slug));
};
