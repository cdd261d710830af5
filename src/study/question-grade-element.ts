// sg-question-grade (QuestionGrade.astro) on a question page: shows the grade buttons, and loads the
// grading code (store, ts-fsrs) only when the reader has progress or is about to grade. Small and
// free of the schema, so that it can ride in the page's one script (Base.astro).
type Grade = 'again' | 'hard' | 'good' | 'easy';

class SgQuestionGrade extends HTMLElement {
	#panel?: Promise<{ grade(grade: Grade): void }>;

	connectedCallback() {
		const slug = this.dataset['slug']!;
		const load = () => (this.#panel ??= import('./question-grade.ts').then(({ start }) => start(this, slug)));
		const state = this.querySelector('[data-state]')!;
		state.textContent = 'Not graded yet: grade it below, or in study mode.';
		const grades = this.querySelector<HTMLElement>('.grades')!;
		grades.hidden = false;
		for (const button of grades.querySelectorAll<HTMLButtonElement>('[data-grade]')) {
			button.addEventListener('click', () => void load().then((panel) => panel.grade(button.dataset['grade'] as Grade)));
		}
		// About to grade: load the scheduler so that each button shows the interval it would give.
		for (const event of ['pointerenter', 'focusin']) grades.addEventListener(event, () => void load(), { once: true });
		let stored: string | null = null;
		try {
			stored = localStorage.getItem(this.dataset['key']!);
		} catch {
			// Storage blocked: nothing to show until a grade is given (it then lasts for this visit).
		}
		if (stored) void load();
	}
}

customElements.define('sg-question-grade', SgQuestionGrade);
