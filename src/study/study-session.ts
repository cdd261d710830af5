// The flashcard session on the study pages: one card at a time, reveal, grade, move on. It upgrades
// the server-rendered list of every question and answer (see Study.astro).
import { applyGrade, GRADES, resetProgress, selectForReview, shuffle, summarize, type Grade, type Progress } from './rules.ts';
import { describeProgress, GRADE_LABELS } from './study-marks.ts';
import { openProgressStore } from './study-store.ts';

/** sessionStorage key of the chosen order, so that a shuffle holds for the session. */
const ORDER_KEY = 'sg-study-order';
type Order = { order: 'guide' | 'shuffled'; seed: number };

/** The order chosen earlier in this session, or guide order. */
function readStoredOrder(): Order {
	try {
		const stored = JSON.parse(sessionStorage.getItem(ORDER_KEY) ?? 'null') as Order | null;
		if (stored && (stored.order === 'guide' || stored.order === 'shuffled')) return stored;
	} catch {
		// No storage, or something unreadable in it: guide order.
	}
	return { order: 'guide', seed: 0 };
}

const isField = (target: EventTarget | null) =>
	target instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
const isControl = (target: EventTarget | null) => target instanceof HTMLElement && target.closest('button, a, select, input') !== null;

export class SgStudy extends HTMLElement {
	#store = openProgressStore();
	#progress: Progress = this.#store.load();
	#cards: HTMLLIElement[] = [];
	#deck: HTMLLIElement[] = [];
	#index = 0;
	#review = false;
	#order: Order = readStoredOrder();
	#summary!: HTMLElement;
	#position!: HTMLElement;

	connectedCallback() {
		this.#cards = [...this.querySelectorAll<HTMLLIElement>('li.card')];
		this.#summary = this.querySelector<HTMLElement>('.summary')!;
		this.#position = this.querySelector<HTMLElement>('.position')!;
		for (const part of this.querySelectorAll<HTMLElement>('.controls, .steps, .keys')) part.hidden = false;
		this.querySelector<HTMLElement>('.storage-note')!.hidden = this.#store.persistent;

		for (const card of this.#cards) {
			card.querySelector('.reveal')!.addEventListener('click', () => this.#toggleAnswer(card));
			for (const button of card.querySelectorAll<HTMLButtonElement>('[data-grade]')) {
				button.addEventListener('click', () => this.#grade(card, button.dataset['grade'] as Grade));
			}
		}
		const select = this.querySelector<HTMLSelectElement>('[data-order]')!;
		select.value = this.#order.order;
		select.addEventListener('change', () => {
			this.#order = { order: select.value === 'shuffled' ? 'shuffled' : 'guide', seed: Math.floor(Math.random() * 2 ** 32) };
			try {
				sessionStorage.setItem(ORDER_KEY, JSON.stringify(this.#order));
			} catch {
				// Without storage the order lasts until the page is left.
			}
			this.#rebuild();
		});
		const review = this.querySelector<HTMLButtonElement>('[data-review]')!;
		review.addEventListener('click', () => {
			this.#review = !this.#review;
			review.setAttribute('aria-pressed', String(this.#review));
			this.#rebuild();
		});
		this.querySelector('[data-reset]')!.addEventListener('click', () => {
			if (!confirm(`Forget every grade for ${this.dataset['scope']}?`)) return;
			this.#save(resetProgress(this.#progress, this.#slugs()));
			this.#rebuild();
		});
		this.querySelector('[data-prev]')!.addEventListener('click', () => this.#move(-1));
		this.querySelector('[data-next]')!.addEventListener('click', () => this.#move(1));
		document.addEventListener('keydown', (event) => this.#onKey(event));
		this.#rebuild();
	}

	#slugs(cards = this.#cards) {
		return cards.map((card) => card.dataset['slug']!);
	}

	#save(progress: Progress) {
		this.#progress = progress;
		this.#store.save(progress);
		this.#renderProgress();
	}

	/** Builds the deck from the order and review choices, and shows its first card. */
	#rebuild() {
		const { order, seed } = this.#order;
		let deck = order === 'shuffled' ? shuffle(this.#cards, seed) : this.#cards;
		if (this.#review) {
			const missed = new Set(selectForReview(this.#progress, this.#slugs(deck)));
			deck = deck.filter((card) => missed.has(card.dataset['slug']!));
		}
		this.#deck = deck;
		this.#index = 0;
		this.#show(false);
		this.#renderProgress();
	}

	#show(focus: boolean) {
		const current = this.#deck[this.#index];
		for (const card of this.#cards) card.hidden = card !== current;
		if (current) this.#setAnswer(current, false);
		this.querySelector<HTMLButtonElement>('[data-prev]')!.disabled = this.#index <= 0;
		this.querySelector<HTMLButtonElement>('[data-next]')!.disabled = this.#index >= this.#deck.length - 1;
		this.#position.textContent = current
			? `Question ${this.#index + 1} of ${this.#deck.length}${this.#review ? ' to review' : ''}`
			: 'Nothing to review here: no question is graded “partly” or “didn’t know”.';
		if (focus) current?.querySelector<HTMLElement>('h2')?.focus();
	}

	#setAnswer(card: HTMLLIElement, open: boolean) {
		const button = card.querySelector<HTMLButtonElement>('.reveal')!;
		button.hidden = false;
		button.setAttribute('aria-expanded', String(open));
		button.firstChild!.textContent = open ? 'Hide answer ' : 'Show answer ';
		card.querySelector<HTMLElement>('.answer')!.hidden = !open;
		card.querySelector<HTMLElement>('.grades')!.hidden = !open;
	}

	#toggleAnswer(card: HTMLLIElement) {
		this.#setAnswer(card, card.querySelector('.reveal')!.getAttribute('aria-expanded') !== 'true');
	}

	#grade(card: HTMLLIElement, grade: Grade) {
		this.#save(applyGrade(this.#progress, card.dataset['slug']!, grade, new Date()));
		if (this.#index < this.#deck.length - 1) this.#move(1);
		else this.#position.textContent = `That was the last question. ${describeProgress(summarize(this.#progress, this.#slugs()))}`;
	}

	#move(step: number) {
		const next = this.#index + step;
		if (next < 0 || next >= this.#deck.length) return;
		this.#index = next;
		this.#show(true);
	}

	#renderProgress() {
		this.#summary.textContent = describeProgress(summarize(this.#progress, this.#slugs()));
		for (const card of this.#cards) {
			const record = this.#progress.questions[card.dataset['slug']!];
			card.querySelector('[data-mark]')!.textContent = record ? `Last graded: ${GRADE_LABELS[record.grade]}` : '';
		}
	}

	#onKey(event: KeyboardEvent) {
		if (event.ctrlKey || event.metaKey || event.altKey || isField(event.target)) return;
		if (document.querySelector('dialog[open]')) return; // the search dialog has the keyboard
		const card = this.#deck[this.#index];
		if (!card) return;
		const open = card.querySelector('.reveal')!.getAttribute('aria-expanded') === 'true';
		if ((event.key === ' ' || event.key === 'Enter') && !isControl(event.target)) {
			event.preventDefault();
			this.#toggleAnswer(card);
		} else if (['1', '2', '3'].includes(event.key) && open) {
			this.#grade(card, GRADES[Number(event.key) - 1]!);
		} else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
			event.preventDefault();
			this.#move(event.key === 'ArrowRight' ? 1 : -1);
		}
	}
}
