// What the question lists (home and section pages) say about a reader's progress. Pure, and free
// of the scheduler, so those pages load no more than the stored record's schema.
import type { Clock } from './days.ts';
import { dueSlugs, missedSlugs } from './queue.ts';
import { lastGrades, type Progress } from './record.ts';

/** "3 of 10 seen, 2 due now, 1 last graded Again or Hard"; empty when none of `slugs` was graded. */
export function describeProgress(progress: Progress, slugs: readonly string[], clock: Clock): string {
	const seen = slugs.filter((slug) => progress.cards[slug]).length;
	if (seen === 0) return '';
	const due = dueSlugs(progress, slugs, clock).length;
	const missed = missedSlugs(progress, slugs).length;
	return `${seen} of ${slugs.length} seen, ${due} due now, ${missed} last graded Again or Hard.`;
}

/** A question not yet known (never graded, or last graded Again or Hard), chosen with `pick` (0 <= pick < 1). */
export function pickNotKnown(progress: Progress, slugs: readonly string[], pick: number): string | undefined {
	const last = lastGrades(progress);
	const candidates = slugs.filter((slug) => last.get(slug) !== 'good' && last.get(slug) !== 'easy');
	return candidates[Math.floor(pick * candidates.length)];
}
