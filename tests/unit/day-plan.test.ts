import { describe, expect, test } from 'vitest';
import { addDays } from '../../src/study/days.ts';
import {
	DEFAULT_SECONDS_PER_REVIEW,
	interviewMoment,
	planDay,
	planDays,
	predictedRecall,
	retrievabilityOn,
	secondsPerReview,
	type DayPlanOptions,
} from '../../src/study/day-plan.ts';
import { seededRandom } from '../../src/lib/random.ts';
import { dueSlugs } from '../../src/study/queue.ts';
import { emptyProgress, type CardState, type Grade, type Progress } from '../../src/study/record.ts';
import { applyGrade } from '../../src/study/rules.ts';
import { schedule } from '../../src/study/schedule.ts';

// Thursday 26 November 2026, 18:00 UTC, a reader in UTC.
const now = new Date('2026-11-26T18:00:00Z');
const clock = { now, offset: 0 };
const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
const slugsOf = (count: number) => Array.from({ length: count }, (_, i) => `q-${i + 1}`);

/** Progress with each [slug, grade, date] applied in turn. */
function graded(...grades: [string, Grade, Date][]): Progress {
	return grades.reduce((progress, [slug, grade, at]) => applyGrade(progress, slug, grade, at), emptyProgress());
}

/** Progress whose log holds grades at `times` (ms from `now`), all of one question. */
function loggedAt(times: number[], mocks: Progress['mocks'] = []): Progress {
	return { ...emptyProgress(), log: times.map((ms) => ({ slug: 'q-1', grade: 'good' as const, at: new Date(now.getTime() + ms).toISOString() })), mocks };
}

const options = (interview: string, minutes: number, seconds = 60): DayPlanOptions => ({ clock, interview, minutes, secondsPerReview: seconds });

describe('retrievabilityOn', () => {
	test('is 0 for a question never graded, 1 at its review, and 0.9 once its stability has passed', () => {
		const state = schedule(undefined, 'good', daysAgo(10));
		expect(retrievabilityOn(undefined, now)).toBe(0);
		expect(retrievabilityOn(state, daysAgo(10))).toBe(1);
		expect(retrievabilityOn(state, new Date(daysAgo(10).getTime() + state.stability * DAY_MS))).toBeCloseTo(0.9, 6);
	});

	test('falls with time, in fractions of a day', () => {
		const state = schedule(undefined, 'good', daysAgo(1));
		const at = (hours: number) => retrievabilityOn(state, new Date(daysAgo(1).getTime() + hours * 3_600_000));
		expect(at(6)).toBeLessThan(1);
		expect(at(12)).toBeLessThan(at(6));
		expect(at(24 * 30)).toBeLessThan(at(24));
	});

	test('counts a state with no memory yet as never graded', () => {
		const blank: CardState = { ...schedule(undefined, 'good', now), stability: 0, difficulty: 0 };
		expect(retrievabilityOn(blank, now)).toBe(0);
	});
});

describe('predictedRecall', () => {
	test('averages over the questions given, one never graded counting 0, others ignored', () => {
		const progress = graded(['q-1', 'good', daysAgo(3)], ['gone', 'again', daysAgo(3)]);
		const recall = retrievabilityOn(progress.cards['q-1'], now);
		expect(predictedRecall(progress, ['q-1', 'q-2'], now)).toBeCloseTo(recall / 2, 12);
		expect(predictedRecall(progress, [], now)).toBe(0);
	});
});

describe('interviewMoment', () => {
	test('is 9:00 on the day in the reader’s time zone', () => {
		expect(interviewMoment('2026-12-01', 0).toISOString()).toBe('2026-12-01T09:00:00.000Z');
		expect(interviewMoment('2026-12-01', 60).toISOString()).toBe('2026-12-01T08:00:00.000Z');
		expect(interviewMoment('2026-12-01', -300).toISOString()).toBe('2026-12-01T14:00:00.000Z');
	});
});

