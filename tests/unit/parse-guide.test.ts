import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { GuideError, parseGuide } from '../../src/import/parse-guide.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/guides/${name}`, import.meta.url), 'utf8');

describe('parseGuide', () => {
	test('returns sections with their number, name, slug and declared range', () => {
		const guide = parseGuide(fixture('valid.md'));
		expect(guide.sections.map(({ number, title, slug, range }) => ({ number, title, slug, range }))).toEqual([
			{ number: 1, title: 'Basics & More', slug: 'basics-more', range: [1, 2] },
			{ number: 2, title: 'Second Part', slug: 'second-part', range: [3, 4] },
		]);
	});

	test('returns each question with its number, inline-Markdown title and heading line', () => {
		const [first] = parseGuide(fixture('valid.md')).sections;
		expect(first!.questions.map(({ number, title, line }) => ({ number, title, line }))).toEqual([
			{ number: 1, title: 'What is the `__init__.py` file?', line: 6 },
			{ number: 2, title: 'How do you read a file?', line: 17 },
		]);
	});

	test('keeps the answer byte for byte, trailing spaces and code indentation included', () => {
		const source = fixture('valid.md');
		const [question] = parseGuide(source).sections[0]!.questions;
		expect(question!.body).toBe(
			'- **In-depth Explanation**:  \n  - It marks a package.\n  - **Why it matters**: Imports work.\n' +
				'- **Example**:\n  ```python\n  import my_package\n  ```',
		);
		expect(source).toContain(question!.body);
	});

	test('returns level-2 parts that are not sections as pages', () => {
		const { pages } = parseGuide(fixture('valid.md'));
		expect(pages).toEqual([
			{ title: 'How to Use These Explanations', slug: 'how-to-use-these-explanations', body: '- **Study**: Read them.', line: 31 },
		]);
	});

	test.each([
		['outside-section.md', 1, 'is outside any section'],
		['duplicate-number.md', 9, 'question 1 appears twice (first at line 3)'],
		['no-body.md', 3, 'question 1 has no answer'],
		['unterminated-fence.md', 5, 'code fence ``` is never closed'],
	])('refuses %s with the line it stops at', (name, line, message) => {
		const parse = () => parseGuide(fixture(name), `fixtures/${name}`);
		expect(parse).toThrow(GuideError);
		expect(parse).toThrow(`fixtures/${name}:${line}: `);
		expect(parse).toThrow(message);
	});

	test('refuses a question numbered outside its section heading’s range', () => {
		const guide = '## Section 1: Questions 1–10 (Basics)\n\n### **11. What is a set?**\n- An answer.\n';
		expect(() => parseGuide(guide, 'g.md')).toThrow('g.md:3: question 11 is outside its section\'s range 1–10');
	});

	test('refuses text between questions that belongs to none', () => {
		const guide = '## Section 1: Questions 1–10 (Basics)\n\nStray words.\n\n### **1. What is a set?**\n- An answer.\n';
		expect(() => parseGuide(guide, 'g.md')).toThrow('g.md:3: text between questions belongs to no question');
	});

	test('refuses a guide with no section heading', () => {
		expect(() => parseGuide('---\n', 'g.md')).toThrow('g.md:1: no "## Section N: Questions a–b (Name)" heading found');
	});
});
