import { describe, expect, test } from 'vitest';
import { describeProgress, pickNotKnown } from '../../src/study/marks.ts';
import { planInterview } from '../../src/study/plan.ts';
import { interviewPace, newLimitToday, toStudyToday } from '../../src/study/pace.ts';
import { applyGrade } from '../../src/study/rules.ts';
import { buildQueue, DEFAULT_NEW_PER_DAY, dueSlugs, missedSlugs, newToday, shuffle } from '../../src/study/queue.ts';
import { emptyProgress, type Progress } from '../../src/study/record.ts';
import { dayOf } from '../../src/study/days.ts';
import { formatInterval, gradeLabel, preview, schedule } from '../../src/study/schedule.ts';
import { describeQuestion } from '../../src/study/question-grade.ts';
import { bars, countGrades, dueForecast, nextDue, reviewsPerDay } from '../../src/study/stats.ts';

// Every test runs on this clock: Thursday 26 November 2026, 10:00 UTC, a reader in UTC.
const now = new Date('2026-11-26T10:00:00Z');
const clock = { now, offset: 0 };
const daysAgo = (days: number, hour = 10) => new Date(Date.parse(`2026-11-26T${String(hour).padStart(2, '0')}:00:00Z`) - days * 86_400_000);
const slugs = Array.from({ length: 20 }, (_, i) => `q-${i + 1}`);

/** Progress with each [slug, grade, date] applied in turn. */
function graded(...grades: [string, 'again' | 'hard' | 'good' | 'easy', Date][]): Progress {
	return grades.reduce((progress, [slug, grade, at]) => applyGrade(progress, slug, grade, at), emptyProgress());
}

describe('schedule', () => {
	test('schedules a new question by FSRS: Again in 10 min, Hard in 15 (the same sitting), Good 2 days, Easy 8', () => {
		const minutes = (grade: 'again' | 'hard' | 'good' | 'easy') => (Date.parse(schedule(undefined, grade, now).due) - now.getTime()) / 60_000;
		expect([minutes('again'), minutes('hard'), minutes('good') / 1440, minutes('easy') / 1440]).toEqual([10, 15, 2, 8]);
		expect(schedule(undefined, 'again', now).state).toBe('learning');
	});

	test('keeps the FSRS state: stability, difficulty, reps, lapses, last review', () => {
		const first = schedule(undefined, 'good', now);
		expect(first).toMatchObject({ reps: 1, lapses: 0, state: 'review', lastReview: now.toISOString(), scheduledDays: 2 });
		expect(first.stability).toBeCloseTo(2.3065, 3);
		const later = new Date(first.due);
		const forgot = schedule(first, 'again', later);
		expect(forgot).toMatchObject({ reps: 2, lapses: 1, state: 'relearning', lastReview: later.toISOString() });
		expect(forgot.difficulty).toBeGreaterThan(first.difficulty);
		expect(forgot.stability).toBeLessThan(first.stability);
	});

	test('brings a missed question back in 10 minutes, and sets days once it is recalled', () => {
		const forgot = schedule(schedule(undefined, 'good', now), 'again', new Date('2026-11-28T10:00:00Z'));
		expect(forgot.due).toBe('2026-11-28T10:10:00.000Z');
		const relearned = schedule(forgot, 'good', new Date(forgot.due));
		expect(relearned).toMatchObject({ state: 'review', scheduledDays: 1 });
		const learnt = schedule(schedule(undefined, 'again', now), 'good', new Date('2026-11-26T10:10:00Z'));
		expect(learnt).toMatchObject({ state: 'review', due: '2026-11-27T10:10:00.000Z' });
	});

	test('gives a longer interval to a question recalled on time than to a new one', () => {
		const first = schedule(undefined, 'good', now);
		const second = schedule(first, 'good', new Date(first.due));
		expect(second.scheduledDays).toBe(11);
	});

	test('preview says what each grade would do, the same as grading', () => {
		const outcomes = preview(undefined, now);
		expect(outcomes.good).toEqual(schedule(undefined, 'good', now));
		expect(outcomes.easy.due).toBe('2026-12-04T10:00:00.000Z');
	});
});