describe('secondsPerReview', () => {
	const every = (seconds: number, count: number, from = 0) => Array.from({ length: count }, (_, i) => from + i * seconds * 1000);

	test('is 60 s until the log holds five gaps within a sitting', () => {
		expect(DEFAULT_SECONDS_PER_REVIEW).toBe(60);
		expect(secondsPerReview(emptyProgress())).toBe(60);
		expect(secondsPerReview(loggedAt(every(30, 5)))).toBe(60);
		expect(secondsPerReview(loggedAt(every(30, 6)))).toBe(30);
	});

	test('averages the gaps of each sitting, a break between sittings left out, in any log order', () => {
		const times = [...every(30, 6), ...every(50, 6, 2 * 3_600_000)];
		expect(secondsPerReview(loggedAt(times))).toBe(40);
		expect(secondsPerReview(loggedAt([...times].reverse()))).toBe(40);
	});

	test('takes a gap over 10 minutes for a break, and a zero gap for no review', () => {
		expect(secondsPerReview(loggedAt(every(11 * 60, 10)))).toBe(60);
		expect(secondsPerReview(loggedAt([...every(45, 6), ...every(45, 6)]))).toBe(45);
	});

	test('keeps the estimate between 15 s and 10 min', () => {
		expect(secondsPerReview(loggedAt(every(2, 10)))).toBe(15);
		expect(secondsPerReview(loggedAt(every(9 * 60, 10)))).toBe(540);
	});

	test('leaves out the grades given in a mock interview', () => {
		const mock = {
			at: new Date(now.getTime() + 3_600_000).toISOString(),
			limit: 180,
			answers: Array.from({ length: 5 }, (_, i) => ({ slug: `q-${i + 1}`, made: 2, points: 3, confidence: 'sure' as const, grade: 'good' as const, seconds: 170 })),
		};
		const times = [...every(20, 6), ...every(4 * 60, 5, 3_600_000 + 4 * 60_000)];
		expect(secondsPerReview(loggedAt(times, [mock]))).toBe(20);
		expect(secondsPerReview(loggedAt(times))).toBeGreaterThan(20);
	});
});

