import type { APIRoute } from 'astro';
import { getGuide } from '../data/content.ts';

/**
 * The sections the search can be narrowed to, fetched by the search dialog when first opened:
 * listed in every page instead, they would make each page grow with the size of the guide.
 */
export const GET: APIRoute = async () => {
	const { sections } = await getGuide();
	return Response.json(sections.map(({ id, number, title }) => ({ id, number, title })));
};