describe('formatInterval', () => {
	test.each([
		[30 * 1000, '1 min'],
		[10 * 60_000, '10 min'],
		[3 * 3_600_000, '3 hours'],
		[86_400_000, '1 day'],
		[3 * 86_400_000, '3 days'],
		[45 * 86_400_000, '2 months'],
		[365 * 86_400_000, '1 year'],
		[548 * 86_400_000, '1.5 years'],
	])('writes %i ms as "%s"', (ms, text) => {
		expect(formatInterval(now, new Date(now.getTime() + ms))).toBe(text);
	});

	test('labels a grade with its interval: "Good · 2 days"', () => {
		expect(gradeLabel('good', now, new Date(preview(undefined, now).good.due))).toBe('Good · 2 days');
		expect(gradeLabel('again', now, new Date(preview(undefined, now).again.due))).toBe('Again · 10 min');
	});
});

describe('dayOf', () => {
	test('is the reader’s calendar day, by their offset from UTC', () => {
		expect(dayOf(new Date('2026-11-26T23:30:00Z'), 0)).toBe('2026-11-26');
		expect(dayOf(new Date('2026-11-26T23:30:00Z'), 60)).toBe('2026-11-27');
		expect(dayOf(new Date('2026-11-26T00:30:00Z'), -300)).toBe('2026-11-25');
	});
});

describe('dueSlugs', () => {
	test('returns the questions due by the end of today, most overdue first', () => {
		const progress = graded(['q-1', 'good', daysAgo(3)], ['q-2', 'again', daysAgo(5)], ['q-3', 'good', daysAgo(1)], ['q-4', 'again', daysAgo(1, 20)]);
		// q-2 was due 4 days ago, q-1 today at 10:00, q-4 today at 20:00 (still today); q-3 in 2 days.
		expect(dueSlugs(progress, slugs, clock)).toEqual(['q-2', 'q-1', 'q-4']);
	});

	test('counts a card due later today in the reader’s time zone, not in UTC', () => {
		const progress = graded(['q-1', 'good', new Date('2026-11-24T23:30:00Z')]);
		// Due 2026-11-26T23:30Z: today in UTC, tomorrow for a reader at UTC+1.
		expect(dueSlugs(progress, slugs, clock)).toEqual(['q-1']);
		expect(dueSlugs(progress, slugs, { now, offset: 60 })).toEqual([]);
	});
});

describe('newToday', () => {
	test('counts questions first graded today, not reviews of older ones', () => {
		const progress = graded(['q-1', 'again', daysAgo(1)], ['q-1', 'good', daysAgo(0, 9)], ['q-2', 'good', daysAgo(0, 9)], ['q-3', 'hard', daysAgo(0, 8)]);
		expect(newToday(progress, clock)).toBe(2);
	});
});

describe('buildQueue', () => {
	const options = { clock, newPerDay: DEFAULT_NEW_PER_DAY, order: 'guide' as const, seed: 1 };

	test('puts due questions first, then new ones up to the daily limit of 10', () => {
		const progress = graded(['q-5', 'again', daysAgo(2)], ['q-9', 'good', daysAgo(5)], ['q-2', 'good', daysAgo(1)]);
		// q-9 was due two days ago, q-5 yesterday; q-2 is due in two days.
		const queue = buildQueue(progress, slugs, 'due', options);
		expect(queue.slugs).toEqual(['q-9', 'q-5', 'q-1', 'q-3', 'q-4', 'q-6', 'q-7', 'q-8', 'q-10', 'q-11', 'q-12', 'q-13']);
		expect(queue).toMatchObject({ due: 2, fresh: 10, newLeft: 10 });
	});

	test('takes the new questions started today off the daily limit, and follows a changed limit', () => {
		const progress = graded(['q-1', 'good', daysAgo(0, 8)], ['q-2', 'good', daysAgo(0, 9)]);
		expect(buildQueue(progress, slugs, 'due', options)).toMatchObject({ fresh: 8, newLeft: 8 });
		expect(buildQueue(progress, slugs, 'due', { ...options, newPerDay: 3 }).slugs).toEqual(['q-3']);
		expect(buildQueue(progress, slugs, 'due', { ...options, newPerDay: 2 }).slugs).toEqual([]);
	});

	test('runs one section’s questions only, with the daily limit of the whole guide', () => {
		const progress = graded(...Array.from({ length: 9 }, (_, i): [string, 'good', Date] => [`q-${i + 11}`, 'good', daysAgo(0, 8)]));
		expect(buildQueue(progress, ['q-1', 'q-2', 'q-3'], 'due', options).slugs).toEqual(['q-1']);
	});

	test('shuffles the same way for the same seed', () => {
		const a = buildQueue(emptyProgress(), slugs, 'all', { ...options, order: 'shuffled', seed: 42 });
		expect(a.slugs).toEqual(shuffle(slugs, 42));
		expect(a.slugs).not.toEqual(slugs);
		expect([...a.slugs].sort()).toEqual([...slugs].sort());
	});

	test('only what I missed: the questions last graded Again or Hard', () => {
		const progress = graded(['q-3', 'again', daysAgo(2)], ['q-1', 'hard', daysAgo(2)], ['q-2', 'again', daysAgo(2)], ['q-2', 'good', daysAgo(1)]);
		expect(missedSlugs(progress, slugs)).toEqual(['q-1', 'q-3']);
		expect(buildQueue(progress, slugs, 'missed', options).slugs).toEqual(['q-1', 'q-3']);
	});
});