describe('planDay', () => {
	const slugs = slugsOf(10);

	test('has no plan when the interview is today or past', () => {
		expect(planDay(emptyProgress(), slugs, options('2026-11-26', 15))).toBeNull();
		expect(planDay(emptyProgress(), slugs, options('2026-11-20', 15))).toBeNull();
		expect(planDays(emptyProgress(), slugs, options('2026-11-26', 15))).toBeNull();
	});

	test('fills the day’s minutes at the reader’s pace with questions of the guide, each once', () => {
		const progress = graded(['q-1', 'good', daysAgo(9)], ['q-2', 'again', daysAgo(2)], ['gone', 'good', daysAgo(9)]);
		const plan = planDay(progress, slugs, options('2026-12-10', 4, 40))!;
		expect(plan).toMatchObject({ day: '2026-11-26', reviews: 2, fresh: 4, minutes: 4, finalPass: false });
		expect(new Set(plan.slugs).size).toBe(6);
		expect(plan.slugs.every((slug) => slugs.includes(slug))).toBe(true);
		expect(planDay(progress, slugs, options('2026-12-10', 0))!.slugs).toEqual([]);
	});

	test('before the final pass: new questions at the pace that sees them in time, those fallen to 80 %, more new ones, then the least recalled', () => {
		// Graded Good once: recall about 0.66 after 40 days, 0.73 after 20, 0.88 after 3, higher after 1.5 and 1.
		const progress = graded(...[1.5, 40, 3, 20, 1].map((days, i): [string, Grade, Date] => [`q-${i + 1}`, 'good', daysAgo(days)]));
		const recall = (slug: string) => retrievabilityOn(progress.cards[slug], now);
		expect(['q-2', 'q-4'].every((slug) => recall(slug) <= 0.8) && ['q-1', 'q-3', 'q-5'].every((slug) => recall(slug) > 0.8)).toBe(true);
		// 17 days left, the last 4 the final pass (25 questions at 8 a day): 20 new ones in 13 days, 2 a day.
		const plan = planDay(progress, slugsOf(25), options('2026-12-13', 8))!;
		expect(plan).toMatchObject({ finalPass: false, reviews: 2, fresh: 6 });
		expect(plan.slugs).toEqual(['q-6', 'q-7', 'q-2', 'q-4', 'q-8', 'q-9', 'q-10', 'q-11']);
		// With every question seen, spare minutes go to the least recalled.
		expect(planDay(progress, slugsOf(5), options('2026-12-13', 1))!.slugs).toEqual(['q-2']);
		expect(planDay(progress, slugsOf(5), options('2026-12-13', 4))!.slugs).toEqual(['q-2', 'q-4', 'q-3', 'q-1']);
	});

	test('today’s grades have spent today’s minutes: the plan holds what is left, and tomorrow a whole day', () => {
		const earlier = graded(...slugsOf(6).map((slug): [string, Grade, Date] => [slug, 'good', daysAgo(20)]));
		const untouched = planDay(earlier, slugsOf(10), options('2026-12-10', 5))!;
		expect(untouched.slugs).toHaveLength(5);
		// Three grades an hour ago: two reviews are left of today's five.
		const hourAgo = new Date(now.getTime() - 3_600_000);
		const studied = ['q-1', 'q-2', 'q-3'].reduce((progress, slug) => applyGrade(progress, slug, 'good', hourAgo), earlier);
		const plan = planDay(studied, slugsOf(10), options('2026-12-10', 5))!;
		expect(plan.slugs).toHaveLength(2);
		expect(plan.slugs.some((slug) => ['q-1', 'q-2', 'q-3'].includes(slug))).toBe(false);
		const projection = planDays(studied, slugsOf(10), options('2026-12-10', 5))!;
		expect(projection.days[0]!.reviews + projection.days[0]!.fresh).toBe(2);
		expect(projection.days[1]!.reviews + projection.days[1]!.fresh).toBe(5);
		// Spent in full: nothing more today.
		expect(planDay(studied, slugsOf(10), options('2026-12-10', 3))!.slugs).toEqual([]);
	});

	test('never asks again today a question graded today, even with minutes to spare: the day is done', () => {
		// Ten questions, all graded an hour ago, and an hour a day: 57 reviews left, nothing to spend them on.
		const hourAgo = new Date(now.getTime() - 3_600_000);
		const all = slugsOf(10).reduce((progress, slug) => applyGrade(progress, slug, 'good', hourAgo), emptyProgress());
		expect(planDay(all, slugsOf(10), options('2026-12-10', 60))!.slugs).toEqual([]);
		expect(planDays(all, slugsOf(10), options('2026-12-10', 60))!.days[0]).toMatchObject({ reviews: 0, fresh: 0 });
		// In the final pass too (the interview tomorrow).
		expect(planDay(all, slugsOf(10), options('2026-11-27', 60))!.slugs).toEqual([]);
		// Two not graded today: only they are left.
		const two = applyGrade(applyGrade(emptyProgress(), 'q-1', 'good', daysAgo(3)), 'q-2', 'good', daysAgo(3));
		const mixed = slugsOf(10).slice(2).reduce((progress, slug) => applyGrade(progress, slug, 'good', hourAgo), two);
		expect(new Set(planDay(mixed, slugsOf(10), options('2026-12-10', 60))!.slugs)).toEqual(new Set(['q-1', 'q-2']));
	});

	test('on the last day, reviews what is weakest on the day, and a new question only when minutes are left', () => {
		const progress = graded(['q-1', 'good', daysAgo(30)], ['q-2', 'good', daysAgo(1)], ['q-3', 'again', daysAgo(4)], ['q-4', 'easy', daysAgo(2)]);
		const guide = slugsOf(5);
		const plan = planDay(progress, guide, options('2026-11-27', 2))!;
		expect(plan.finalPass).toBe(true);
		const onTheDay = (slug: string) => retrievabilityOn(progress.cards[slug], interviewMoment('2026-11-27', 0));
		const weakest = ['q-1', 'q-2', 'q-3', 'q-4'].sort((a, b) => onTheDay(a) - onTheDay(b)).slice(0, 2);
		expect(new Set(plan.slugs)).toEqual(new Set(weakest));
		expect(planDay(progress, guide, options('2026-11-27', 10))!.slugs.at(-1)).toBe('q-5');
	});

	test('in the final pass, never leaves a new question to the last sitting', () => {
		const progress = graded(...slugsOf(8).map((slug): [string, Grade, Date] => [slug, 'good', daysAgo(12)]));
		const projection = planDays(progress, slugsOf(10), options('2026-11-29', 4))!;
		expect(projection.days.map((day) => day.day)).toEqual(['2026-11-26', '2026-11-27', '2026-11-28']);
		expect(projection.days.at(-1)!.fresh).toBe(0);
		expect(projection.days.reduce((sum, day) => sum + day.fresh, 0)).toBe(2);
	});
});

