// An interview date turns the daily new-question limit into a plan: enough new questions a day
// that every question is seen at least once before the day, and how many reviews a day that means.
import { newToday } from './queue.ts';
import type { CardState, Progress } from './record.ts';
import { addDays, dayOf, type Clock } from './days.ts';
import { interviewPace } from './pace.ts';
import { schedule } from './schedule.ts';

/** The furthest date a plan looks at: beyond a year, the daily limit alone decides. */
export const MAX_PLAN_DAYS = 366;

export interface PlanDay {
	day: string;
	/** Reviews of questions seen before that are due that day. */
	reviews: number;
	/** New questions to start that day. */
	fresh: number;
}

export interface InterviewPlan {
	/** The interview's day ("YYYY-MM-DD"). */
	interview: string;
	/** Days left to study, today included, the interview day not. */
	daysLeft: number;
	/** Questions (of `slugs`) never graded, counting those first graded today. */
	unseen: number;
	/** New questions a day needed to see each of them before the day. */
	newPerDay: number;
	/** Day by day, assuming each answer is graded Good. */
	days: PlanDay[];
	/** Reviews and new questions a day: on average and on the busiest day. */
	average: number;
	peak: number;
}

/** The noon of a day in the reader's time zone: when a planned day's grades are assumed given. */
const noonOf = (day: string, offset: number) => new Date(Date.parse(`${day}T12:00:00Z`) - offset * 60_000);

/**
 * The plan for an interview on `interview` ("YYYY-MM-DD"), or null when that day is today or past.
 * New questions are spread evenly over the days left (never fewer a day than `newPerDay`), and the
 * reviews they and the questions already seen bring are simulated through FSRS as Good grades.
 */
export function planInterview(progress: Progress, slugs: readonly string[], interview: string, newPerDay: number, clock: Clock): InterviewPlan | null {
	const pace = interviewPace(progress, slugs, interview, clock);
	if (!pace) return null;
	const { daysLeft, unseen } = pace;
	const today = dayOf(clock.now, clock.offset);
	const startedToday = newToday(progress, clock);
	const never = slugs.filter((slug) => !progress.cards[slug]);
	const needed = Math.max(pace.newPerDay, newPerDay);
	const cards = new Map<string, CardState>(slugs.flatMap((slug) => (progress.cards[slug] ? [[slug, progress.cards[slug]!]] : [])));
	let waiting = never.length;
	const days: PlanDay[] = [];
	for (let d = 0; d < Math.min(daysLeft, MAX_PLAN_DAYS); d++) {
		const day = addDays(today, d);
		const at = d === 0 ? clock.now : noonOf(day, clock.offset);
		let reviews = 0;
		for (const [slug, card] of cards) {
			if (dayOf(new Date(card.due), clock.offset) > day) continue;
			cards.set(slug, schedule(card, 'good', at));
			reviews++;
		}
		const fresh = Math.min(waiting, Math.max(0, needed - (d === 0 ? startedToday : 0)));
		for (let i = 0; i < fresh; i++) cards.set(`new-${waiting - i}`, schedule(undefined, 'good', at));
		waiting -= fresh;
		days.push({ day, reviews, fresh });
	}
	const loads = days.map((day) => day.reviews + day.fresh);
	return {
		interview,
		daysLeft,
		unseen,
		newPerDay: needed,
		days,
		average: Math.round(loads.reduce((sum, n) => sum + n, 0) / loads.length),
		peak: Math.max(...loads),
	};
}
