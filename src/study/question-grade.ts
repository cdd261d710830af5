// Grading on a question's own page: the same grades, scheduler and store as study mode. Loaded by
// QuestionGrade.astro only when the reader has progress or grades here, so a first visit stays small.
import { dayOf, longDay, relativeDay, type Clock } from './days.ts';
import { applyGrade } from './rules.ts';
import { GRADE_NAMES, GRADES, lastGrades, type Grade, type Progress } from './record.ts';
import { formatInterval, preview } from './schedule.ts';
import { describeMode, progressStore } from './study-store.ts';

const clockNow = (): Clock => {
	const now = new Date();
	return { now, offset: -now.getTimezoneOffset() };
};

/** What the panel says about one question: its last grade and when it is due, or that it is new. */
export function describeQuestion(progress: Progress, slug: string, clock: Clock): { grade?: Grade; text: string } {
	const card = progress.cards[slug];
	const grade = lastGrades(progress).get(slug);
	if (!card || !grade) return { text: 'Not graded yet: grade it below, or in study mode.' };
	const today = dayOf(clock.now, clock.offset);
	const due = dayOf(new Date(card.due), clock.offset);
	// Missed today: back within minutes (a learning step), so the minutes say more than "today".
	const later = Date.parse(card.due) > clock.now.getTime();
	const when =
		due > today ? `due again ${relativeDay(today, due)}, ${longDay(due)}` : later ? `due again in ${formatInterval(clock.now, new Date(card.due))}` : 'due now';
	return { grade, text: `given on ${longDay(dayOf(new Date(card.lastReview), clock.offset))}; ${when}.` };
}

/** Shows the question's standing in `panel` and each grade button's interval ("Good · 3 days"). */
function show(panel: HTMLElement, slug: string, progress: Progress) {
	const clock = clockNow();
	const { grade, text } = describeQuestion(progress, slug, clock);
	const state = panel.querySelector<HTMLElement>('[data-state]')!;
	state.replaceChildren();
	if (grade) {
		const pill = document.createElement('span');
		pill.className = 'pill';
		pill.dataset['grade'] = grade;
		pill.textContent = GRADE_NAMES[grade];
		state.append('Your grade: ', pill, ` ${text}`);
	} else state.textContent = text;
	const outcomes = preview(progress.cards[slug], clock.now);
	for (const name of GRADES) {
		panel.querySelector(`[data-grade="${name}"] [data-interval]`)!.textContent = formatInterval(clock.now, new Date(outcomes[name].due));
	}
}

/**
 * The sidebar's questions (SectionNav.astro) get their last grade as a pill, as the home and section
 * pages' lists show it. Here rather than in the sidebar's own code, so that a question page loads
 * the store only when the reader has progress (this module's condition).
 */
function markSidebar(progress: Progress) {
	const last = lastGrades(progress);
	for (const link of document.querySelectorAll<HTMLAnchorElement>('.sidebar .question-list a')) {
		link.querySelector('.progress-mark')?.remove();
		// A question's address ends in its slug: /<section>/<slug>/.
		const grade = last.get(new URL(link.href).pathname.split('/').filter(Boolean).at(-1)!);
		if (!grade) continue;
		const mark = document.createElement('span');
		mark.className = 'progress-mark pill';
		mark.dataset['grade'] = grade;
		mark.textContent = GRADE_NAMES[grade];
		link.append(mark);
	}
}

/** Fills the panel and the sidebar's marks from the stored progress, and keeps them current when this or another tab grades. */
export function start(panel: HTMLElement, slug: string) {
	const store = progressStore();
	const render = () => {
		show(panel, slug, store.progress);
		markSidebar(store.progress);
	};
	render();
	store.subscribe(render);
	return {
		grade(grade: Grade) {
			store.update((current) => applyGrade(current, slug, grade, new Date()));
			const due = store.progress.cards[slug]?.due;
			const note = describeMode(store.mode);
			panel.querySelector('[data-message]')!.textContent =
				`Graded ${GRADE_NAMES[grade]}: it comes back in ${formatInterval(new Date(), new Date(due ?? Date.now()))}.` + (note ? ` ${note}` : '');
		},
	};
}
