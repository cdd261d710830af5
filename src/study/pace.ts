// How many new questions a day: the reader's limit, raised to what an interview date needs, plus
// any "learn N more" for today. Free of the scheduler, so that home can count today's work without
// loading FSRS (plan.ts simulates the reviews on the study pages).
import { dayOf, daysBetween, type Clock } from './days.ts';
import { buildQueue, newToday } from './queue.ts';
import type { Progress } from './record.ts';

/** The limits a reader chose (settings.ts keeps them). */
export interface Limits {
	/** New questions a day, whole guide. */
	newPerDay: number;
	/** The interview's day ("YYYY-MM-DD"), or null. */
	interview: string | null;
	/** New questions added to one day's limit ("learn 10 more"); they lapse with that day. */
	extra: { day: string; count: number } | null;
	/**
	 * Minutes a day for study. With an interview date, each day's questions are those that do most
	 * for recall on the day (day-plan.ts) instead of FSRS's due dates; unset, the date sets the pace
	 * of new questions only.
	 */
	minutes?: number | undefined;
}

export interface Pace {
	/** Days left to study, today included, the interview day not. */
	daysLeft: number;
	/** Questions (of `slugs`) never graded, counting those first graded today. */
	unseen: number;
	/** New questions a day that see each of them before the day. */
	newPerDay: number;
}

/** What an interview on `interview` asks of each day for `slugs`; null when that day is today or past. */
export function interviewPace(progress: Progress, slugs: readonly string[], interview: string, clock: Clock): Pace | null {
	const daysLeft = daysBetween(dayOf(clock.now, clock.offset), interview);
	if (daysLeft <= 0) return null;
	const unseen = slugs.filter((slug) => !progress.cards[slug]).length + newToday(progress, clock);
	return { daysLeft, unseen, newPerDay: Math.ceil(unseen / daysLeft) };
}

/** Today's new-question limit for the whole guide `guide`: the reader's, raised to the interview's pace, plus today's extra. */
export function newLimitToday(limits: Limits, progress: Progress, guide: readonly string[], clock: Clock): number {
	const pace = limits.interview ? interviewPace(progress, guide, limits.interview, clock) : null;
	const extra = limits.extra?.day === dayOf(clock.now, clock.offset) ? limits.extra.count : 0;
	return Math.max(limits.newPerDay, pace?.newPerDay ?? 0) + extra;
}

/** Questions to study today in the whole guide: those due, and the new ones today's limit still allows. */
export function toStudyToday(limits: Limits, progress: Progress, guide: readonly string[], clock: Clock): number {
	return buildQueue(progress, guide, 'due', { clock, newPerDay: newLimitToday(limits, progress, guide, clock), order: 'guide', seed: 0 }).slugs.length;
}
