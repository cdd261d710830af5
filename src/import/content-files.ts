import { stringify } from 'yaml';
import { slugifyQuestion } from '../lib/slugs.ts';
import type { Origin } from '../lib/schema.ts';
import { GuideError, type Guide } from './parse-guide.ts';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../markdown/index.ts';

/** A problem with the content folder, reported as one line naming the file, without a stack trace. */
export class ImportError extends Error {
	override name = 'ImportError';
}

/** What the importer needs to know of a question file already in the output folder. */
export interface ExistingQuestion {
	/** Path relative to the output folder. */
	path: string;
	number: number;
	slug: string;
	origin: Origin;
	/** The section id its frontmatter names. */
	section?: string;
	/** The entry's editor's notes, as Markdown (`:::editor-note[…]` … `:::`): the site's, kept on re-import. */
	editorNotes?: string[];
	/** The entry's key points (frontmatter `keyPoints`): the site's, kept on re-import. */
	keyPoints?: string[];
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
	/** Files the guide no longer accounts for, kept because they hold the site's work (see `prune`). */
	keep: { path: string; reason: string }[];
}

export interface PlanOptions {
	/**
	 * Also remove files that hold editor's notes or were added by the site when the new guide no
	 * longer has their question or section (`--prune`). Without it they are kept and listed.
	 */
	prune?: boolean;
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
export function planContent(guide: Guide, existing: ExistingContent, { prune = false }: PlanOptions = {}): ContentPlan {
	const write = new Map<string, string>();
	const slugOwners = new Map<string, string>();
	for (const question of existing.questions) {
		const owner = slugOwners.get(question.slug);
		if (owner) throw new ImportError(`${question.path}: slug "${question.slug}" is already the slug of ${owner}`);
		slugOwners.set(question.slug, question.path);
	}
	const keptSlugs = new Map(
		existing.questions.filter((q) => q.origin === 'guide').map((q) => [q.number, q.slug]),
	);
	const keptNotes = new Map(
		existing.questions.filter((q) => q.origin === 'guide' && q.editorNotes?.length).map((q) => [q.number, q.editorNotes!]),
	);
	const keptKeyPoints = new Map(
		existing.questions.filter((q) => q.origin === 'guide' && q.keyPoints?.length).map((q) => [q.number, q.keyPoints!]),
	);
	const siteAdded = new Map(existing.questions.filter((q) => q.origin === 'site').map((q) => [q.number, q]));
	const usedSlugs = new Map(existing.questions.filter((q) => q.origin === 'site').map((q) => [q.slug, q.path]));

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
				throw new ImportError(
					`the guide now has question ${question.number}, which the site added in ${clash.path}: delete that file and import again`,
				);
			}
			const slug = keptSlugs.get(question.number) ?? slugifyQuestion(toString(parseMarkdown(question.title, 'commonmark')));
			if (!slug) throw new GuideError(guide.file, question.line, `question ${question.number}'s title has no letters or digits to give it a slug`);
			// Two questions on one URL would make one of them unreachable: the title (or the kept slug) must change.
			const owner = usedSlugs.get(slug);
			if (owner) throw new GuideError(guide.file, question.line, `question ${question.number}'s slug "${slug}" is already ${owner}'s: reword one of the titles`);
			usedSlugs.set(slug, `question ${question.number} (line ${question.line})`);
			const notes = keptNotes.get(question.number) ?? [];
			const keyPoints = keptKeyPoints.get(question.number);
			const frontmatter = {
				number: question.number,
				title: question.title,
				slug,
				section: section.slug,
				origin: 'guide',
				...(notes.length > 0 ? { editorNotes: notes.length } : {}),
				...(keyPoints ? { keyPoints } : {}),
			};
			// The guide's answer as it now stands, then the site's notes on it, as before the import.
			const body = [question.body.trimEnd(), ...notes].join('\n\n');
			write.set(`${folder}/${pad(question.number, 3)}-${slug}.md`, markdownFile(frontmatter, body));
		}
	}

	for (const page of guide.pages) {
		write.set(`pages/${page.slug}.md`, markdownFile({ title: page.title }, page.body));
	}

	// A file the new guide no longer accounts for is removed, unless that would lose the site's work:
	// its editor's notes or key points (carried over only when the guide still has its number) or an
	// entry the site wrote whose section is gone. Those go only with `prune`.
	const numbers = new Set(guide.sections.flatMap((section) => section.questions.map((question) => question.number)));
	const sectionIds = new Set(guide.sections.map((section) => section.slug));
	const remove: string[] = [];
	const keep: ContentPlan['keep'] = [];
	for (const question of existing.questions) {
		if (write.has(question.path)) continue;
		const notes = question.editorNotes?.length ?? 0;
		let reason: string | undefined;
		if (question.origin === 'site') {
			const section = question.section ?? question.path.split('/')[1]?.replace(/^\d+-/, '');
			if (section && sectionIds.has(section)) continue;
			reason = `added by the site, and the guide no longer has its section "${section}"`;
		} else if ((notes > 0 || question.keyPoints?.length) && !numbers.has(question.number)) {
			const work = [notes > 0 ? (notes === 1 ? '1 editor’s note' : `${notes} editor’s notes`) : '', question.keyPoints?.length ? 'key points' : ''];
			reason = `holds ${work.filter(Boolean).join(' and ')}, and the guide no longer has question ${question.number}`;
		}
		if (reason && !prune) keep.push({ path: question.path, reason });
		else remove.push(question.path);
	}
	return { write, remove, keep };
}
