// The guide's text is the user's: every paragraph, list item and code line of the source guide
// must still be in its question's entry, word for word. Entries may gain text, never lose it.
import { toString } from 'mdast-util-to-string';
import { readFileSync } from 'node:fs';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { parseGuide } from '../../src/import/parse-guide.ts';
import { parseMarkdown } from '../../src/markdown/index.ts';
import { contentDir, readContent } from '../helpers/content.ts';

const sourcePath = `${contentDir}source/interview-guide.md`;
const guide = parseGuide(readFileSync(sourcePath, 'utf8'), 'content/source/interview-guide.md');
const entries = new Map(readContent().questions.map((q) => [q.number, q]));

/** The text units of an answer: each paragraph (a list item's text is its paragraphs) and each code line. */
function textUnits(markdown: string): string[] {
	const tree = parseMarkdown(markdown, 'gfm');
	const units: string[] = [];
	visit(tree, (node) => {
		if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') units.push(toString(node));
		if (node.type === 'code') units.push(...node.value.split('\n').filter((line) => line.trim() !== ''));
	});
	return units;
}

const sourceQuestions = guide.sections.flatMap((section) => section.questions);

describe('the source guide', () => {
	test('has 99 questions, 82 being the one it lacks', () => {
		expect(sourceQuestions).toHaveLength(99);
		expect(sourceQuestions.some((q) => q.number === 82)).toBe(false);
	});
});

describe.each(sourceQuestions.map((q) => [q.number, q] as const))('question %i', (number, question) => {
	test('keeps the guide’s title and every paragraph, list item and code line', () => {
		const entry = entries.get(number);
		expect(entry, `no entry for question ${number}`).toBeDefined();
		expect(entry!.title).toBe(question.title);
		const kept = new Set(textUnits(entry!.body));
		const lost = textUnits(question.body).filter((unit) => !kept.has(unit));
		expect(lost, `text of question ${number} missing from ${entry!.file}`).toEqual([]);
	});
});
