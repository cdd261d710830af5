// An interview-day plan: which questions to study today so that as many as possible are recalled ON
// the interview day. FSRS's due dates aim at the long run (each question back when its recall falls
// to 90 %); before an interview only that one day counts. Two phases. Building: the new questions at
// the pace that sees them all in time, the questions whose recall has fallen to 80 %, most forgotten
// first, then the rest of the budget on the least recalled. Final pass (the last days, as many as
// the budget needs to reach every question once, at most a week): each question gets its last review
// on the day that adds most to its expected recall on the interview day. Pure: the clock is always
// passed in. Without an interview date and minutes a day nothing here is used: study stays on
// FSRS's due dates.
// docs/interview-day-plan.md gives the reasons and the simulation that checks them.
import { default_w, forgetting_curve, S_MIN } from 'ts-fsrs';
import { addDays, dayOf, daysBetween, type Clock } from './days.ts';
import type { Limits } from './pace.ts';
import type { CardState, Progress } from './record.ts';
import { schedule } from './schedule.ts';

/** Seconds a review is taken to last until the reader's own history says otherwise. */
export const DEFAULT_SECONDS_PER_REVIEW = 60;
/** The range an estimate from the history is kept in: a glance at a known answer, a long think. */
export const SECONDS_PER_REVIEW_RANGE = { min: 15, max: 600 } as const;
/** Two grades further apart than this belong to two sittings: the gap was a break, not a review. */
const SITTING_BREAK_MS = 10 * 60_000;
/** Gaps an estimate needs before it replaces the default. */
const MIN_GAPS = 5;
/** Only the latest gaps count: a reader gets quicker as the questions become familiar. */
const RECENT_GAPS = 200;
/** A mock interview's grades come an answer and a check apart: those gaps are not study reviews. */
const MOCK_CHECK_MS = 3 * 60_000;

/**
 * Before the final pass, a question comes back once its recall has fallen to this. FSRS grows
 * stability most when a review comes late, and a lapse can still be rebuilt before the final pass:
 * the exact best plan for one question alone (a dynamic program over FSRS, no daily limit) reviews
 * it at a recall of about 0.7 to 0.85; of 0.7 to 0.9, 0.8 did best in the simulation.
 */
export const BUILDING_RECALL = 0.8;
/** The final pass never starts more than a week before the interview. */
export const MAX_FINAL_PASS_DAYS = 7;
/** The hour, in the reader's time zone, recall on the interview day is measured at: a morning interview. */
export const INTERVIEW_HOUR = 9;

const DAY_MS = 86_400_000;

/**
 * FSRS's predicted probability of recalling a question at `at`: its forgetting curve, with the
 * scheduler's (default) parameters, over the time since its last review. A question never graded
 * counts 0: nothing is learnt yet. Days count in fractions, unlike ts-fsrs's `get_retrievability`,
 * which rounds them down: a review the evening before a morning interview is not perfect recall.
 */
export function retrievabilityOn(state: CardState | undefined, at: Date): number {
	return recallAt(state, at.getTime());
}

function recallAt(state: CardState | undefined, at: number): number {
	// Difficulty and stability both 0 is FSRS's "no memory yet" (repairCard in schedule.ts).
	if (!state || (state.stability === 0 && state.difficulty === 0)) return 0;
	const elapsedDays = Math.max(0, at - Date.parse(state.lastReview)) / DAY_MS;
	return forgetting_curve(default_w, elapsedDays, Math.max(state.stability, S_MIN));
}

/** The mean predicted recall of `slugs` at `at`, a question never graded counting 0 (0 for no questions). */
export function predictedRecall(progress: Progress, slugs: readonly string[], at: Date): number {
	return meanRecall(cardsOf(progress, slugs), at.getTime());
}

