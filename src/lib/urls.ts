/** Joins the site's base path ("/" or "/guide/") and a root-relative path ("/q/7/"). */
export function joinBase(base: string, path: string): string {
	return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The address, below the base path, a file of the build is served at: `a/b/index.html` is `/a/b/`. */
export function servedPath(file: string): string {
	return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The page of a question: `/<section>/<slug>/`. */
export function questionPath(question: { section: string; slug: string }): string {
	return `/${question.section}/${question.slug}/`;
}

/** The page of a section: `/<section>/`. */
export function sectionPath(section: { id: string }): string {
	return `/${section.id}/`;
}

/** The short link of a question: `/q/<number>/`. */
export function shortPath(question: { number: number }): string {
	return `/q/${question.number}/`;
}

/**
 * The link preview image of a page, named after the page's path: `/og/<section>/<slug>.png` for a
 * question, `/og/<section>.png` for a section, and `/og/site.png` for the home page.
 */
export function socialImagePath(pagePath: string): string {
	const trimmed = pagePath.replace(/^\/+|\/+$/g, '');
	return `/og/${trimmed || 'site'}.png`;
}
