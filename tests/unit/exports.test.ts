// The plain-text exports: /guide.md must read back through the project's own importer as the same
// guide, and /anki.tsv must parse as Anki's tab-separated format with one note per question.
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { parse as parseCsv } from 'csv-parse/sync';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseGuide } from '../../src/import/parse-guide.ts';
import {
	ankiGuid,
	guideToAnki,
	guideToMarkdown,
	keyPointsHtml,
	keyPointsMarkdown,
	SITE_ADDED_NOTE,
	tsvField,
} from '../../src/markdown/exports.ts';
import { groupBySection } from '../../src/lib/guide.ts';
import { renderInline, toPlainText } from '../../src/markdown/inline.ts';
import { renderMarkdown } from '../../src/markdown/index.ts';
import { contentDir, readContent } from '../helpers/content.ts';

const { sections, questions } = readContent();
const groups = groupBySection(sections, questions);
const extras = readdirSync(`${contentDir}pages`).map((name) => {
	const { frontmatter, content } = parseFrontmatter(readFileSync(`${contentDir}pages/${name}`, 'utf8'));
	return { title: String(frontmatter.title), body: content };
});
const title = 'Python & Backend Interview Guide';
const siteUrl = 'https://example.org/guide/';

describe('guideToMarkdown', () => {
	const markdown = guideToMarkdown({ title, siteUrl, groups, extras });
	// The importer reads the guide's own layout, which has no title or preamble before the first section.
	const reread = parseGuide(markdown.slice(markdown.indexOf('## Section 1:')), 'guide.md');

	test('names the site it was made from', () => {
		expect(markdown.startsWith(`# ${title}\n`)).toBe(true);
		expect(markdown).toContain('<https://example.org/guide/>');
	});

	test('reads back through the importer as every section and question, answers unchanged (the key points after them)', () => {
		expect(reread.sections.map((s) => [s.number, s.title, s.range])).toEqual(
			sections.map((s) => [s.number, s.title, [s.first, s.last]]),
		);
		const back = reread.sections.flatMap((s) => s.questions);
		expect(back.map((q) => q.number)).toEqual(questions.map((q) => q.number));
		for (const question of questions) {
			const read = back.find((q) => q.number === question.number)!;
			expect(read.title).toBe(question.title);
			const note = question.origin === 'site' ? `${SITE_ADDED_NOTE(question.number)}\n\n` : '';
			const points = question.keyPoints ? `\n\n${keyPointsMarkdown(question.keyPoints)}` : '';
			expect(read.body, question.file).toBe(`${note}${question.body.trim()}${points}`.replace(/^\s+/, ''));
		}
		expect(reread.pages.map((p) => p.title)).toEqual(extras.map((e) => e.title));
	});

	test('marks the question the site added, and only that one', () => {
		const added = questions.filter((q) => q.origin === 'site').map((q) => q.number);
		expect(added).toEqual([82]);
		expect(markdown.match(/Added by this site/g)).toHaveLength(1);
		expect(markdown.indexOf(SITE_ADDED_NOTE(82))).toBeGreaterThan(markdown.indexOf('### **82. '));
	});
});

describe('guideToAnki', () => {
	const tsv = guideToAnki({ title, siteUrl, groups });
	const lines = tsv.split('\n');
	const header = lines.slice(0, lines.findIndex((line) => !line.startsWith('#')));
	const rows: string[][] = parseCsv(tsv, { delimiter: '\t', from_line: header.length + 1, relax_column_count: false });

	test('starts with the header lines Anki reads', () => {
		expect(header).toEqual([
			'#separator:tab',
			'#html:true',
			'#notetype:Basic',
			`#deck:${title}`,
			'#columns:GUID\tFront\tBack\tTags',
			'#guid column:1',
			'#tags column:4',
		]);
	});

	test('has one note per question, in guide order, with a stable id, its question and its answer', () => {
		expect(rows).toHaveLength(questions.length);
		for (const [index, question] of questions.entries()) {
			const [guid, front, back, tags] = rows[index]!;
			expect(guid).toBe(ankiGuid(question));
			expect(front).toBe(`${question.number}. ${renderInline(question.title)}`);
			expect(front!.replace(/<[^>]+>/g, '')).toContain(toPlainText(question.title).slice(0, 12));
			expect(back).toBe(
				(question.origin === 'site' ? renderMarkdown(SITE_ADDED_NOTE(question.number), { siteUrl }) : '') +
					renderMarkdown(question.body, { siteUrl }) +
					keyPointsHtml(question.keyPoints!),
			);
			expect(tags!.split(' ')).toEqual(['interview-guide', question.section, ...(question.origin === 'site' ? ['site-added'] : [])]);
		}
		expect(new Set(rows.map((row) => row[0])).size).toBe(rows.length);
	});

	test('points links between questions at the site’s full address, since Anki shows them elsewhere', () => {
		const back = rows[questions.findIndex((question) => question.number === 24)]![2]!;
		expect(back).toContain(`href="${siteUrl}python-fundamentals/global-interpreter-lock-gil/#editors-note-1"`);
		expect(renderMarkdown('[a](/x/y/#z) [b](https://example.com/) [c](#here)', { siteUrl })).toBe(
			`<p><a href="${siteUrl}x/y/#z">a</a> <a href="https://example.com/">b</a> <a href="#here">c</a></p>`,
		);
		expect(renderMarkdown('[a](/x/y/)')).toBe('<p><a href="/x/y/">a</a></p>');
	});

	test('takes each answer’s HTML from answerHtml when given (a build passes what its content sync kept)', () => {
		const given = guideToAnki({ title, siteUrl, groups, answerHtml: (question) => `<p>answer ${question.number}</p>` });
		const backs = parseCsv(given, { delimiter: '\t', from_line: header.length + 1 }).map((row: string[]) => row[2]);
		const points = (number: number) => keyPointsHtml(questions.find((question) => question.number === number)!.keyPoints!);
		expect(backs[6]).toBe(`<p>answer 7</p>${points(7)}`);
		expect(backs[questions.findIndex((question) => question.number === 82)]).toBe(`${renderMarkdown(SITE_ADDED_NOTE(82), { siteUrl })}<p>answer 82</p>${points(82)}`);
	});

	test('keeps code blocks whole, with their line breaks and language', () => {
		const first = rows[0]![2]!;
		expect(first).toContain('<pre><code class="language-python"># List\nmy_list = [1, 2, 3]\n');
	});
});

describe('tsvField', () => {
	test('quotes a field only when it holds a tab, a line break or a quote, doubling quotes', () => {
		expect(tsvField('plain text')).toBe('plain text');
		expect(tsvField('a\tb')).toBe('"a\tb"');
		expect(tsvField('line\nbreak')).toBe('"line\nbreak"');
		expect(tsvField('say "hi"')).toBe('"say ""hi"""');
	});
});