/** When recall on an interview day is measured: 9:00 that day, in the reader's time zone (`offset` minutes east of UTC). */
export function interviewMoment(interview: string, offset: number): Date {
	return new Date(Date.parse(`${interview}T${String(INTERVIEW_HOUR).padStart(2, '0')}:00:00Z`) - offset * 60_000);
}

/**
 * Seconds one review takes this reader: the mean gap between consecutive grades of a sitting (a gap
 * over 10 minutes is a break; the grades of mock interviews are left out), over the latest 200
 * gaps, kept within 15 s to 10 min; 60 s while the log holds fewer than 5 such gaps.
 */
export function secondsPerReview(progress: Progress): number {
	const mocks = progress.mocks.map((mock) => {
		const start = Date.parse(mock.at);
		return { start, end: start + mock.answers.reduce((sum, answer) => sum + answer.seconds * 1000 + MOCK_CHECK_MS, 0) };
	});
	const inMock = (at: number) => mocks.some(({ start, end }) => at >= start && at <= end);
	// A log merged from two devices need not be in time order.
	const times = progress.log
		.map((review) => Date.parse(review.at))
		.filter((at) => !inMock(at))
		.sort((a, b) => a - b);
	const gaps: number[] = [];
	for (let i = 1; i < times.length; i++) {
		const gap = times[i]! - times[i - 1]!;
		// A zero gap is an import or a double click, not a review.
		if (gap > 0 && gap <= SITTING_BREAK_MS) gaps.push(gap);
	}
	if (gaps.length < MIN_GAPS) return DEFAULT_SECONDS_PER_REVIEW;
	const recent = gaps.slice(-RECENT_GAPS);
	const mean = recent.reduce((sum, gap) => sum + gap, 0) / recent.length / 1000;
	return Math.round(Math.min(SECONDS_PER_REVIEW_RANGE.max, Math.max(SECONDS_PER_REVIEW_RANGE.min, mean)));
}

/** What the reader gives each day, and the interview it is for. */
export interface DayPlanOptions {
	clock: Clock;
	/** The interview's day ("YYYY-MM-DD"). */
	interview: string;
	/** Minutes a day for study. */
	minutes: number;
	/** Seconds one review takes (`secondsPerReview`). */
	secondsPerReview: number;
}

/** Today's plan. */
export interface DayPlan {
	day: string;
	/** The questions to study today, in order. A miss comes back at the end, as in any session, time allowing. */
	slugs: string[];
	/** How many of them were seen before, and how many are new. */
	reviews: number;
	fresh: number;
	/** Minutes they take at the reader's pace. */
	minutes: number;
	/** Whether today is in the final pass (each question's last review before the day). */
	finalPass: boolean;
}

/** The state of each question of the guide (undefined: never graded). */
type Cards = Map<string, CardState | undefined>;

function cardsOf(progress: Progress, slugs: readonly string[]): Cards {
	return new Map(slugs.map((slug) => [slug, progress.cards[slug]]));
}

function meanRecall(cards: Cards, at: number): number {
	if (cards.size === 0) return 0;
	let sum = 0;
	for (const state of cards.values()) sum += recallAt(state, at);
	return sum / cards.size;
}

/**
 * The expected recall at `interviewAt` after a review at `at`: recalled with FSRS's probability
 * (graded Good), else missed (Again). A new question is always missed first: its recall is 0. A
 * miss's return in the same sitting is left out: the budget is spent by then, and FSRS gives a
 * second look the same day little (about 15 % more stability).
 */
function afterReview(state: CardState | undefined, at: Date, interviewAt: number): number {
	const recall = recallAt(state, at.getTime());
	const missed = recallAt(schedule(state, 'again', at), interviewAt);
	return recall > 0 ? recall * recallAt(schedule(state, 'good', at), interviewAt) + (1 - recall) * missed : missed;
}

