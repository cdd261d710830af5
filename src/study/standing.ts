// Where a reader stands, for the home page and the section cards: every question counted once as
// known, learning, due or new. Pure (no storage, no DOM), and free of the scheduler like marks.ts.
import { dayOf, type Clock } from './days.ts';
import { dueSlugs, missedSlugs } from './queue.ts';
import { lastGrades, type Progress } from './record.ts';

/** The four states a question is in for a reader, in the order the standing bar draws them. */
export const STANDINGS = ['known', 'learning', 'due', 'new'] as const;
export type Standing = (typeof STANDINGS)[number];

/** The standings as words (a bar is never read by its colour alone). */
export const STANDING_NAMES: Record<Standing, string> = { known: 'Known', learning: 'Learning', due: 'Due', new: 'New' };

/**
 * One question's standing. Due: graded and due by the end of the reader's today. New: never graded.
 * Known: not due, last graded Good or Easy. Learning: not due, last graded Again or Hard.
 */
export function standingOf(progress: Progress, slug: string, clock: Clock, last = lastGrades(progress)): Standing {
	const card = progress.cards[slug];
	if (!card) return 'new';
	if (dayOf(new Date(card.due), clock.offset) <= dayOf(clock.now, clock.offset)) return 'due';
	const grade = last.get(slug);
	return grade === 'good' || grade === 'easy' ? 'known' : 'learning';
}

/** How many of `slugs` stand where; the four counts add up to the number of slugs. */
export function summarizeStanding(progress: Progress, slugs: readonly string[], clock: Clock): Record<Standing, number> {
	const counts: Record<Standing, number> = { known: 0, learning: 0, due: 0, new: 0 };
	const last = lastGrades(progress);
	for (const slug of slugs) counts[standingOf(progress, slug, clock, last)]++;
	return counts;
}

/** "12 known, 3 learning, 5 due, 80 new". */
export function describeStanding(counts: Record<Standing, number>): string {
	return STANDINGS.map((standing) => `${counts[standing]} ${standing}`).join(', ');
}

/** The home page's next step: the due queue when anything is due, else the first question never graded. */
export type NextStep =
	| { kind: 'due'; count: number }
	| { kind: 'new'; slug: string }
	| { kind: 'done' };

/** What "Continue" leads to for `slugs` (in guide order), and how many questions were missed. */
export function nextStep(progress: Progress, slugs: readonly string[], clock: Clock): { next: NextStep; missed: number } {
	const due = dueSlugs(progress, slugs, clock).length;
	const fresh = slugs.find((slug) => !progress.cards[slug]);
	const next: NextStep = due > 0 ? { kind: 'due', count: due } : fresh ? { kind: 'new', slug: fresh } : { kind: 'done' };
	return { next, missed: missedSlugs(progress, slugs).length };
}
