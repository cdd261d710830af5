// Runs on every page as the build renders it: the page's Content-Security-Policy keeps the hashes of
// its own inline code only (src/lib/csp.ts).
import { defineMiddleware } from 'astro:middleware';
import { createHash } from 'node:crypto';
import { keepOwnHashes } from './lib/csp.ts';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	const html = keepOwnHashes(await response.text(), sha256, context.url.pathname);
	return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
