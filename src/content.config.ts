import { defineCollection, reference } from 'astro:content';
import { file } from 'astro/loaders';
import { renderedGlob } from './data/rendered-glob.ts';
import { questionCardsAhead } from './images/cards-ahead.ts';
import { pageSchema, questionSchema, sectionSchema } from './lib/schema.ts';

/** The guide's sections, in one YAML list. */
const SECTIONS_FILE = './content/sections.yaml';
const sections = defineCollection({
	loader: file(SECTIONS_FILE),
	schema: sectionSchema,
});

/**
 * One Markdown file per question; a leading `_` in a file name leaves it out. Rendered while content
 * syncs and kept between builds (rendered-glob.ts, which fails the build on a file it cannot render).
 * Ids are file paths: left to itself the glob loader would take the `slug` field as the id and
 * silently keep one of two files that share a slug; src/lib/guide.ts reports both instead.
 */
const questions = defineCollection({
	loader: renderedGlob({
		base: './content/questions',
		pattern: '**/[^_]*.md',
		generateId: ({ entry }) => entry.replace(/\.md$/, ''),
		// In a build, each question's link preview card starts drawing as its file is read.
		onParsed: questionCardsAhead(SECTIONS_FILE),
	}),
	schema: questionSchema.extend({ section: reference('sections') }),
});

/** The guide's parts that are not questions, such as "How to Use These Explanations". */
const pages = defineCollection({
	loader: renderedGlob({ base: './content/pages', pattern: '**/[^_]*.md' }),
	schema: pageSchema,
});

export const collections = { sections, questions, pages };
