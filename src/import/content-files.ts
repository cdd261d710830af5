import { stringify } from 'yaml';
import { slugifyQuestion } from '../lib/slugs.ts';
import type { Origin } from '../lib/schema.ts';
import type { Guide } from './parse-guide.ts';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../markdown/index.ts';

/** What the importer needs to know of a question file already in the output folder. */
export interface ExistingQuestion {
	/** Path relative to the output folder. */
	path: string;
	number: number;
	slug: string;
	origin: Origin;
	/** The entry's editor's notes, as Markdown (`:::editor-note[…]` … `:::`): the site's, kept on re-import. */
	editorNotes?: string[];
}

/** What is already in the output folder and must survive a re-import. */
export interface ExistingContent {
	questions: ExistingQuestion[];
	/** Section descriptions by section id: the site writes them, the guide has none. */
	sectionDescriptions: Map<string, string>;
}

/** The files an import writes (path relative to the output folder -> text) and those it removes. */
export interface ContentPlan {
	write: Map<string, string>;
	remove: string[];
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Frontmatter plus body, with keys in a fixed order so that two imports give identical bytes. */
function markdownFile(frontmatter: Record<string, unknown>, body: string): string {
	return `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${body.trimEnd()}\n`;
}

/**
 * Decides every file an import of `guide` writes into the content folder. Slugs of questions
 * already imported are kept (a question's URL never changes on re-import), and so are their editor's
 * notes; entries the site added are left alone, and guide entries that no longer exist are removed.
 */
export function planContent(guide: Guide, existing: ExistingContent): ContentPlan {
	const write = new Map<string, string>();
	const keptSlugs = new Map(
		existing.questions.filter((q) => q.origin === 'guide').map((q) => [q.number, q.slug]),
	);
	const keptNotes = new Map(
		existing.questions.filter((q) => q.origin === 'guide' && q.editorNotes?.length).map((q) => [q.number, q.editorNotes!]),
	);
	const siteAdded = new Map(existing.questions.filter((q) => q.origin === 'site').map((q) => [q.number, q]));
	const usedSlugs = new Set(existing.questions.filter((q) => q.origin === 'site').map((q) => q.slug));

	const sections = guide.sections.map((section) => ({
		id: section.slug,
		number: section.number,
		title: section.title,
		description:
			existing.sectionDescriptions.get(section.slug) ??
			`Questions ${section.range[0]}–${section.range[1]} of the guide.`,
		first: section.range[0],
		last: section.range[1],
	}));
	write.set(
		'sections.yaml',
		'# The guide\'s sections. Titles come from the guide; descriptions are written by the site.\n' +
			stringify(sections, { lineWidth: 0 }),
	);

	for (const section of guide.sections) {
		const folder = `questions/${pad(section.number, 2)}-${section.slug}`;
		for (const question of section.questions) {
			const clash = siteAdded.get(question.number);
			if (clash) {
				throw new Error(
					`the guide now has question ${question.number}, which the site added in ${clash.path}: delete that file and import again`,
				);
			}
			let slug = keptSlugs.get(question.number) ?? slugifyQuestion(toString(parseMarkdown(question.title, 'commonmark')));
			if (usedSlugs.has(slug)) slug = `${slug}-${question.number}`;
			usedSlugs.add(slug);
			const notes = keptNotes.get(question.number) ?? [];
			const frontmatter = {
				number: question.number,
				title: question.title,
				slug,
				section: section.slug,
				origin: 'guide',
				...(notes.length > 0 ? { editorNotes: notes.length } : {}),
			};
			// The guide's answer as it now stands, then the site's notes on it, as before the import.
			const body = [question.body.trimEnd(), ...notes].join('\n\n');
			write.set(`${folder}/${pad(question.number, 3)}-${slug}.md`, markdownFile(frontmatter, body));
		}
	}

	for (const page of guide.pages) {
		write.set(`pages/${page.slug}.md`, markdownFile({ title: page.title }, page.body));
	}

	const remove = existing.questions
		.filter((q) => q.origin === 'guide' && !write.has(q.path))
		.map((q) => q.path);
	return { write, remove };
}