describe('planInterview', () => {
	test('spreads the unseen questions over the days left so each is seen before the day', () => {
		const plan = planInterview(emptyProgress(), slugs, '2026-12-01', 2, clock)!;
		expect(plan).toMatchObject({ interview: '2026-12-01', daysLeft: 5, unseen: 20, newPerDay: 4 });
		expect(plan.days.map((day) => day.fresh)).toEqual([4, 4, 4, 4, 4]);
		expect(plan.days.reduce((sum, day) => sum + day.fresh, 0)).toBe(20);
		// Good gives 2 days to a new question: day 0's come back on day 2, day 1's on day 3, day 2's on day 4.
		expect(plan.days.map((day) => day.reviews)).toEqual([0, 0, 4, 4, 4]);
		expect(plan).toMatchObject({ average: 6, peak: 8 });
	});

	test('never asks for fewer new questions a day than the reader’s limit', () => {
		expect(planInterview(emptyProgress(), slugs, '2026-12-26', 10, clock)!.newPerDay).toBe(10);
		expect(planInterview(emptyProgress(), slugs, '2026-12-26', 0, clock)!.newPerDay).toBe(1);
	});

	test('counts today’s new questions in the plan and due reviews on their day', () => {
		const progress = graded(['q-1', 'good', daysAgo(0, 8)], ['q-2', 'again', daysAgo(1)]);
		const plan = planInterview(progress, slugs, '2026-11-28', 1, clock)!;
		// 18 never seen + 1 started today over 2 days: 10 a day, of which 9 are left today.
		expect(plan).toMatchObject({ unseen: 19, newPerDay: 10 });
		expect(plan.days).toEqual([
			{ day: '2026-11-26', reviews: 1, fresh: 9 },
			{ day: '2026-11-27', reviews: 0, fresh: 9 },
		]);
	});

	test('has no plan when the interview is today or past', () => {
		expect(planInterview(emptyProgress(), slugs, '2026-11-26', 10, clock)).toBeNull();
		expect(planInterview(emptyProgress(), slugs, '2026-11-01', 10, clock)).toBeNull();
	});

	test('raises the daily limit the queue uses only when the interview needs more', () => {
		const limits = (newPerDay: number) => ({ newPerDay, interview: '2026-11-28', extra: null });
		expect(newLimitToday(limits(3), emptyProgress(), slugs, clock)).toBe(10);
		expect(newLimitToday(limits(12), emptyProgress(), slugs, clock)).toBe(12);
		expect(newLimitToday({ newPerDay: 3, interview: null, extra: null }, emptyProgress(), slugs, clock)).toBe(3);
	});
});

describe('interviewPace and today’s limit', () => {
	test('counts the days left and the new questions a day that see every question before the day', () => {
		const progress = graded(['q-1', 'good', daysAgo(3)], ['q-2', 'good', daysAgo(0, 8)]);
		// 18 never graded + 1 first graded today, over 26 Nov to 5 Dec (10 days): 2 a day.
		expect(interviewPace(progress, slugs, '2026-12-06', clock)).toEqual({ daysLeft: 10, unseen: 19, newPerDay: 2 });
		expect(interviewPace(progress, slugs, '2026-11-26', clock)).toBeNull();
	});

	test('adds "learn N more" to today only', () => {
		const limits = { newPerDay: 10, interview: null, extra: { day: '2026-11-26', count: 10 } };
		expect(newLimitToday(limits, emptyProgress(), slugs, clock)).toBe(20);
		expect(newLimitToday(limits, emptyProgress(), slugs, { now: new Date('2026-11-27T10:00:00Z'), offset: 0 })).toBe(10);
	});

	test('counts what there is to study today: due reviews and the new questions left', () => {
		// q-1 is due (Good 3 days ago); 2 new first graded today leave 8 of 10.
		const progress = graded(['q-1', 'good', daysAgo(3)], ['q-2', 'good', daysAgo(0, 8)], ['q-3', 'good', daysAgo(0, 8)]);
		expect(toStudyToday({ newPerDay: 10, interview: null, extra: null }, progress, slugs, clock)).toBe(9);
		expect(toStudyToday({ newPerDay: 2, interview: null, extra: { day: '2026-11-26', count: 3 } }, progress, slugs, clock)).toBe(4);
	});
});