describe('planDays', () => {
	const slugs = slugsOf(100);

	test('projects each day to the interview: within the minutes, every question seen, recall above doing nothing', () => {
		const progress = graded(['q-1', 'good', daysAgo(5)], ['q-2', 'good', daysAgo(5)]);
		const projection = planDays(progress, slugs, options('2026-12-10', 20, 45))!;
		expect(projection.days).toHaveLength(14);
		expect(projection.days[13]!.day).toBe('2026-12-09');
		expect(projection.days.every((day) => day.minutes <= 20 && day.reviews + day.fresh <= Math.floor((20 * 60) / 45))).toBe(true);
		expect(projection.days.reduce((sum, day) => sum + day.fresh, 0)).toBe(98);
		expect(projection.recallIfIdle).toBeCloseTo(predictedRecall(progress, slugs, interviewMoment('2026-12-10', 0)), 12);
		expect(projection.recallIfFollowed).toBe(projection.days.at(-1)!.recall);
		expect(projection.recallIfFollowed).toBeGreaterThan(0.9);
		expect(projection.recallIfFollowed).toBeGreaterThan(projection.recallIfIdle + 0.8);
	});

	// Under 0.1 s on a 2-core machine; a second leaves room for one loaded by other tests.
	test('plans 100 questions for 60 days in under a second', () => {
		for (const minutes of [5, 15, 60]) {
			const started = performance.now();
			const projection = planDays(emptyProgress(), slugs, options(addDays('2026-11-26', 60), minutes))!;
			const ms = performance.now() - started;
			expect(projection.days).toHaveLength(60);
			expect(ms, `${minutes} min a day took ${Math.round(ms)} ms`).toBeLessThan(1000);
		}
	});
});

