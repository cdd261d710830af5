// Which questions a study session runs: the due queue (due first, then a daily number of new
// ones), everything, or only what was missed, in guide or shuffled order.
import { dayOf, type Clock } from './days.ts';
import { lastGrades, type Grade, type Progress } from './record.ts';
import { questionOf } from '../lib/prediction.ts';
import { seededRandom } from '../lib/random.ts';

/** How a session picks its questions. */
export type Mode = 'due' | 'all' | 'missed';
export type Order = 'guide' | 'shuffled';
/** New questions a day unless the reader changes it. */
export const DEFAULT_NEW_PER_DAY = 10;


/** The items in an order fixed by `seed` (Fisher-Yates); the same seed gives the same order. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
	const next = seededRandom(seed);
	const result = [...items];
	for (let i = result.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[result[i], result[j]] = [result[j]!, result[i]!];
	}
	return result;
}

/** How many questions of the whole guide were graded for the first time on the reader's today. */
export function newToday(progress: Progress, clock: Clock): number {
	const today = dayOf(clock.now, clock.offset);
	const first = new Map<string, string>();
	for (const review of progress.log) if (!first.has(review.slug)) first.set(review.slug, review.at);
	return [...first.values()].filter((at) => dayOf(new Date(at), clock.offset) === today).length;
}

/** The questions among `slugs` due by the end of the reader's today, most overdue first (ties in the given order). */
export function dueSlugs(progress: Progress, slugs: readonly string[], clock: Clock): string[] {
	const today = dayOf(clock.now, clock.offset);
	return slugs
		.filter((slug) => {
			const card = progress.cards[slug];
			return card !== undefined && dayOf(new Date(card.due), clock.offset) <= today;
		})
		.map((slug, index) => ({ slug, index, due: Date.parse(progress.cards[slug]!.due) }))
		.sort((a, b) => a.due - b.due || a.index - b.index)
		.map(({ slug }) => slug);
}

/** A grade that counts as missed: Again or Hard. */
export const isMissed = (grade: Grade | undefined) => grade === 'again' || grade === 'hard';

/** The questions last graded Again or Hard, in the given order. */
export function missedSlugs(progress: Progress, slugs: readonly string[]): string[] {
	const last = lastGrades(progress);
	return slugs.filter((slug) => isMissed(last.get(slug)));
}

export interface QueueOptions {
	clock: Clock;
	/** New questions a day, for the whole guide. */
	newPerDay: number;
	order: Order;
	/** The shuffle's seed, kept for the session so that a reload keeps the order. */
	seed: number;
}

export interface Queue {
	/** The session's questions, in the order they are shown. */
	slugs: string[];
	/** How many of them are due reviews (the rest are new). */
	due: number;
	/** How many are new. */
	fresh: number;
	/** New questions the reader may still start today, whole guide (the daily limit less those started). */
	newLeft: number;
}

/**
 * The session for `slugs` (in guide order) and a mode. Due: the due questions first, then new ones
 * up to what is left of today's limit. All: every question. Missed: those last graded Again or Hard.
 */
export function buildQueue(progress: Progress, slugs: readonly string[], mode: Mode, options: QueueOptions): Queue {
	const { clock, order, seed } = options;
	const arrange = (list: string[]) => (order === 'shuffled' ? shuffle(list, seed) : list);
	const newLeft = Math.max(0, options.newPerDay - newToday(progress, clock));
	if (mode === 'all') {
		const all = arrange([...slugs]);
		return { slugs: all, due: 0, fresh: 0, newLeft };
	}
	if (mode === 'missed') return { slugs: arrange(missedSlugs(progress, slugs)), due: 0, fresh: 0, newLeft };
	const due = arrange(dueSlugs(progress, slugs, clock));
	const fresh = arrange(slugs.filter((slug) => !progress.cards[slug])).slice(0, newLeft);
	return { slugs: [...due, ...fresh], due: due.length, fresh: fresh.length, newLeft };
}

/**
 * A deck with its questions' "what does this print?" cards (ids `slug#n`, in guide order): each goes
 * just before its question, so that the reader predicts from the code before the answer shows the
 * output. A card comes when it is due by the end of today (as a question is), or, never graded, once
 * its question was graded on an earlier day: the reader has learnt the answer first. Only questions
 * in the deck bring theirs: a card is studied with its question, within the day's plan.
 */
export function withPredictionCards(deck: readonly string[], ids: readonly string[], progress: Progress, clock: Clock): string[] {
	const today = dayOf(clock.now, clock.offset);
	const byQuestion = new Map<string, string[]>();
	for (const id of ids) {
		const slug = questionOf(id);
		byQuestion.set(slug, [...(byQuestion.get(slug) ?? []), id]);
	}
	const comes = (id: string, slug: string) => {
		const state = progress.predictions.cards[id];
		if (state) return dayOf(new Date(state.due), clock.offset) <= today;
		const question = progress.cards[slug];
		return question !== undefined && dayOf(new Date(question.lastReview), clock.offset) < today;
	};
	return deck.flatMap((slug) => [...(byQuestion.get(slug) ?? []).filter((id) => comes(id, slug)), slug]);
}
