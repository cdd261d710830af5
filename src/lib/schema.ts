import { z } from 'astro/zod';
import { isSlug } from './slugs.ts';

const slug = z.string().refine(isSlug, 'must be lower-case ASCII words joined by hyphens, like "global-interpreter-lock"');

const questionNumber = z.number().int().min(1);

/** Who wrote an entry: `guide` for the source guide's text, `site` for an entry the site added. */
export const ORIGINS = ['guide', 'site'] as const;

/** One entry of `content/sections.yaml`. */
export const sectionSchema = z
	.strictObject({
	/** Stable URL segment of the section, such as `sql-databases`. */
	id: slug,
	/** The section's position in the guide, from 1. */
	number: z.number().int().min(1),
	/** The section's name as the guide gives it. */
	title: z.string().trim().min(1).max(80),
	/** One sentence on what the section covers (written by the site; the guide has none). */
	description: z.string().trim().min(1).max(160),
	/** The first question number the section holds, as the guide's heading declares ("Questions 1–10"). */
	first: questionNumber,
	/** The last question number the section holds. */
	last: questionNumber,
})
	.refine((section) => section.last >= section.first, { message: 'must not be below first', path: ['last'] });

/** Frontmatter of one question file in `content/questions/`. */
export const questionSchema = z.strictObject({
	/** The guide's own number for the question; decides the reading order. Must lie in its section's range. */
	number: questionNumber,
	/** The question as the guide words it: inline Markdown, backticks kept. Fits a page title. */
	title: z.string().trim().min(1).max(110),
	/** Stable URL segment and study-progress key; survives rewording and renumbering. */
	slug,
	/** Id of the section the question belongs to (see `content/sections.yaml`). */
	section: slug,
	/** Who wrote the entry: `guide` for the source guide's text, `site` for an entry the site added. */
	origin: z.enum(ORIGINS),
	/**
	 * How many editor's notes (`:::editor-note[Title]` blocks, written by the site) the answer holds;
	 * left out when it has none. The build checks the count against the answer.
	 */
	editorNotes: z.number().int().min(1).optional(),
	/**
	 * What an interviewer listens for: 3 to 6 short claims a spoken answer should make, written by the
	 * site from the answer and its editor's notes (a note wins where it corrects the answer). Inline
	 * Markdown (backticks for code); at most 120 characters each.
	 */
	keyPoints: z.array(z.string().trim().min(1).max(120)).min(3).max(6).optional(),
});

/** Frontmatter of one of the guide's extra pages in `content/pages/`, such as its study advice. */
export const pageSchema = z.strictObject({
	/** The page's heading as the guide gives it. */
	title: z.string().trim().min(1).max(120),
});

export type SectionData = z.infer<typeof sectionSchema>;
export type QuestionData = z.infer<typeof questionSchema>;
export type Origin = QuestionData['origin'];

/** Formats schema issues as "file: field: message" lines, the way a build error names them. */
export function describeIssues(file: string, error: z.ZodError): string[] {
	return error.issues.map((issue) => {
		const field = issue.path.length > 0 ? issue.path.join('.') : '(frontmatter)';
		return `${file}: ${field}: ${issue.message}`;
	});
}
