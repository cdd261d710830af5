import { describe, expect, test } from 'vitest';
import { applyGrade } from '../../src/study/rules.ts';
import { emptyProgress, type Progress } from '../../src/study/record.ts';
import { describeStanding, nextStep, standingOf, summarizeStanding } from '../../src/study/standing.ts';

// Thursday 26 November 2026, 10:00 UTC, a reader in UTC.
const now = new Date('2026-11-26T10:00:00Z');
const clock = { now, offset: 0 };
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const slugs = ['a', 'b', 'c', 'd', 'e'];

function graded(...grades: [string, 'again' | 'hard' | 'good' | 'easy', Date][]): Progress {
	return grades.reduce((progress, [slug, grade, at]) => applyGrade(progress, slug, grade, at), emptyProgress());
}

describe('standingOf', () => {
	test('returns new for a question never graded', () => {
		expect(standingOf(emptyProgress(), 'a', clock)).toBe('new');
	});

	test('returns due when the schedule has come round, whatever the last grade', () => {
		// Good today is due in 2 days; graded 5 days ago it is due now. Missed today, it is back in 10 minutes.
		expect(standingOf(graded(['a', 'good', daysAgo(5)]), 'a', clock)).toBe('due');
		expect(standingOf(graded(['a', 'again', now]), 'a', clock)).toBe('due');
	});

	test('returns known for Good or Easy not yet due, learning for Again or Hard not yet due', () => {
		// Hard on a question seen before gives days: not due today, and not yet sure. (Again is back in 10 minutes: due.)
		const progress = graded(['a', 'good', now], ['b', 'easy', now], ['c', 'good', daysAgo(5)], ['c', 'hard', now], ['d', 'easy', daysAgo(9)], ['d', 'hard', now]);
		expect(['a', 'b', 'c', 'd'].map((slug) => standingOf(progress, slug, clock))).toEqual(['known', 'known', 'learning', 'learning']);
	});
});

describe('summarizeStanding', () => {
	test('counts every question once, and ignores progress on questions outside the list', () => {
		const progress = graded(['a', 'good', now], ['b', 'good', daysAgo(5)], ['b', 'again', now], ['b', 'good', now], ['c', 'good', daysAgo(5)], ['gone', 'good', now]);
		const counts = summarizeStanding(progress, slugs, clock);
		expect(counts).toEqual({ known: 2, learning: 0, due: 1, new: 2 });
		expect(describeStanding(counts)).toBe('2 known, 0 learning, 1 due, 2 new');
	});
});

describe('nextStep', () => {
	test('leads to the due queue when anything is due, and counts the missed', () => {
		// b, graded Hard when new, is back in 15 minutes: due too.
		const progress = graded(['a', 'good', daysAgo(5)], ['b', 'hard', now]);
		expect(nextStep(progress, slugs, clock)).toEqual({ next: { kind: 'due', count: 2 }, missed: 1 });
	});

	test('leads to the first question never graded, in guide order, when nothing is due', () => {
		const progress = graded(['a', 'good', now], ['c', 'good', now]);
		expect(nextStep(progress, slugs, clock)).toEqual({ next: { kind: 'new', slug: 'b' }, missed: 0 });
	});

	test('says done when every question is graded and none is due', () => {
		const progress = graded(...slugs.map((slug) => [slug, 'easy', now] as [string, 'easy', Date]));
		expect(nextStep(progress, slugs, clock).next).toEqual({ kind: 'done' });
	});
});
