import { describe, expect, test } from 'vitest';
import { checkGuide } from '../../src/lib/guide.ts';
import { readContent } from '../helpers/content.ts';

const { sections, questions, problems } = readContent();

describe('content/', () => {
	test('every entry passes its schema', () => {
		expect(problems).toEqual([]);
	});

	test('holds a complete guide: 10 sections of 10 questions, numbers 1-100 once each, unique slugs', () => {
		expect(sections).toHaveLength(10);
		expect(sections.map((s) => [s.first, s.last])).toEqual(Array.from({ length: 10 }, (_, i) => [i * 10 + 1, i * 10 + 10]));
		expect(questions).toHaveLength(100);
		expect(checkGuide(sections, questions)).toEqual([]);
	});

	test('marks question 82, which the guide lacks, and only it, as added by the site', () => {
		expect(questions.filter((q) => q.origin === 'site').map((q) => q.number)).toEqual([82]);
	});

	test('names each question file after its number and slug, in its section’s folder', () => {
		for (const question of questions) {
			const section = sections.find((s) => s.id === question.section)!;
			const folder = `${String(section.number).padStart(2, '0')}-${section.id}`;
			expect(question.file).toBe(`content/questions/${folder}/${String(question.number).padStart(3, '0')}-${question.slug}.md`);
		}
	});
});
