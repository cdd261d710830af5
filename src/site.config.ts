/** Site-wide settings: the guide's name, what it promises, and the shape of a complete guide. */
export const siteConfig = {
	/** The guide has no title line of its own; this is the site's name for it. */
	title: 'Python & Backend Interview Guide',
	description:
		'100 Python and backend interview questions with in-depth answers, why they matter and worked examples, by section.',
	/** A complete guide: this many sections of this many questions, numbered from 1. */
	guide: { sections: 10, questionsPerSection: 10 },
	/**
	 * Raw HTML a content file may use: these tags only, with no attributes but these. Anything else
	 * (<script>, <iframe>, on*= handlers, javascript: links) fails the build, naming the file.
	 */
	allowedHtml: {
		tags: ['kbd', 'br', 'sup', 'sub', 'abbr', 'mark'],
		attributes: ['title'],
	},
} as const;

/** The highest question number a complete guide has. */
export const MAX_QUESTION_NUMBER = siteConfig.guide.sections * siteConfig.guide.questionsPerSection;
