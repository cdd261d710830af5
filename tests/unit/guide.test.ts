import { describe, expect, test } from 'vitest';
import {
	checkGuide,
	formatRange,
	getNeighbours,
	groupBySection,
	sortByNumber,
	windowAround,
	type QuestionInfo,
	type SectionInfo,
} from '../../src/lib/guide.ts';
import { answerFacts } from '../../src/markdown/remark-answer-facts.ts';
import { parseAnswer } from '../../src/markdown/editor-notes.ts';

const section = (id: string, number: number, first = number * 2 - 1, last = first + 1): SectionInfo => ({
	id,
	number,
	title: id,
	description: `About ${id}.`,
	first,
	last,
});
/** Facts as rendering finds them in `body`. */
const withFacts = (question: Omit<QuestionInfo, 'facts'>): QuestionInfo => ({ ...question, facts: answerFacts(parseAnswer(question.body)) });
const question = (number: number, sectionId: string, extra: Partial<QuestionInfo> = {}): QuestionInfo =>
	withFacts({
		file: `content/questions/${number}.md`,
		number,
		title: `Question ${number}?`,
		slug: `question-${number}`,
		section: sectionId,
		origin: 'guide',
		body: 'An answer.',
		...extra,
	});
const sections = [section('first', 1), section('second', 2)];
const complete = [question(1, 'first'), question(2, 'first'), question(3, 'second'), question(4, 'second')];

describe('sortByNumber', () => {
	test('returns a sorted copy and leaves the input alone', () => {
		const input = [question(2, 'first'), question(1, 'first')];
		expect(sortByNumber(input).map((q) => q.number)).toEqual([1, 2]);
		expect(input.map((q) => q.number)).toEqual([2, 1]);
	});
});

describe('groupBySection', () => {
	test('returns sections in order, each with its questions in order', () => {
		const groups = groupBySection([...sections].reverse(), [...complete].reverse());
		expect(groups.map((g) => [g.section.id, g.questions.map((q) => q.number)])).toEqual([
			['first', [1, 2]],
			['second', [3, 4]],
		]);
	});
});

describe('getNeighbours', () => {
	test('returns the items on both sides, and nothing past either end', () => {
		expect(getNeighbours(['a', 'b', 'c'], 1)).toEqual({ previous: 'a', next: 'c' });
		expect(getNeighbours(['a', 'b', 'c'], 0)).toEqual({ previous: undefined, next: 'b' });
		expect(getNeighbours(['a', 'b', 'c'], 2)).toEqual({ previous: 'b', next: undefined });
	});
});

describe('windowAround', () => {
	const items = Array.from({ length: 20 }, (_, i) => i);

	test('returns the whole of a short list', () => {
		expect(windowAround([1, 2, 3], 1, 6)).toEqual({ shown: [1, 2, 3], hiddenBefore: 0, hiddenAfter: 0 });
	});

	test('returns radius items each side of the middle of a long list', () => {
		expect(windowAround(items, 10, 2)).toEqual({ shown: [8, 9, 10, 11, 12], hiddenBefore: 8, hiddenAfter: 7 });
	});

	test('keeps the window full at either end', () => {
		expect(windowAround(items, 0, 2)).toEqual({ shown: [0, 1, 2, 3, 4], hiddenBefore: 0, hiddenAfter: 15 });
		expect(windowAround(items, 19, 2)).toEqual({ shown: [15, 16, 17, 18, 19], hiddenBefore: 15, hiddenAfter: 0 });
	});
});

describe('formatRange', () => {
	test('returns the first and last number with an en dash', () => {
		expect(formatRange([{ number: 12 }, { number: 11 }, { number: 20 }])).toBe('11–20');
		expect(formatRange([{ number: 7 }])).toBe('7');
		expect(formatRange([])).toBe('');
	});
});

describe('checkGuide', () => {
	test('returns nothing for a complete guide', () => {
		expect(checkGuide(sections, complete)).toEqual([]);
	});

	test('names both files when two questions share a number', () => {
		const questions = [...complete.slice(0, 3), question(3, 'second', { file: 'content/questions/3-copy.md', slug: 'other' })];
		expect(checkGuide(sections, questions)).toEqual([
			'number: question 3 appears in more than one file: content/questions/3.md, content/questions/3-copy.md',
			'number: section "second" (3–4) has no file for question 4',
		]);
	});

	test('names the file whose editorNotes count does not match its notes', () => {
		const note = '\n\n:::editor-note[A note]\nText.\n:::\n';
		const noted = complete.map((q) => (q.number === 2 ? withFacts({ ...q, body: q.body + note }) : q.number === 3 ? { ...q, editorNotes: 2 } : q));
		expect(checkGuide(sections, noted)).toEqual([
			"content/questions/2.md: editorNotes: is left out, but the answer has 1 editor's note(s)",
			"content/questions/3.md: editorNotes: says 2, but the answer has 0 editor's note(s)",
		]);
		expect(checkGuide(sections, noted.map((q) => (q.number === 2 ? { ...q, editorNotes: 1 } : q.number === 3 ? { ...q, editorNotes: undefined } : q)))).toEqual([]);
	});

	test('names both files when two questions share a slug', () => {
		const questions = [...complete.slice(0, 3), question(4, 'second', { slug: 'question-3' })];
		expect(checkGuide(sections, questions)).toEqual([
			'slug: "question-3" is used by more than one file: content/questions/3.md, content/questions/4.md',
		]);
	});

	test('names the file whose section does not exist', () => {
		const questions = [...complete.slice(0, 3), question(4, 'third')];
		expect(checkGuide(sections, questions)).toContain(
			'content/questions/4.md: section: "third" is not a section in content/sections.yaml',
		);
	});

	test('names the file whose answer is empty', () => {
		const questions = [...complete.slice(0, 3), question(4, 'second', { body: '  \n' })];
		expect(checkGuide(sections, questions)).toEqual(['content/questions/4.md: body: the answer is empty']);
	});

	test('names a question filed under a section whose range does not hold its number', () => {
		const questions = [question(1, 'first'), question(2, 'first'), question(3, 'first'), question(4, 'second')];
		expect(checkGuide(sections, questions)).toEqual([
			"content/questions/3.md: number: question 3 is outside section 1's range 1–2",
			'number: section "second" (3–4) has no file for question 3',
		]);
	});

	test('names a question numbered beyond every section, such as 101', () => {
		const questions = [...complete, question(101, 'second')];
		expect(checkGuide(sections, questions)).toEqual(["content/questions/101.md: number: question 101 is outside section 2's range 3–4"]);
	});

	test('reports sections that share a number, skip one, or leave a gap between ranges', () => {
		expect(checkGuide([section('first', 1), section('again', 1, 3, 4)], complete)).toEqual(
			expect.arrayContaining(['content/sections.yaml: number: sections first and again share number 1']),
		);
		expect(checkGuide([section('first', 1), section('third', 3, 3, 4)], complete)).toContain(
			'content/sections.yaml: number: section "third" is number 3, expected 2',
		);
		expect(checkGuide([section('first', 1), section('second', 2, 4, 5)], [...complete.slice(0, 2), question(4, 'second'), question(5, 'second')])).toEqual([
			'content/sections.yaml: first: section "second" starts at question 4, expected 3',
		]);
	});
});
