// Every question's key points ("What an interviewer listens for", ticked off in a mock interview):
// 3 to 6 short claims each, and none repeating what an editor's note corrects in the guide's answer.
// content/REVIEW.md's "Key points" table records, for each question with a note, how its key points
// follow the note and the answer's own phrases the note corrects ("must not say").
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { readFileSync } from 'node:fs';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { findEditorNotes, parseAnswer } from '../../src/markdown/editor-notes.ts';
import { toPlainText } from '../../src/markdown/inline.ts';
import { questionSchema } from '../../src/lib/schema.ts';
import { contentDir, readContent } from '../helpers/content.ts';

const { questions, problems } = readContent();

/** Text as compared here: plain, one space between words, lower case. */
const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The rows of the table headed "Q | Note | …" in a review: [number, note titles, how, must not say] as text. */
export function keyPointRows(markdown: string): string[][] {
	let found: Table | undefined;
	visit(parseAnswer(markdown), 'table', (table: Table) => {
		const head = table.children[0]!.children.map((cell) => toString(cell).trim());
		if (head[0] === 'Q' && head[1] === 'Note') found = table;
	});
	if (!found) throw new Error('content/REVIEW.md: no table headed "Q | Note | The key points | Must not say"');
	return found.children.slice(1).map((row) => row.children.map((cell) => toString(cell).trim()));
}

/** The answer above its editor's notes, as plain text. */
function answerText(body: string): string {
	const notes = findEditorNotes(body);
	const answer = notes.length > 0 ? body.split('\n').slice(0, notes[0]!.line - 1).join('\n') : body;
	return toString(parseAnswer(answer));
}

describe('key points', () => {
	test('every question has 3 to 6, each at most 120 characters', () => {
		expect(problems).toEqual([]);
		for (const question of questions) {
			expect(question.keyPoints?.length ?? 0, `${question.file}: keyPoints`).toBeGreaterThanOrEqual(3);
			expect(question.keyPoints!.length, `${question.file}: keyPoints`).toBeLessThanOrEqual(6);
			for (const point of question.keyPoints!) expect(point.length, `${question.file}: keyPoints: ${point}`).toBeLessThanOrEqual(120);
		}
	});

	test('the schema refuses fewer than 3, more than 6, or one over 120 characters, naming the field', () => {
		const base = { number: 1, title: 'T', slug: 't', section: 's', origin: 'guide' };
		expect(questionSchema.safeParse({ ...base, keyPoints: ['a', 'b', 'c'] }).success).toBe(true);
		for (const keyPoints of [['a', 'b'], ['a', 'b', 'c', 'd', 'e', 'f', 'g'], ['a', 'b', 'x'.repeat(121)]]) {
			const result = questionSchema.safeParse({ ...base, keyPoints });
			expect(result.success).toBe(false);
			expect(result.error!.issues[0]!.path[0]).toBe('keyPoints');
		}
	});

	test('are distinct within a question', () => {
		for (const question of questions) {
			const points = question.keyPoints!.map(normal);
			expect(new Set(points).size, question.file).toBe(points.length);
		}
	});

	describe("against the editor's notes (content/REVIEW.md)", () => {
		const rows = keyPointRows(readFileSync(`${contentDir}REVIEW.md`, 'utf8'));
		const byNumber = new Map(rows.map((row) => [Number(row[0]), row]));

		test('every question with a note has a row, naming its notes as the answer titles them, and no other question has one', () => {
			const noted = questions.filter((q) => findEditorNotes(q.body).length > 0).map((q) => q.number);
			expect(rows.map((row) => Number(row[0]))).toEqual(noted.sort((a, b) => a - b));
			for (const question of questions.filter((q) => byNumber.has(q.number))) {
				const [, titles, how] = byNumber.get(question.number)!;
				expect(titles, question.file).toBe(findEditorNotes(question.body).map((note) => note.title).join('; '));
				expect(how!.length, `${question.file}: how the key points follow the note`).toBeGreaterThan(10);
			}
		});

		test('each phrase a note corrects is the answer’s own, and no key point of that question repeats it', () => {
			for (const question of questions.filter((q) => byNumber.has(q.number))) {
				const mustNotSay = byNumber.get(question.number)![3]!;
				if (mustNotSay === '—') continue;
				const answer = normal(answerText(question.body));
				for (const phrase of mustNotSay.split('; ').map(normal)) {
					expect(answer, `${question.file}: "${phrase}" is not in the answer`).toContain(phrase);
					for (const point of question.keyPoints!) expect(normal(toPlainText(point)), `${question.file}: a key point says "${phrase}"`).not.toContain(phrase);
				}
			}
		});
	});
});

describe('keyPointRows', () => {
	test('reads the table headed "Q | Note", and fails naming the file when there is none', () => {
		const table = ['| Q | Note | The key points | Must not say |', '|---|---|---|---|', '| 7 | On `x` | follow it | a b c; d e f |'].join('\n');
		expect(keyPointRows(`| Q | Reviewed |\n|---|---|\n| 1 | x |\n\n${table}\n`)).toEqual([['7', 'On x', 'follow it', 'a b c; d e f']]);
		expect(() => keyPointRows('No table.')).toThrow('content/REVIEW.md');
	});
});
