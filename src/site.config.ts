/** Site-wide settings: the guide's name and what it promises, and what content may contain. */
export const siteConfig = {
	/** The guide has no title line of its own; this is the site's name for it. */
	title: 'Python & Backend Interview Guide',
	description:
		'100 Python and backend interview questions with in-depth answers, why they matter and worked examples, by section.',
	/**
	 * Raw HTML a content file may use: these tags only, with no attributes but these. Anything else
	 * (<script>, <iframe>, on*= handlers, javascript: links) fails the build, naming the file.
	 */
	allowedHtml: {
		tags: ['kbd', 'br', 'sup', 'sub', 'abbr', 'mark'],
		attributes: ['title'],
	},
} as const;

/** The longest a page's <title> may be (also enforced on built pages by .htmlvalidate.json). */
export const MAX_TITLE_LENGTH = 120;

/** Where the site is served unless SITE_URL says otherwise: the address `npm start` prints. */
export const DEFAULT_SITE_URL = 'http://127.0.0.1:4321';
