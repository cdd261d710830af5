import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodeGuide, GuideError, parseGuide } from '../../src/import/parse-guide.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/guides/${name}`, import.meta.url), 'utf8');
const bytes = (name: string) => readFileSync(new URL(`../fixtures/guides/${name}`, import.meta.url));

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

	test.each([
		['empty-section.md', 8, 'section 2 has no questions'],
		['duplicate-section-id.md', 8, 'section 2\'s id "sql-databases" is already section 1\'s (line 1)'],
		['overlapping-ranges.md', 8, 'section 2 starts at question 5, but section 1 (line 1) ends at 10: ranges must follow each other with no gap or overlap'],
		['gap-in-ranges.md', 8, 'section 2 starts at question 12, but section 1 (line 1) ends at 10'],
		['huge-number.md', 1, 'the last question number 99999999999999999999 is not a whole number from 1 to 9007199254740991'],
		['non-ascii-section.md', 1, 'the section name "Основы" has no letters or digits to give it an id'],
		['duplicate-page.md', 14, 'the page "How to study!" would be written to the same file as "How to Study" (line 8): pages/how-to-study.md'],
	])('refuses %s with the line and what is wrong', (name, line, message) => {
		const parse = () => parseGuide(fixture(name), `fixtures/${name}`);
		expect(parse).toThrow(`fixtures/${name}:${line}: ${message}`);
	});

	test('refuses a question number that is not a safe integer', () => {
		const guide = '## Section 1: Questions 1–10 (Basics)\n\n### **12345678901234567890. What is a set?**\n- An answer.\n';
		expect(() => parseGuide(guide, 'g.md')).toThrow('g.md:3: the question number 12345678901234567890 is not a whole number');
	});

	test('refuses sections that are not numbered 1, 2, 3…', () => {
		const guide = '## Section 2: Questions 1–1 (Basics)\n\n### **1. What is a set?**\n- An answer.\n';
		expect(() => parseGuide(guide, 'g.md')).toThrow('g.md:1: section 2 should be section 1');
	});

	test('strips a byte-order mark, so the first heading is read and lines stay right', () => {
		const guide = parseGuide(fixture('bom.md'));
		expect(guide).toEqual(parseGuide(fixture('valid.md')));
		expect(guide.sections[0]!.questions[0]!.line).toBe(6);
	});

	test('reads Windows line endings as "\\n", leaving no "\\r" in titles or answers', () => {
		const guide = parseGuide(fixture('crlf.md'));
		expect(fixture('crlf.md')).toContain('\r\n');
		expect(guide).toEqual(parseGuide(fixture('valid.md')));
	});
});

describe('decodeGuide', () => {
	test('decodes UTF-8 and keeps a byte-order mark for parseGuide to strip', () => {
		expect(decodeGuide(bytes('valid.md'), 'valid.md')).toBe(fixture('valid.md'));
	});

	test('refuses a byte that is not UTF-8 with its line, instead of a replacement character', () => {
		const decode = () => decodeGuide(bytes('latin1.md'), 'fixtures/latin1.md');
		expect(decode).toThrow(GuideError);
		expect(decode).toThrow('fixtures/latin1.md:4: byte 0xe9 is not UTF-8: save the guide as UTF-8 and import again');
	});

	test('names the bad byte itself when it follows a valid multi-byte character', () => {
		const text = new TextEncoder().encode('## Café\nnaïve é');
		const broken = new Uint8Array([...text, 0xff, 0x41]);
		expect(() => decodeGuide(broken, 'g.md')).toThrow('g.md:2: byte 0xff is not UTF-8');
	});
});

