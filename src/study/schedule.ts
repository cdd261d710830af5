// Spaced repetition: when a question should come back, by FSRS (the algorithm modern Anki uses)
// through ts-fsrs. Pure: the clock is always passed in, so tests run at a fixed time.
import { createEmptyCard, fsrs, Rating, S_MIN, State, type Card } from 'ts-fsrs';
import { GRADE_NAMES, GRADES, phaseSchema, type CardState, type Grade, type Phase } from './record.ts';

const PHASES: readonly Phase[] = phaseSchema.options;

const RATINGS: Record<Grade, Rating.Again | Rating.Hard | Rating.Good | Rating.Easy> = {
	again: Rating.Again,
	hard: Rating.Hard,
	good: Rating.Good,
	easy: Rating.Easy,
};

// A question missed (Again, or Hard when new) comes back in the same sitting: one learning step of
// ten minutes, as Anki's default; Good or Easy then sets a span of whole days. One step, because a
// stored state keeps no step number (toCard starts each at step 0). No fuzz: the same grade at the
// same time always gives the same date, which keeps every tab, import and test in agreement.
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: true, learning_steps: ['10m'], relearning_steps: ['10m'] });

/**
 * A question's state as the scheduler can take it, and a line for each field set right. The
 * progress schema accepts what older pages and other devices wrote; FSRS refuses a difficulty below
 * 1 or a stability below its minimum once a card has a memory state, and a last review later than
 * now (a device whose clock ran ahead): each would stop grading that question.
 */
export function repairCard(state: CardState, now: Date): { state: CardState; fixes: string[] } {
	const fixes: string[] = [];
	const repaired = { ...state };
	// Difficulty and stability both 0 is FSRS's own "no memory yet": it starts over from the grade.
	const fresh = state.difficulty === 0 && state.stability === 0;
	if (!fresh && state.difficulty < 1) {
		fixes.push(`"difficulty" ${state.difficulty} is below 1: set to 1`);
		repaired.difficulty = 1;
	}
	if (!fresh && state.stability < S_MIN) {
		fixes.push(`"stability" ${state.stability} is below ${S_MIN}: set to ${S_MIN}`);
		repaired.stability = S_MIN;
	}
	if (Date.parse(state.lastReview) > now.getTime()) {
		fixes.push(`"lastReview" ${state.lastReview} is later than now (a clock set ahead?): set to now`);
		repaired.lastReview = now.toISOString();
	}
	return { state: repaired, fixes };
}

function toCard(stored: CardState | undefined, now: Date): Card {
	if (!stored) return createEmptyCard(now);
	const { state } = repairCard(stored, now);
	const last = new Date(state.lastReview);
	return {
		due: new Date(state.due),
		stability: state.stability,
		difficulty: state.difficulty,
		elapsed_days: 0,
		scheduled_days: state.scheduledDays,
		learning_steps: 0,
		reps: state.reps,
		lapses: state.lapses,
		state: PHASES.indexOf(state.state) as State,
		last_review: last,
	};
}

function fromCard(card: Card, at: Date): CardState {
	return {
		due: card.due.toISOString(),
		stability: card.stability,
		difficulty: card.difficulty,
		reps: card.reps,
		lapses: card.lapses,
		state: PHASES[card.state]!,
		lastReview: (card.last_review ?? at).toISOString(),
		scheduledDays: card.scheduled_days,
	};
}

/** The card's state after `grade` at `at` (a card never graded starts new). */
export function schedule(state: CardState | undefined, grade: Grade, at: Date): CardState {
	return fromCard(scheduler.next(toCard(state, at), at, RATINGS[grade]).card, at);
}

/** What each grade would do now: the state it gives and its due date. */
export function preview(state: CardState | undefined, now: Date): Record<Grade, CardState> {
	const outcomes = scheduler.repeat(toCard(state, now), now);
	return Object.fromEntries(GRADES.map((grade) => [grade, fromCard(outcomes[RATINGS[grade]].card, now)])) as Record<Grade, CardState>;
}

/** "10 min", "1 day", "3 days", "2 months", "1.5 years": how far `due` is from `now`, rounded. */
export function formatInterval(now: Date, due: Date): string {
	const minutes = Math.max(0, Math.round((due.getTime() - now.getTime()) / 60_000));
	const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
	if (minutes < 60) return `${Math.max(minutes, 1)} min`;
	if (minutes < 60 * 24) return plural(Math.round(minutes / 60), 'hour');
	const days = Math.round(minutes / (60 * 24));
	if (days < 31) return plural(days, 'day');
	if (days < 365) return plural(Math.round(days / 30), 'month');
	const years = Math.round((days / 365) * 10) / 10;
	return `${years} year${years === 1 ? '' : 's'}`;
}

/** "Good · 3 days": a grade's button label with the interval it would give. */
export function gradeLabel(grade: Grade, now: Date, due: Date): string {
	return `${GRADE_NAMES[grade]} · ${formatInterval(now, due)}`;
}
