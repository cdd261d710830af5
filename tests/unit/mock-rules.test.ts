// The mock interview's pure rules: what it draws, how a self-check becomes a grade, the countdown's
// text, and the confusable topics' file.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CONFUSABLE_FILE, parseConfusable } from '../../src/mock/confusable.ts';
import { clockText, drawInterview, gradeOf, type MockCandidate } from '../../src/mock/rules.ts';
import { readContent } from '../helpers/content.ts';

const { questions } = readContent();
const slugs = new Set(questions.map((q) => q.slug));
const groups = parseConfusable(readFileSync(CONFUSABLE_FILE, 'utf8'), CONFUSABLE_FILE, slugs);
const candidates: MockCandidate[] = questions.map((q) => ({ slug: q.slug, section: q.section }));
const sectionOf = new Map(candidates.map((c) => [c.slug, c.section]));

describe('gradeOf', () => {
	test.each([
		[4, 4, 'sure', 'easy', false],
		[4, 4, 'unsure', 'good', false],
		[3, 4, 'sure', 'good', false],
		[3, 4, 'unsure', 'hard', false],
		[2, 4, 'sure', 'hard', false],
		[3, 6, 'unsure', 'hard', false],
		[2, 5, 'sure', 'again', true],
		[2, 5, 'unsure', 'again', false],
		[0, 3, 'sure', 'again', true],
	] as const)('%i of %i points, %s: %s (a confident miss: %s)', (covered, total, confidence, grade, confidentMiss) => {
		expect(gradeOf({ covered, total, confidence })).toEqual({ grade, confidentMiss });
	});

	test('refuses a check that is not a share of at least one point', () => {
		expect(() => gradeOf({ covered: 4, total: 3, confidence: 'sure' })).toThrow(RangeError);
		expect(() => gradeOf({ covered: 0, total: 0, confidence: 'sure' })).toThrow(RangeError);
		expect(() => gradeOf({ covered: -1, total: 3, confidence: 'unsure' })).toThrow(RangeError);
	});
});

describe('drawInterview', () => {
	const seeds = Array.from({ length: 300 }, (_, i) => i * 7919 + 1);

	test.each([5, 10])('draws %i distinct questions over at least 4 sections from the whole guide', (count) => {
		for (const seed of seeds) {
			const { slugs: drawn } = drawInterview(candidates, count, seed, groups);
			expect(drawn).toHaveLength(count);
			expect(new Set(drawn).size).toBe(count);
			expect(new Set(drawn.map((slug) => sectionOf.get(slug))).size, `seed ${seed}`).toBeGreaterThanOrEqual(4);
		}
	});

	test.each([
		[5, 1],
		[10, 2],
	])('an interview of %i holds %i pair(s) of confused topics, each a question apart', (count, pairs) => {
		for (const seed of seeds) {
			const { slugs: drawn, interleaved } = drawInterview(candidates, count, seed, groups);
			expect(interleaved, `seed ${seed}`).toHaveLength(pairs);
			for (const topic of interleaved) {
				const group = groups.find((g) => g.topic === topic)!;
				const places = drawn.flatMap((slug, i) => (group.questions.includes(slug) ? [i] : []));
				expect(places.length, `seed ${seed}: ${topic}`).toBeGreaterThanOrEqual(2);
				expect(places.some((place) => places.includes(place + 2)), `seed ${seed}: ${topic} at ${places}`).toBe(true);
			}
		}
	});

	test('different seeds draw different interviews; the same seed, the same one', () => {
		const interviews = new Set(seeds.map((seed) => drawInterview(candidates, 5, seed, groups).slugs.join(' ')));
		expect(interviews.size).toBeGreaterThan(250);
		expect(drawInterview(candidates, 10, 42, groups)).toEqual(drawInterview(candidates, 10, 42, groups));
	});

	test('over the seeds, every question and every group is drawn', () => {
		const drawn = new Set(seeds.flatMap((seed) => drawInterview(candidates, 10, seed, groups).slugs));
		expect(drawn.size).toBe(candidates.length);
		const topics = new Set(seeds.flatMap((seed) => drawInterview(candidates, 10, seed, groups).interleaved));
		expect(topics.size).toBe(groups.length);
	});

	test('a scope smaller than the interview is asked whole; one without a confused pair has none', () => {
		const few = candidates.filter((c) => ['difference-list-tuple-python', 'docker-useful', 'caching-important'].includes(c.slug));
		const { slugs: drawn, interleaved } = drawInterview(few, 5, 1, groups);
		expect(new Set(drawn)).toEqual(new Set(few.map((c) => c.slug)));
		expect(interleaved).toEqual([]);
	});

	test('a scope of one section still pairs what is confused in it', () => {
		const sql = candidates.filter((c) => c.section === 'sql-databases');
		for (const seed of seeds.slice(0, 50)) {
			const { slugs: drawn, interleaved } = drawInterview(sql, 5, seed, groups);
			expect(drawn.every((slug) => sectionOf.get(slug) === 'sql-databases')).toBe(true);
			expect(interleaved).toHaveLength(1);
		}
	});
});

describe('clockText', () => {
	test('shows minutes and seconds left, rounding up, and never below 0:00', () => {
		expect(clockText(180_000)).toBe('3:00');
		expect(clockText(125_001)).toBe('2:06');
		expect(clockText(59_000)).toBe('0:59');
		expect(clockText(1)).toBe('0:01');
		expect(clockText(-500)).toBe('0:00');
	});
});

describe('parseConfusable', () => {
	test(`${CONFUSABLE_FILE}: every group names at least two questions of the guide`, () => {
		expect(groups.length).toBeGreaterThanOrEqual(10);
		for (const group of groups) expect(group.questions.every((slug) => slugs.has(slug))).toBe(true);
	});

	test('lists every problem, naming the file, the group and the field', () => {
		const text = [
			'- id: one',
			'  topic: A',
			'  questions: [docker-useful, no-such-question]',
			'- id: one',
			'  questions: [docker-useful, caching-important]',
			'- id: two',
			'  topic: B',
			'  questions: [docker-useful]',
		].join('\n');
		expect(() => parseConfusable(text, 'content/confusable.yaml', slugs)).toThrow(
			[
				'content/confusable.yaml has 3 problems:',
				'content/confusable.yaml: group 1 (one): questions: "no-such-question" is not the slug of a question',
				'content/confusable.yaml: group 2 (one): topic: Invalid input: expected string, received undefined',
				'content/confusable.yaml: group 3 (two): questions: Too small: expected array to have >=2 items',
			].join('\n'),
		);
		expect(() => parseConfusable('a: [', 'x.yaml', slugs)).toThrow('x.yaml: not valid YAML');
		expect(() => parseConfusable('a: 1', 'x.yaml', slugs)).toThrow('x.yaml: must be a list');
	});
});
