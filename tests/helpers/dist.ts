// Reads the built site in dist/ as a set of pages: their ids and the URLs they link to.
import { fromHtml } from 'hast-util-from-html';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { visit } from 'unist-util-visit';
import { servedPath } from '../../src/lib/links.ts';
import { DEFAULT_SITE_URL } from '../../src/site.config.ts';
import { BASE } from './site.ts';

/** The site's own origin: absolute links to it (canonical URLs) are internal links. */
const siteOrigin = new URL(process.env.SITE_URL ?? DEFAULT_SITE_URL).origin;

/** The build under test: dist/, or the folder OUT_DIR names (the base-path build of scripts/test.ts). */
export const distDir = process.env.OUT_DIR
	? `${resolve(process.env.OUT_DIR)}/`
	: new URL('../../dist/', import.meta.url).pathname;

/** A built page: its URL path, file, ids, and every URL it refers to. */
export interface BuiltPage {
	path: string;
	file: string;
	ids: Set<string>;
	links: string[];
	/** Ids that ARIA and label attributes (aria-labelledby, aria-describedby, aria-controls, for) name. */
	references: string[];
}

/** The URL path a file in dist/ is served at: `a/b/index.html` -> `/a/b/`. */
export const pathOfFile = servedPath;

/** The site's HTML files (Pagefind's own UI demos left out), relative to dist/, sorted. Fails clearly when there is no build. */
export function listBuiltHtml(dir = distDir): string[] {
	if (!existsSync(join(dir, 'index.html'))) throw new Error(`No build in ${dir}: run npm run build first.`);
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.html') && !name.startsWith('pagefind/'))
		.sort();
}

/** Every HTML file of the build, parsed. */
export function readBuiltPages(dir = distDir): BuiltPage[] {
	return listBuiltHtml(dir).map((name) => {
			const tree = fromHtml(readFileSync(join(dir, name), 'utf8'));
			const ids = new Set<string>();
			const links: string[] = [];
			const references: string[] = [];
			visit(tree, 'element', (element) => {
				const { id, href, src, httpEquiv, content } = element.properties;
				if (typeof id === 'string') ids.add(id);
				for (const name of ['ariaLabelledBy', 'ariaDescribedBy', 'ariaControls', 'htmlFor']) {
					const value = element.properties[name];
					if (value !== undefined && value !== null) references.push(...(Array.isArray(value) ? value : [value]).map(String));
				}
				for (const url of [href, src]) if (typeof url === 'string') links.push(url);
				const refresh = Array.isArray(httpEquiv) && httpEquiv.join(' ').toLowerCase() === 'refresh';
				if (refresh && typeof content === 'string') links.push(content.replace(/^\s*\d+\s*;\s*url=/i, ''));
			});
			return { path: pathOfFile(name), file: name, ids, links, references };
		});
}

/**
 * Internal links that lead nowhere: a path with no page or file behind it, or a #fragment with no
 * element of that id on the target page. External URLs are returned apart. `base` is the path the
 * build is served under ("/" or "/guide/"): a link that leaves it is broken too.
 */
export function findBrokenLinks(
	pages: BuiltPage[],
	dir = distDir,
	base = BASE,
): { broken: { page: string; link: string; why: string }[]; external: string[] } {
	const byPath = new Map(pages.map((page) => [page.path, page]));
	const broken: { page: string; link: string; why: string }[] = [];
	const external = new Set<string>();
	const origin = siteOrigin;
	for (const page of pages) {
		for (const link of page.links) {
			const url = new URL(link, `${origin}${base}${page.path.slice(1)}`);
			if (url.origin !== origin) {
				if (url.protocol === 'http:' || url.protocol === 'https:') external.add(url.href);
				continue;
			}
			if (!url.pathname.startsWith(base)) {
				broken.push({ page: page.path, link, why: `outside the base path ${base}` });
				continue;
			}
			const path = `/${url.pathname.slice(base.length)}`;
			const target = byPath.get(path) ?? (path.endsWith('/') ? undefined : byPath.get(`${path}/`));
			if (!target && !existsSync(join(dir, decodeURIComponent(path)))) {
				broken.push({ page: page.path, link, why: 'no such page or file' });
				continue;
			}
			const fragment = decodeURIComponent(url.hash.slice(1));
			if (fragment && !(target ?? page).ids.has(fragment)) {
				broken.push({ page: page.path, link, why: `no element with id "${fragment}"` });
			}
		}
	}
	return { broken, external: [...external] };
}
