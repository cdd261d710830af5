import type { APIRoute } from 'astro';
import { getGuide } from '../../data/content.ts';

/**
 * Every "what does this print?" card of the guide, in guide order: fetched by a question page when
 * its reader presses Predict, and by the study pages for their queue. A few kilobytes, asked for
 * only then, rather than written into every page that might show one.
 */
export const GET: APIRoute = async () => {
	const { questions } = await getGuide();
	return Response.json(questions.flatMap((question) => question.predictions));
};
