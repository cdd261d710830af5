// Runs on every page as the build renders it: the page's Content-Security-Policy keeps the hashes of
// its own inline code only (src/lib/csp.ts).
import { defineMiddleware } from 'astro:middleware';
import { keepOwnHashes, sha256Source } from './lib/csp.ts';

export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	const html = keepOwnHashes(await response.text(), sha256Source, context.url.pathname);
	return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
