// Every internal address of the site. Paths are root-relative ("/q/7/") and name a page or file of
// the build; pathWithBase (./base.ts) puts the site's base path before one for an href. Pages never
// write an address by hand, so moving a route is a change here.

/** Joins a base path ("/" or "/guide/") and a root-relative path ("/q/7/"). */
export function joinBase(base: string, path: string): string {
	return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The address, below the base path, a file of the build is served at: `a/b/index.html` is `/a/b/`. */
export function servedPath(file: string): string {
	return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The pages and files at fixed addresses. */
export const SITE_PATHS = {
	home: '/',
	/** Every question on one page: also the search control's link without JS. */
	questions: '/questions/',
	print: '/print/',
	/** What the site added to the source guide. */
	additions: '/additions/',
	/** The guide's advice on using it, and what the site adds. */
	about: '/about/',
	/** The exports (src/pages/guide.md.ts, anki.tsv.ts). */
	guideMarkdown: '/guide.md',
	anki: '/anki.tsv',
	favicon: '/favicon.svg',
	manifest: '/manifest.webmanifest',
	sitemap: '/sitemap-index.xml',
	/** The service worker (src/offline/sw.ts). */
	worker: '/sw.js',
	/** Pagefind's bundle folder, written after the build (src/search/search-index.ts). */
	searchBundle: '/pagefind/',
	/** The sections to filter a search by (src/pages/search-sections.json.ts). */
	searchSections: '/search-sections.json',
	/** The words the search index knows, to correct a typo to, and topics to suggest (src/search/search-index.ts). */
	searchWords: '/search-words.json',
	/** Answer aloud against the clock, then check the answer's key points (src/pages/mock.astro). */
	mock: '/mock/',
	/** Every question's slug in guide order, for the study pages of sections (src/pages/study/guide.json.ts). */
	studyGuide: '/study/guide.json',
	/** The examples' "what does this print?" cards (src/pages/study/predictions.json.ts). */
	studyPredictions: '/study/predictions.json',
} as const;

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

/** Whether a site path (under any base) is a short link, which forwards to its question's page. */
export const isShortPath = (pathname: string) => /\/q\/\d+\/$/.test(pathname);

/**
 * Study mode: `/study/` for the whole guide, `/study/<section>/` for one section; with a mode, the
 * session it opens on (`/study/?mode=missed`: the questions last graded Again or Hard).
 */
export function studyPath(section?: { id: string }, mode?: 'missed' | 'all'): string {
	return `${section ? `/study/${section.id}/` : '/study/'}${mode ? `?mode=${mode}` : ''}`;
}

/**
 * The name of a page's link preview image, after the page's path: `<section>/<slug>` for a question,
 * `<section>` for a section, `site` for the home page.
 */
export function socialImageName(pagePath: string): string {
	return pagePath.replace(/^\/+|\/+$/g, '') || 'site';
}

/** The link preview image of a page: `/og/<section>/<slug>.png`, `/og/<section>.png`, `/og/site.png`. */
export function socialImagePath(pagePath: string): string {
	return `/og/${socialImageName(pagePath)}.png`;
}

/** A PNG icon the build draws (src/pages/icons/[icon].png.ts): `/icons/<name>.png`. */
export function iconPath(icon: { name: string }): string {
	return `/icons/${icon.name}.png`;
}
