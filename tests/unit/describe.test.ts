import { describe, expect, test } from 'vitest';
import { firstSentence } from '../../src/lib/describe.ts';

describe('firstSentence', () => {
	test('returns the first sentence of the answer, skipping a line that is only a label', () => {
		const body = '- **In-depth Explanation**:  \n  - The GIL is a mutex in CPython. It matters.\n';
		expect(firstSentence(body)).toBe('The GIL is a mutex in CPython.');
	});

	test('keeps a leading label that has text after it, and inline code as text', () => {
		expect(firstSentence('- **List**: A mutable `[ ]` sequence. More.\n')).toBe('List: A mutable [ ] sequence.');
	});

	test('cuts a long sentence at a word, with an ellipsis', () => {
		const result = firstSentence(`${'word '.repeat(60)}end.`);
		expect(result.length).toBeLessThanOrEqual(160);
		expect(result).toMatch(/word…$/);
	});
});