/** How a day is planned: the budget, and where the day stands. */
interface Sitting {
	at: Date;
	interviewAt: number;
	/** Reviews the day's minutes still hold (today's grades spent some). */
	reviews: number;
	/** Reviews a whole day's minutes hold. */
	perDay: number;
	/** Sittings left, this one included. */
	daysLeft: number;
	/** Days of the final pass. */
	finalPassDays: number;
}

/** Days the final pass takes: enough to review every question once, at most a week. */
function finalPassDays(questions: number, reviewsPerDay: number): number {
	if (reviewsPerDay <= 0) return 0;
	return Math.min(MAX_FINAL_PASS_DAYS, Math.max(1, Math.ceil(questions / reviewsPerDay)));
}

/**
 * A building day: the new questions at the pace that sees them all before the final pass, the
 * questions whose recall has fallen to BUILDING_RECALL (most forgotten first), more new ones, then
 * the least recalled of the rest: spare minutes still add stability (the simulation does better
 * with them than without).
 */
function buildingDay(cards: Cards, sitting: Sitting): string[] {
	const now = sitting.at.getTime();
	const recall = new Map([...cards].map(([slug, state]) => [slug, recallAt(state, now)]));
	const seen = [...cards.keys()].filter((slug) => cards.get(slug)).sort((a, b) => recall.get(a)! - recall.get(b)!);
	const unseen = [...cards.keys()].filter((slug) => !cards.get(slug));
	const daysToFinalPass = Math.max(1, sitting.daysLeft - sitting.finalPassDays);
	const paced = unseen.slice(0, Math.ceil(unseen.length / daysToFinalPass));
	const fallen = seen.filter((slug) => recall.get(slug)! <= BUILDING_RECALL);
	const rest = seen.filter((slug) => recall.get(slug)! > BUILDING_RECALL);
	return [...new Set([...paced, ...fallen, ...unseen, ...rest])].slice(0, sitting.reviews);
}

/**
 * A final-pass day. Each question gets at most one more review, on the day left that adds most to
 * the mean expected recall on the interview day, each day holding the budget: greedy by gain, then
 * swaps and moves between days while they raise the total (a question strong enough loses little
 * reviewed first; the weakest gain most from the last day). A new question is never left to the
 * last sitting: it could not be reviewed again before the day. Today's share is the day's plan;
 * misses are planned again tomorrow. Minutes left over go to the largest gains today.
 */
function finalPassDay(cards: Cards, sitting: Sitting): string[] {
	const { daysLeft, interviewAt } = sitting;
	const slugs = [...cards.keys()];
	const NONE = daysLeft;
	// value[i][k]: expected recall on the interview day of question i reviewed last on day k (NONE: not again).
	const value = slugs.map((slug) => {
		const state = cards.get(slug);
		const row = Array.from({ length: daysLeft }, (_, k) => afterReview(state, new Date(sitting.at.getTime() + k * DAY_MS), interviewAt));
		row.push(recallAt(state, interviewAt));
		return row;
	});
	const allowed = (i: number, k: number) => k < NONE - 1 || k === NONE || cards.get(slugs[i]!) !== undefined;
	const gain = (i: number, k: number) => value[i]![k]! - value[i]![NONE]!;
	// Today holds what is left of its budget; the days after, a whole day's.
	const capacity = (k: number) => (k === 0 ? sitting.reviews : sitting.perDay);
	const day = slugs.map(() => NONE);
	// The questions of each day (NONE: those left without one), kept as questions move.
	const members: number[][] = Array.from({ length: daysLeft + 1 }, () => []);
	const candidates = slugs.flatMap((_, i) => Array.from({ length: daysLeft }, (_, k) => ({ i, k })).filter(({ k }) => allowed(i, k) && gain(i, k) > 0));
	candidates.sort((a, b) => gain(b.i, b.k) - gain(a.i, a.k));
	for (const { i, k } of candidates) {
		if (day[i] !== NONE || members[k]!.length >= capacity(k)) continue;
		day[i] = k;
		members[k]!.push(i);
	}
	for (let i = 0; i < slugs.length; i++) if (day[i] === NONE) members[NONE]!.push(i);
	const move = (i: number, to: number) => {
		const from = members[day[i]!]!;
		from.splice(from.indexOf(i), 1);
		members[to]!.push(i);
		day[i] = to;
	};
	for (let pass = 0; pass < 20; pass++) {
		let improved = false;
		for (let a = 0; a < slugs.length; a++) {
			for (let k = 0; k <= NONE; k++) {
				const from = day[a]!;
				if (k === from || !allowed(a, k)) continue;
				if (k === NONE || members[k]!.length < capacity(k)) {
					if (value[a]![k]! <= value[a]![from]! + 1e-12) continue;
					move(a, k);
					improved = true;
					continue;
				}
				const b = members[k]!.find((b) => allowed(b, from) && value[a]![k]! + value[b]![from]! > value[a]![from]! + value[b]![k]! + 1e-12);
				if (b === undefined) continue;
				move(a, k);
				move(b, from);
				improved = true;
			}
		}
		if (!improved) break;
	}
	const byGainToday = (a: number, b: number) => gain(b, 0) - gain(a, 0);
	const today = [...members[0]!].sort(byGainToday);
	// On the last sitting a new question comes only when nothing seen gains from the minutes.
	const late = (i: number) => Number(daysLeft === 1 && cards.get(slugs[i]!) === undefined);
	const spare = slugs
		.map((_, i) => i)
		.filter((i) => day[i] !== 0 && gain(i, 0) > 0)
		.sort((a, b) => late(a) - late(b) || byGainToday(a, b));
	return [...today, ...spare].slice(0, sitting.reviews).map((i) => slugs[i]!);
}

