// Runs on every page as the build renders it: the page's Content-Security-Policy keeps the hashes of
// its own inline code only (src/lib/csp.ts), and that of the frames it makes.
import { defineMiddleware } from 'astro:middleware';
import { PAGE_WORKER_SOURCES, SANDBOX_SCRIPT } from './examples/sandbox.ts';
import { keepOwnHashes, sha256Source } from './lib/csp.ts';

/** The examples' sandbox frame runs this script: a page that runs examples (its policy allows their runners) keeps its hash too. */
const SANDBOX_HASH = sha256Source(SANDBOX_SCRIPT);

export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	const page = await response.text();
	const html = keepOwnHashes(page, sha256Source, context.url.pathname, page.includes(PAGE_WORKER_SOURCES) ? [SANDBOX_HASH] : []);
	return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
