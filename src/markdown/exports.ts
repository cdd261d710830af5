// The guide in plain-text formats for people who study elsewhere: one Markdown document in the
// source guide's own layout (/guide.md) and an Anki import file (/anki.tsv).
import { renderMarkdown } from './index.ts';
import type { QuestionInfo, SectionGroup } from '../lib/guide.ts';
import { SITE_ADDED_LABEL, siteAddedReason } from '../lib/labels.ts';
import { renderInline } from './inline.ts';

/** A level-2 part of the guide that is not a section ("How to Use These Explanations"). */
export interface GuideExtra {
	title: string;
	body: string;
}

export interface GuideExport {
	title: string;
	/** The site's address, named in the document's preamble. */
	siteUrl: string;
	groups: SectionGroup[];
	extras: GuideExtra[];
}

/** The sentence put under a question the site wrote itself, so the export never passes it off as the guide's. */
export const SITE_ADDED_NOTE = (number: number) => `> **${SITE_ADDED_LABEL}:** ${siteAddedReason(number)}`;

const trimBlankLines = (markdown: string) => markdown.replace(/^(?:[ \t]*\n)+/, '').trimEnd();

/**
 * The whole guide as one Markdown document, in the layout of the source guide (`## Section N:
 * Questions a–b (Name)`, `### **N. Question**`, `---` between questions), so the project's importer
 * reads it back. Each answer is its entry's Markdown as written; questions the site added carry
 * SITE_ADDED_NOTE under their heading.
 */
export function guideToMarkdown({ title, siteUrl, groups, extras }: GuideExport): string {
	const blocks = [
		`# ${title}`,
		`The whole guide as one Markdown document, made from the content of <${siteUrl}>. What the site ` +
			'adds to the source guide is marked where it appears: the editor’s notes are the blocks that ' +
			'open with `:::editor-note[Title]` and close with `:::`, and the list after each answer under ' +
			`“${KEY_POINTS_HEADING} (the site’s key points)” is the site’s too.`,
		'---',
	];
	for (const { section, questions } of groups) {
		blocks.push(`## Section ${section.number}: Questions ${section.first}–${section.last} (${section.title})`);
		for (const question of questions) {
			blocks.push(`### **${question.number}. ${question.title}**`);
			if (question.origin === 'site') blocks.push(SITE_ADDED_NOTE(question.number));
			blocks.push(trimBlankLines(question.body));
			if (question.keyPoints) blocks.push(keyPointsMarkdown(question.keyPoints));
			blocks.push('---');
		}
	}
	for (const extra of extras) blocks.push(`## ${extra.title}`, trimBlankLines(extra.body), '---');
	return `${blocks.join('\n\n')}\n`;
}


/** The heading of a question's key points, wherever they are shown. */
export const KEY_POINTS_HEADING = 'What an interviewer listens for';

/** A question's key points in an export, after its answer, marked as the site's. */
export const keyPointsMarkdown = (points: readonly string[]) =>
	`**${KEY_POINTS_HEADING} (the site’s key points):**\n\n${points.map((point) => `- ${point}`).join('\n')}`;
export const keyPointsHtml = (points: readonly string[]) =>
	`<p><strong>${KEY_POINTS_HEADING}</strong> (the site’s key points):</p><ul>${points.map((point) => `<li>${renderInline(point)}</li>`).join('')}</ul>`;

/** A TSV field, quoted the way Anki (and RFC 4180) reads one that holds a tab, newline or quote. */
export function tsvField(value: string): string {
	return /[\t\n\r"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The Anki note id of a question: stable, so re-importing an updated file updates the same notes. */
export const ankiGuid = (question: Pick<QuestionInfo, 'number'>) => `python-backend-interview-guide-q${question.number}`;

/**
 * An Anki "Basic" note per question, as a tab-separated file with Anki's header lines: front is the
 * numbered question, back the answer as HTML, tagged with its section (and `site-added` where the
 * site wrote it). Import with File → Import in Anki 2.1.55 or later. The answers' HTML is
 * renderMarkdown's, with `siteUrl`; a build passes `answerHtml` with the HTML its content sync kept.
 */
export function guideToAnki<Q extends QuestionInfo>({
	title,
	siteUrl,
	groups,
	answerHtml = (question) => renderMarkdown(question.body, { siteUrl }),
}: Pick<GuideExport, 'title' | 'siteUrl'> & { groups: SectionGroup<Q>[]; answerHtml?: (question: Q) => string }): string {
	const header = [
		'#separator:tab',
		'#html:true',
		'#notetype:Basic',
		`#deck:${title}`,
		'#columns:GUID\tFront\tBack\tTags',
		'#guid column:1',
		'#tags column:4',
	];
	const rows = groups.flatMap(({ section, questions }) =>
		questions.map((question) => {
			const back = [
				question.origin === 'site' ? renderMarkdown(SITE_ADDED_NOTE(question.number), { siteUrl }) : '',
				// Anki shows the answer outside the site: links to other questions get the site's address.
				answerHtml(question),
				question.keyPoints ? keyPointsHtml(question.keyPoints) : '',
			].join('');
			const tags = ['interview-guide', section.id, ...(question.origin === 'site' ? ['site-added'] : [])];
			return [ankiGuid(question), `${question.number}. ${renderInline(question.title)}`, back, tags.join(' ')]
				.map(tsvField)
				.join('\t');
		}),
	);
	return `${[...header, ...rows].join('\n')}\n`;
}