function planSitting(cards: Cards, sitting: Sitting): string[] {
	if (sitting.reviews <= 0) return [];
	return sitting.daysLeft > sitting.finalPassDays ? buildingDay(cards, sitting) : finalPassDay(cards, sitting);
}

/**
 * Today's share, planned again after each grade: a question graded today is not asked again (its
 * miss came back in that sitting), so the minutes left go to the next best; once nothing is worth
 * the minutes, today's plan is done.
 */
function planToday(cards: Cards, sitting: Sitting, clock: Clock): string[] {
	const today = dayOf(clock.now, clock.offset);
	const gradedToday = new Set([...cards].filter(([, state]) => state && dayOf(new Date(state.lastReview), clock.offset) === today).map(([slug]) => slug));
	const chosen = planSitting(cards, { ...sitting, reviews: sitting.reviews + gradedToday.size });
	return chosen.filter((slug) => !gradedToday.has(slug)).slice(0, sitting.reviews);
}

/** Seconds a review takes, the default standing in for a value that is not a time. */
const reviewSeconds = (options: DayPlanOptions) => (options.secondsPerReview > 0 ? options.secondsPerReview : DEFAULT_SECONDS_PER_REVIEW);

const minutesOf = (reviews: number, options: DayPlanOptions) => Math.round((reviews * reviewSeconds(options)) / 60);

/** Grades given today (the reader's day): today's minutes already spent, a review each. */
export function gradesToday(progress: Progress, clock: Clock): number {
	const today = dayOf(clock.now, clock.offset);
	return progress.log.filter((review) => dayOf(new Date(review.at), clock.offset) === today).length;
}

/**
 * The sitting `d` days from now (the same time of day), or null when the interview is today or
 * past; `spent` reviews of its budget are already done (today's grades).
 */
function sittingOf(cards: Cards, options: DayPlanOptions, d: number, spent = 0): Sitting | null {
	const { clock } = options;
	const daysLeft = daysBetween(dayOf(clock.now, clock.offset), options.interview) - d;
	if (daysLeft <= 0) return null;
	const perDay = Math.floor((options.minutes * 60) / reviewSeconds(options));
	const reviews = Math.max(0, perDay - spent);
	return {
		at: new Date(clock.now.getTime() + d * DAY_MS),
		interviewAt: interviewMoment(options.interview, clock.offset).getTime(),
		reviews,
		perDay,
		daysLeft,
		finalPassDays: finalPassDays(cards.size, perDay),
	};
}

