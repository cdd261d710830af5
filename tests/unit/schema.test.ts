import { describe, expect, test } from 'vitest';
import { describeIssues, pageSchema, questionSchema, sectionSchema } from '../../src/lib/schema.ts';

const file = 'content/questions/01-python-fundamentals/007-gil.md';
const good = { number: 7, title: 'What is the GIL?', slug: 'global-interpreter-lock', section: 'python-fundamentals', origin: 'guide' };

/** The messages a build would print for this frontmatter, as "file: field: message". */
function problems(data: unknown, schema: typeof questionSchema | typeof sectionSchema = questionSchema): string[] {
	const result = schema.safeParse(data);
	return result.success ? [] : describeIssues(file, result.error);
}

describe('questionSchema', () => {
	test('accepts a complete entry', () => {
		expect(problems(good)).toEqual([]);
	});

	test.each([
		['a missing field', { ...good, title: undefined }, 'title'],
		['a wrong type', { ...good, number: '7' }, 'number'],
		['a number below 1', { ...good, number: 0 }, 'number'],
		['a fractional number', { ...good, number: 7.5 }, 'number'],
		['an unknown key', { ...good, draft: true }, '(frontmatter)'],
		['a non-ASCII slug', { ...good, slug: 'café' }, 'slug'],
		['a slug with spaces', { ...good, slug: 'the gil' }, 'slug'],
		['an empty title', { ...good, title: '   ' }, 'title'],
		['a title too long', { ...good, title: 'x'.repeat(111) }, 'title'],
		['an unknown origin', { ...good, origin: 'ai' }, 'origin'],
	])('refuses %s, naming the file and the field', (_, data, field) => {
		const [message, ...rest] = problems(data);
		expect(rest).toEqual([]);
		expect(message).toMatch(new RegExp(`^${file}: ${field.replace(/[()]/g, '\\$&')}: `));
	});

	test('names the unknown key itself', () => {
		expect(problems({ ...good, draft: true })[0]).toContain('draft');
	});
});

describe('sectionSchema', () => {
	const section = { id: 'sql-databases', number: 6, title: 'SQL & Databases', description: 'Joins and indexes.', first: 51, last: 60 };

	test('accepts a complete section', () => {
		expect(problems(section, sectionSchema)).toEqual([]);
	});

	test('refuses a range that ends before it starts', () => {
		expect(problems({ ...section, last: 50 }, sectionSchema)).toEqual([`${file}: last: must not be below first`]);
	});

	test('refuses a missing description and an id that is not a slug', () => {
		expect(problems({ ...section, description: undefined, id: 'SQL' }, sectionSchema)).toEqual([
			expect.stringMatching(new RegExp(`^${file}: id: `)),
			expect.stringMatching(new RegExp(`^${file}: description: `)),
		]);
	});
});

describe('pageSchema', () => {
	test('refuses unknown keys', () => {
		expect(pageSchema.safeParse({ title: 'How to', order: 1 }).success).toBe(false);
	});
});
