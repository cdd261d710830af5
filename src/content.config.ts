import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { pageSchema, questionSchema, sectionSchema } from './lib/schema.ts';

/** The guide's sections, in one YAML list. */
const sections = defineCollection({
	loader: file('./content/sections.yaml'),
	schema: sectionSchema,
});

/**
 * One Markdown file per question; a leading `_` in a file name leaves it out. Rendering is deferred
 * to the page build: an eager render during sync only logs a broken entry (such as an unknown code
 * language) and builds an empty page, while a deferred one fails the build with the file named.
 * Ids are file paths: left to itself the glob loader would take the `slug` field as the id and
 * silently keep one of two files that share a slug; src/lib/guide.ts reports both instead.
 */
const questions = defineCollection({
	loader: glob({
		base: './content/questions',
		pattern: '**/[^_]*.md',
		deferRender: true,
		generateId: ({ entry }) => entry.replace(/\.md$/, ''),
	}),
	schema: questionSchema.extend({ section: reference('sections') }),
});

/** The guide's parts that are not questions, such as "How to Use These Explanations". */
const pages = defineCollection({
	loader: glob({ base: './content/pages', pattern: '**/[^_]*.md', deferRender: true }),
	schema: pageSchema,
});

export const collections = { sections, questions, pages };
