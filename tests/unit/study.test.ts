import { describe, expect, test } from 'vitest';
import {
	applyGrade,
	emptyProgress,
	exportProgress,
	parseProgress,
	pickNotKnown,
	resetProgress,
	selectForReview,
	shuffle,
	summarize,
	type Progress,
} from '../../src/study/rules.ts';

const at = new Date('2026-11-26T10:00:00Z');
const progress: Progress = {
	version: 1,
	questions: {
		gil: { grade: 'known', at: at.toISOString() },
		decorators: { grade: 'partly', at: at.toISOString() },
		deadlocks: { grade: 'unknown', at: at.toISOString() },
		removed: { grade: 'unknown', at: at.toISOString() },
	},
};
const slugs = ['gil', 'decorators', 'deadlocks', 'tuple'];

describe('applyGrade', () => {
	test('records the grade and its time under the slug, leaving the input alone', () => {
		const next = applyGrade(emptyProgress(), 'gil', 'partly', at);
		expect(next.questions).toEqual({ gil: { grade: 'partly', at: '2026-11-26T10:00:00.000Z' } });
		expect(applyGrade(next, 'gil', 'known', at).questions['gil']!.grade).toBe('known');
		expect(next.questions['gil']!.grade).toBe('partly');
	});
});

describe('summarize', () => {
	test('counts the questions of the list only, ignoring questions no longer in the guide', () => {
		expect(summarize(progress, slugs)).toEqual({ known: 1, partly: 1, unknown: 1, unseen: 1 });
	});
});

describe('selectForReview', () => {
	test('returns the questions last graded partly or didn’t know, in the given order', () => {
		expect(selectForReview(progress, ['deadlocks', 'tuple', 'gil', 'decorators'])).toEqual(['deadlocks', 'decorators']);
	});
});

describe('resetProgress', () => {
	test('forgets only the given questions, or everything', () => {
		expect(Object.keys(resetProgress(progress, ['gil', 'deadlocks']).questions)).toEqual(['decorators', 'removed']);
		expect(resetProgress(progress)).toEqual(emptyProgress());
	});
});

describe('shuffle', () => {
	test('returns the same order for the same seed, a permutation of the input', () => {
		const items = Array.from({ length: 20 }, (_, i) => i);
		expect(shuffle(items, 42)).toEqual(shuffle(items, 42));
		expect(shuffle(items, 42)).not.toEqual(items);
		expect([...shuffle(items, 7)].sort((a, b) => a - b)).toEqual(items);
	});
});

describe('pickNotKnown', () => {
	test('picks among the questions not graded "knew it"', () => {
		expect(pickNotKnown(progress, slugs, 0)).toBe('decorators');
		expect(pickNotKnown(progress, slugs, 0.99)).toBe('tuple');
		expect(pickNotKnown(progress, ['gil'], 0.5)).toBeUndefined();
	});
});

describe('parseProgress', () => {
	test('reads back what exportProgress wrote', () => {
		expect(parseProgress(exportProgress(progress, at))).toEqual({ progress });
	});

	test.each([
		['text that is not JSON', 'not json', 'not JSON'],
		['a JSON list', '[]', 'no progress object'],
		['another site’s file', '{"kind":"bookmarks","version":1,"questions":{}}', '"bookmarks" file'],
		['an unknown version', '{"version":2,"questions":{}}', 'unknown version'],
		['no questions', '{"version":1}', 'no "questions" object'],
		['a bad grade', '{"version":1,"questions":{"gil":{"grade":"great","at":"2026-11-26T10:00:00Z"}}}', 'Question "gil" has no valid grade'],
		['a bad date', '{"version":1,"questions":{"gil":{"grade":"known","at":"yesterday"}}}', 'Question "gil" has no valid date'],
		['a bad id', '{"version":1,"questions":{"Not A Slug":{"grade":"known","at":"2026-11-26T10:00:00Z"}}}', 'is not a question id'],
	])('refuses %s with a message', (_, text, message) => {
		const result = parseProgress(text);
		expect('error' in result && result.error).toContain(message);
	});
});