// The proof. A simulated reader starts the 100 questions unseen and studies once a day (18:00 UTC,
// the day before the interview the last), a review taking 60 s, for the same number of reviews a day
// under both policies: the interview plan, and plain FSRS (the due questions most overdue first,
// then new ones up to the budget). A sitting goes through its questions in order; a miss comes back
// at the end, as in the site's sessions; the sitting ends when its reviews are spent. Each answer is
// recalled with the probability FSRS predicts at that moment (a question never seen: 0), drawn from
// a seeded generator, and graded Good if recalled, Again if not, through the site's scheduler. The
// measure: FSRS's predicted recall at 9:00 on the interview day, averaged over the questions and
// over 20 seeds.
describe('the plan against plain FSRS, same reviews a day, same seeds', () => {
	const QUESTIONS = slugsOf(100);
	const SEEDS = 20;
	const START = '2026-11-02';


	type Policy = (progress: Progress, at: Date, interview: string, minutes: number) => string[];

	const plain: Policy = (progress, at, _interview, minutes) => {
		const due = dueSlugs(progress, QUESTIONS, { now: at, offset: 0 });
		const fresh = QUESTIONS.filter((slug) => !progress.cards[slug]);
		return [...due, ...fresh.slice(0, Math.max(0, minutes - due.length))];
	};
	const plan: Policy = (progress, at, interview, minutes) => planDay(progress, QUESTIONS, { clock: { now: at, offset: 0 }, interview, minutes, secondsPerReview: 60 })!.slugs;

	/**
	 * Recall on the interview day, and the reviews done each day, after `days` days of `policy` at
	 * `minutes` a day (or at `caps[d]` reviews on day d).
	 */
	function simulate(policy: Policy, days: number, minutes: number, seed: number, caps?: readonly number[]): { recall: number; reviews: number[] } {
		const draw = seededRandom(seed);
		const progress: Progress = emptyProgress();
		const interview = addDays(START, days);
		const reviews: number[] = [];
		for (let d = 0; d < days; d++) {
			const start = new Date(Date.parse(`${addDays(START, d)}T18:00:00Z`));
			const budget = caps ? caps[d]! : minutes;
			const deck = policy(progress, start, interview, budget);
			let done = 0;
			while (done < budget && deck.length > 0) {
				const slug = deck.shift()!;
				const at = new Date(start.getTime() + done * 60_000);
				const recalled = draw() < retrievabilityOn(progress.cards[slug], at);
				progress.cards[slug] = schedule(progress.cards[slug], recalled ? 'good' : 'again', at);
				done++;
				if (!recalled) deck.push(slug);
			}
			reviews.push(done);
		}
		return { recall: predictedRecall(progress, QUESTIONS, interviewMoment(interview, 0)), reviews };
	}

	const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
	const percent = (recall: number) => `${(recall * 100).toFixed(1)} %`;

	test.each([
		[10, 15],
		[10, 30],
		[21, 15],
		[21, 30],
	])('%i days to the interview, %i minutes a day: the plan recalls at least 3 points more on the day', (days, minutes) => {
		let plainRecall = 0;
		let planRecall = 0;
		let plainReviews = 0;
		let planReviews = 0;
		for (let seed = 1; seed <= SEEDS; seed++) {
			const a = simulate(plain, days, minutes, seed);
			const b = simulate(plan, days, minutes, seed);
			expect(b.reviews.every((count) => count <= minutes)).toBe(true);
			plainRecall += a.recall / SEEDS;
			planRecall += b.recall / SEEDS;
			plainReviews += sum(a.reviews) / SEEDS;
			planReviews += sum(b.reviews) / SEEDS;
		}
		const figures = `plain FSRS ${percent(plainRecall)} (${plainReviews.toFixed(1)} reviews), plan ${percent(planRecall)} (${planReviews.toFixed(1)} reviews), +${((planRecall - plainRecall) * 100).toFixed(2)} points`;
		expect(planRecall - plainRecall, figures).toBeGreaterThanOrEqual(0.03);
	});

	// At 21 days and 30 minutes plain FSRS has nothing due on some of the last days and stops early.
	// Held each day to the reviews plain FSRS did that day (same seed), the plan is about level with
	// it: its 3 points there come from the minutes FSRS leaves unused. Checked so the page says so.
	test('21 days, 30 minutes, held to the reviews plain FSRS did each day: the plan is no worse', () => {
		let plainRecall = 0;
		let heldRecall = 0;
		let unused = 0;
		for (let seed = 1; seed <= SEEDS; seed++) {
			const a = simulate(plain, 21, 30, seed);
			const held = simulate(plan, 21, 30, seed, a.reviews);
			expect(sum(held.reviews)).toBeLessThanOrEqual(sum(a.reviews));
			plainRecall += a.recall / SEEDS;
			heldRecall += held.recall / SEEDS;
			unused += (21 * 30 - sum(a.reviews)) / SEEDS;
		}
		const figures = `plain FSRS ${percent(plainRecall)} (${unused.toFixed(1)} of 630 reviews unused), plan held to its reviews ${percent(heldRecall)}, ${((heldRecall - plainRecall) * 100).toFixed(2)} points`;
		expect(unused, figures).toBeGreaterThan(50);
		expect(heldRecall - plainRecall, figures).toBeGreaterThan(-0.005);
	});
});
