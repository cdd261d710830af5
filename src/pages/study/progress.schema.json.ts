// The JSON Schema of an exported progress file, published where exported files' `$schema` points.
import type { APIRoute } from 'astro';
import { progressJsonSchema } from '../../study/record.ts';

export const GET: APIRoute = () =>
	new Response(`${JSON.stringify(progressJsonSchema(), null, 1)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
