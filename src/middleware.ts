// Runs on every page as the build renders it: the page's stylesheet keeps the code colours of its own
// code blocks only (the examples' editor brings its own), and its Content-Security-Policy the hashes
// of its own inline code only (src/lib/csp.ts), and that of the frames it makes.
import { defineMiddleware } from 'astro:middleware';
import { PAGE_WORKER_SOURCES, SANDBOX_SCRIPT } from './examples/sandbox.ts';
import { keepOwnHashes, rewriteInlineStyles, sha256Source } from './lib/csp.ts';
import { classesIn, keepCodeColors } from './markdown/shiki-classes.ts';

/** The examples' sandbox frame runs this script: a page that runs examples (its policy allows their runners) keeps its hash too. */
const SANDBOX_HASH = sha256Source(SANDBOX_SCRIPT);

export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	const rendered = await response.text();
	const classes = classesIn(rendered);
	const page = rewriteInlineStyles(rendered, sha256Source, (css) => keepCodeColors(css, classes));
	const html = keepOwnHashes(page, sha256Source, context.url.pathname, page.includes(PAGE_WORKER_SOURCES) ? [SANDBOX_HASH] : []);
	return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
