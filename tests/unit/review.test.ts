// content/REVIEW.md records, for every question, that it was reviewed against the dated checklist,
// when, and with what outcome. This keeps the record whole and consistent with the content.
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { readFileSync } from 'node:fs';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { findEditorNotes, parseAnswer } from '../../src/markdown/editor-notes.ts';
import { contentDir, readContent } from '../helpers/content.ts';

const OUTCOMES = ['no change', 'note added', 'note corrected', 'site text corrected'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const review = readFileSync(`${contentDir}REVIEW.md`, 'utf8');
const { questions } = readContent();

/** The rows of the table of questions: [number, reviewed, outcome, remark] as text. */
function reviewRows(markdown: string): string[][] {
	const tables: Table[] = [];
	visit(parseAnswer(markdown), 'table', (table: Table) => {
		tables.push(table);
	});
	const table = tables.find((t) => toString(t.children[0]!.children[0]!) === 'Q');
	if (!table) throw new Error('content/REVIEW.md: no table whose first column is "Q"');
	return table.children.slice(1).map((row) => row.children.map((cell) => toString(cell).trim()));
}

const isValidDate = (text: string) => ISO_DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

describe('content/REVIEW.md', () => {
	const checklistDate = /^Checklist date: (\S+?)\.?(?:\s|$)/m.exec(review)?.[1];
	const rows = reviewRows(review);

	test('dates its checklist', () => {
		expect(checklistDate, 'a line "Checklist date: YYYY-MM-DD."').toBeDefined();
		expect(isValidDate(checklistDate!)).toBe(true);
	});

	test('records every question of the content exactly once, in order', () => {
		expect(rows.map((row) => Number(row[0]))).toEqual(questions.map((q) => q.number).sort((a, b) => a - b));
	});

	test('gives each question a review date on or after the checklist’s, an outcome and a remark', () => {
		for (const [number, reviewed, outcome, remark] of rows) {
			expect(isValidDate(reviewed!), `question ${number}: reviewed "${reviewed}"`).toBe(true);
			expect(reviewed! >= checklistDate!, `question ${number}: reviewed before the checklist's date`).toBe(true);
			expect(OUTCOMES, `question ${number}`).toContain(outcome);
			expect(remark!.length, `question ${number}: a few words on what was checked`).toBeGreaterThan(5);
		}
	});

	test('agrees with the content: a note added or corrected is there, and only the site’s own text is corrected', () => {
		for (const [number, , outcome] of rows) {
			const question = questions.find((q) => q.number === Number(number))!;
			if (outcome === 'note added' || outcome === 'note corrected') {
				expect(findEditorNotes(question.body).length, `${question.file}: outcome "${outcome}" but no note`).toBeGreaterThan(0);
			}
			if (outcome === 'site text corrected') expect(question.origin, question.file).toBe('site');
		}
	});
});

describe('reviewRows', () => {
	test('reads the rows of the table headed Q, and fails naming the file when there is none', () => {
		const table = ['| Q | Reviewed | Outcome | Remark |', '|---|---|---|---|', '| 1 | 2026-11-26 | no change | Fine, `x`. |'].join('\n');
		expect(reviewRows(`Intro.\n\n${table}\n`)).toEqual([['1', '2026-11-26', 'no change', 'Fine, x.']]);
		expect(() => reviewRows('No table.')).toThrow('content/REVIEW.md');
	});
});
