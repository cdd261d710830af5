import { describe, expect, test } from 'vitest';
import { firstSentence } from '../../src/lib/describe.ts';
import { parseAnswer } from '../../src/markdown/editor-notes.ts';

const describeAnswer = (markdown: string) => firstSentence(parseAnswer(markdown));

describe('firstSentence', () => {
	test('returns the first sentence of the answer, skipping a line that is only a label', () => {
		const body = '- **In-depth Explanation**:  \n  - The GIL is a mutex in CPython. It matters.\n';
		expect(describeAnswer(body)).toBe('The GIL is a mutex in CPython.');
	});

	test('keeps a leading label that has text after it, and inline code as text', () => {
		expect(describeAnswer('- **List**: A mutable `[ ]` sequence. More.\n')).toBe('List: A mutable [ ] sequence.');
	});

	test("skips an editor's note: the description is the guide's own words", () => {
		expect(describeAnswer(':::editor-note[Dated]\nThe site says this.\n:::\n\nThe guide says this. More.\n')).toBe('The guide says this.');
	});

	test('cuts a long sentence at a word, with an ellipsis', () => {
		const result = describeAnswer(`${'word '.repeat(60)}end.`);
		expect(result.length).toBeLessThanOrEqual(160);
		expect(result).toMatch(/word…$/);
	});
});