describe('reviewsPerDay', () => {
	test('counts the grades of each of the last 30 days, today last', () => {
		const progress = graded(['q-1', 'good', daysAgo(0, 8)], ['q-2', 'good', daysAgo(0, 9)], ['q-3', 'again', daysAgo(29)], ['q-4', 'again', daysAgo(30)]);
		const days = reviewsPerDay(progress, clock);
		expect(days).toHaveLength(30);
		expect(days[0]).toEqual({ day: '2026-10-28', count: 1 });
		expect(days[29]).toEqual({ day: '2026-11-26', count: 2 });
		expect(days.reduce((sum, day) => sum + day.count, 0)).toBe(3);
	});
});

describe('dueForecast and nextDue', () => {
	const progress = graded(['q-1', 'again', daysAgo(3)], ['q-2', 'good', now], ['q-3', 'good', now], ['q-4', 'easy', now], ['q-5', 'easy', daysAgo(-30)]);

	test('counts the questions due on each of the next 14 days, the overdue ones today', () => {
		const forecast = dueForecast(progress, slugs, clock);
		expect(forecast).toHaveLength(14);
		expect(forecast.filter((day) => day.count > 0)).toEqual([
			{ day: '2026-11-26', count: 1 },
			{ day: '2026-11-28', count: 2 },
			{ day: '2026-12-04', count: 1 },
		]);
	});

	test('names the first day after today with something due', () => {
		expect(nextDue(progress, slugs, clock)).toEqual({ day: '2026-11-28', count: 2 });
		expect(nextDue(progress, ['q-1'], clock)).toBeUndefined();
	});
});

describe('countGrades', () => {
	test('counts each grade', () => {
		expect(countGrades([{ grade: 'again' }, { grade: 'good' }, { grade: 'good' }])).toEqual({ again: 1, hard: 0, good: 2, easy: 0 });
	});
});

describe('bars', () => {
	test('scales bars to the largest value, leaving zero days empty', () => {
		expect(bars([0, 2, 4], 30, 20, 2)).toEqual([
			{ x: 1, y: 20, width: 8, height: 0 },
			{ x: 11, y: 10, width: 8, height: 10 },
			{ x: 21, y: 0, width: 8, height: 20 },
		]);
		expect(bars([0, 0], 10, 10)[0]!.height).toBe(0);
	});
});

describe('describeProgress', () => {
	test('says how many were seen, are due now and were missed; nothing before the first grade', () => {
		const progress = graded(['q-1', 'again', daysAgo(2)], ['q-2', 'good', daysAgo(0, 9)], ['q-30', 'good', daysAgo(9)]);
		expect(describeProgress(progress, slugs, clock)).toBe('2 of 20 seen, 1 due now, 1 last graded Again or Hard.');
		expect(describeProgress(emptyProgress(), slugs, clock)).toBe('');
	});
});

describe('pickNotKnown', () => {
	test('picks among the questions never graded or last graded Again or Hard', () => {
		const progress = graded(['q-1', 'good', daysAgo(2)], ['q-2', 'hard', daysAgo(2)], ['q-3', 'easy', daysAgo(2)]);
		expect(pickNotKnown(progress, ['q-1', 'q-2', 'q-3', 'q-4'], 0)).toBe('q-2');
		expect(pickNotKnown(progress, ['q-1', 'q-2', 'q-3', 'q-4'], 0.99)).toBe('q-4');
		expect(pickNotKnown(progress, ['q-1', 'q-3'], 0.5)).toBeUndefined();
	});
});

describe('describeQuestion', () => {
	test('says when a graded question is due: in minutes after a miss today, else by its day', () => {
		expect(describeQuestion(graded(['q-1', 'again', now]), 'q-1', clock).text).toBe('given on Thursday 26 November; due again in 10 min.');
		expect(describeQuestion(graded(['q-1', 'good', now]), 'q-1', clock).text).toBe('given on Thursday 26 November; due again in 2 days, Saturday 28 November.');
		expect(describeQuestion(graded(['q-1', 'good', daysAgo(3)]), 'q-1', clock).text).toBe('given on Monday 23 November; due now.');
	});
});
