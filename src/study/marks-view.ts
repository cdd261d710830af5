// The progress marks of the question lists (browser only), loaded by ProgressMarks.astro only when
// something is stored: a first-time reader's home and section pages load none of the scheduler.
import { describeProgress, pickNotKnown } from './marks.ts';
import { GRADE_NAMES, lastGrades } from './record.ts';
import { readStoredProgress } from './study-store.ts';

/**
 * Writes the summary of each `[data-progress-scope]` under `root` and each question link's last
 * grade; returns the question to open for "random question not yet known".
 */
export function showMarks(root: HTMLElement, links: HTMLAnchorElement[]): (slugs: string[], pick: number) => string | undefined {
	const progress = readStoredProgress();
	const now = new Date();
	const clock = { now, offset: -now.getTimezoneOffset() };
	const last = lastGrades(progress);
	for (const scope of root.querySelectorAll<HTMLElement>('[data-progress-scope]')) {
		const slugs = [...scope.querySelectorAll<HTMLAnchorElement>('a[data-question]')].map((a) => a.dataset['question']!);
		const text = describeProgress(progress, slugs, clock);
		const summary = scope.querySelector('[data-progress-summary]');
		if (summary && text) summary.textContent = `Your progress: ${text}`;
	}
	for (const link of links) {
		const grade = last.get(link.dataset['question']!);
		if (!grade) continue;
		const mark = document.createElement('span');
		mark.className = 'progress-mark pill';
		mark.dataset['grade'] = grade;
		mark.textContent = GRADE_NAMES[grade];
		link.append(mark);
	}
	return (slugs, pick) => pickNotKnown(progress, slugs, pick);
}