/**
 * Today's plan for an interview on `options.interview`, for the questions `slugs` (the guide), or
 * null when that day is today or past: the questions whose review today does most for recall on
 * the interview day, as many as the day's minutes still hold (each grade given today took a
 * review's time).
 */
export function planDay(progress: Progress, slugs: readonly string[], options: DayPlanOptions): DayPlan | null {
	const cards = cardsOf(progress, slugs);
	const sitting = sittingOf(cards, options, 0, gradesToday(progress, options.clock));
	if (!sitting) return null;
	const chosen = planToday(cards, sitting, options.clock);
	const fresh = chosen.filter((slug) => !cards.get(slug)).length;
	return {
		day: dayOf(options.clock.now, options.clock.offset),
		slugs: chosen,
		reviews: chosen.length - fresh,
		fresh,
		minutes: minutesOf(chosen.length, options),
		finalPass: sitting.daysLeft <= sitting.finalPassDays,
	};
}

/**
 * The plan's options from the reader's settings, or null when there is no plan: without an
 * interview date or minutes a day, study follows FSRS's due dates.
 */
export function planOptions(limits: Limits, progress: Progress, clock: Clock): DayPlanOptions | null {
	if (!limits.interview || !limits.minutes) return null;
	return { clock, interview: limits.interview, minutes: limits.minutes, secondsPerReview: secondsPerReview(progress) };
}

/** A day of the projection. */
export interface ProjectedDay {
	day: string;
	/** Questions seen before to review, and new ones. */
	reviews: number;
	fresh: number;
	minutes: number;
	/** Mean predicted recall on the interview day if the plan is followed through this day. */
	recall: number;
}

export interface Projection {
	days: ProjectedDay[];
	/** Mean predicted recall on the interview day if the whole plan is followed. */
	recallIfFollowed: number;
	/** Mean predicted recall on the interview day if the reader studies no more. */
	recallIfIdle: number;
}

/**
 * The plan for each day up to the interview (null when that day is today or past), assuming it is
 * followed at this time of day and answers go as FSRS expects: of the questions reviewed, as many
 * are missed as their recall predicts in sum (a miss falls where the running shortfall reaches one
 * half), and a new question is missed the first time.
 */
export function planDays(progress: Progress, slugs: readonly string[], options: DayPlanOptions): Projection | null {
	const cards = cardsOf(progress, slugs);
	const spent = gradesToday(progress, options.clock);
	const first = sittingOf(cards, options, 0, spent);
	if (!first) return null;
	const recallIfIdle = meanRecall(cards, first.interviewAt);
	const today = dayOf(options.clock.now, options.clock.offset);
	const days: ProjectedDay[] = [];
	let shortfall = 0;
	for (let d = 0; d < first.daysLeft; d++) {
		const sitting = d === 0 ? first : sittingOf(cards, options, d)!;
		const chosen = d === 0 ? planToday(cards, sitting, options.clock) : planSitting(cards, sitting);
		let fresh = 0;
		for (const slug of chosen) {
			const state = cards.get(slug);
			if (!state) fresh++;
			shortfall += 1 - recallAt(state, sitting.at.getTime());
			const missed = shortfall >= 0.5;
			if (missed) shortfall -= 1;
			cards.set(slug, schedule(state, missed ? 'again' : 'good', sitting.at));
		}
		days.push({
			day: addDays(today, d),
			reviews: chosen.length - fresh,
			fresh,
			minutes: minutesOf(chosen.length, options),
			recall: meanRecall(cards, first.interviewAt),
		});
	}
	return { days, recallIfFollowed: days.at(-1)!.recall, recallIfIdle };
}
