// Shared by the study session and the progress marks on the home and section pages.
import type { Grade } from './rules.ts';

/** A grade as words: progress is never shown by colour alone. */
export const GRADE_LABELS: Record<Grade, string> = { known: 'knew it', partly: 'partly', unknown: 'didn’t know' };

/** "6 known, 2 partly, 2 to review, 90 not graded yet". */
export function describeProgress(counts: Record<Grade | 'unseen', number>): string {
	return `${counts.known} known, ${counts.partly} partly, ${counts.unknown} to review, ${counts.unseen} not graded yet.`;
}
