// The flashcard session on the study pages: a queue scheduled by FSRS (due questions, then new ones
// up to a daily limit), one card at a time, reveal, grade Again / Hard / Good / Easy, and at the end
// a summary with next steps. It upgrades the server-rendered list of every question and answer
// (see Study.astro). A question's "what does this print?" cards come with it in the due queue, each
// just before it (withPredictionCards), made from the answer's own example once the cards are loaded.
import { planDay, planDays, planOptions, type DayPlan, type Projection } from './day-plan.ts';
import type { ForecastAnswer, ForecastRequest } from './forecast.worker.ts';
import { dayOf, longDay, relativeDay, type Clock } from './days.ts';
import { downloadProgress, downloadText } from './download.ts';
import { interviewPace, newLimitToday, toStudyToday } from './pace.ts';
import { planInterview, type InterviewPlan } from './plan.ts';
import { applyGrade, applyPredictionGrade, resetCost, resetProgress } from './rules.ts';
import { buildQueue, DEFAULT_NEW_PER_DAY, missedSlugs, withPredictionCards, type Mode, type Order } from './queue.ts';
import { questionOf, readPredictionCards, type PredictionCard } from '../lib/prediction.ts';
import { predictionForm, type PredictionForm } from '../examples/prediction-form.ts';
import { GRADE_NAMES, GRADES, lastGrades, type CardState, type Grade, type Progress, type Review } from './record.ts';
import { formatInterval, preview } from './schedule.ts';
import { MINUTES_RANGE, readSettings, SETTINGS_KEY, updateSettings, type Settings } from './settings.ts';
import { countGrades, nextDue } from './stats.ts';
import { describeMode, progressStore } from './study-store.ts';

/** sessionStorage key of the chosen order, so that a shuffle holds for the session. */
const ORDER_KEY = 'sg-study-order';
type OrderChoice = { order: Order; seed: number };

/** The order chosen earlier in this session, or guide order. */
function readStoredOrder(): OrderChoice {
	try {
		const stored = JSON.parse(sessionStorage.getItem(ORDER_KEY) ?? 'null') as OrderChoice | null;
		if (stored && (stored.order === 'guide' || stored.order === 'shuffled') && Number.isInteger(stored.seed)) return stored;
	} catch {
		// No storage, or something unreadable in it: guide order.
	}
	return { order: 'guide', seed: 0 };
}

/** The reader's clock from the browser's time and time zone. */
function browserClock(): Clock {
	const now = new Date();
	return { now, offset: -now.getTimezoneOffset() };
}

/** Days the plan's chart shows: two months fit a phone's width. */
const MAX_CHART_DAYS = 60;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const isField = (target: EventTarget | null) =>
	target instanceof HTMLElement && (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || target.isContentEditable);
const isControl = (target: EventTarget | null) =>
	target instanceof HTMLElement && target.closest('button, a, select, input, summary') !== null;

export class SgStudy extends HTMLElement {
	#store = progressStore();
	#progress: Progress = this.#store.progress;
	#settings: Settings = readSettings();
	#order: OrderChoice = readStoredOrder();
	#mode: Mode = 'due';
	#cards = new Map<string, HTMLLIElement>();
	/** The scope's questions in guide order, and the whole guide's (for the interview plan and the guide's due count). */
	#slugs: string[] = [];
	#guide: string[] = [];
	/**
	 * Whether #guide is the whole guide's list. A section's page fetches it and meanwhile counts its
	 * own questions: the plan can then only ask for more new questions a day, never fewer.
	 */
	#guideState: 'known' | 'loading' | 'failed' = 'known';
	#deck: string[] = [];
	#index = 0;
	#ended = false;
	/** Grades given since the deck was built, for the summary. */
	#session: Review[] = [];
	/** The question a link asked to start with (?q=slug: home's "Continue with question 11"), for the first deck only. */
	#startWith: string | undefined;
	/** Questions put back at the end of this deck after a miss, for the summary. */
	#cameBack = new Set<string>();
	/** The scope's "what does this print?" cards (loaded once the page is up), by id, with their card elements. */
	#predictions = new Map<string, { card: PredictionCard; element: HTMLLIElement }>();
	#predictionsState: 'off' | 'loading' | 'loaded' | 'failed' = 'off';
	/** Each prediction card's form in this deck: made afresh for every deck. */
	#predictionForms = new Map<string, PredictionForm & { checked: boolean }>();
	/** Whether the deck's first card is one a link asked for (?q=): kept first when the deck is built again. */
	#askedFirst = false;
	/** Prediction cards graded since the deck was built, for the summary (each once, as a question). */
	#predicted = new Set<string>();

	#q<T extends Element = HTMLElement>(selector: string): T {
		return this.querySelector<T>(selector as string) as T;
	}

	connectedCallback() {
		for (const card of this.querySelectorAll<HTMLLIElement>('li.card')) this.#cards.set(card.dataset['slug']!, card);
		this.#slugs = [...this.#cards.keys()];
		this.#guide = this.#slugs;
		const guideSrc = this.dataset['guideSrc'];
		if (guideSrc) {
			this.#guideState = 'loading';
			void this.#loadGuide(guideSrc);
		}
		for (const part of this.querySelectorAll<HTMLElement>('.toolbar, .keys')) part.hidden = false;
		// Home's "Set its date" links here: the toolbar was hidden when the browser looked for it.
		if (location.hash === '#interview') this.#q('#interview').scrollIntoView();
		this.#showKeptAside();

		for (const [slug, card] of this.#cards) {
			card.querySelector('.reveal')!.addEventListener('click', () => {
				this.#toggleAnswer(card);
				this.#focusCard();
			});
			for (const button of card.querySelectorAll<HTMLButtonElement>('[data-grade]')) {
				button.addEventListener('click', () => this.#grade(slug, button.dataset['grade'] as Grade));
			}
		}
		for (const button of this.querySelectorAll<HTMLButtonElement>('[data-mode]')) {
			button.addEventListener('click', () => this.#start(button.dataset['mode'] as Mode));
		}
		for (const button of this.querySelectorAll<HTMLButtonElement>('[data-step]')) {
			button.addEventListener('click', () => this.#start(button.dataset['step'] as Mode));
		}
		const select = this.#q<HTMLSelectElement>('[data-order]');
		select.value = this.#order.order;
		select.addEventListener('change', () => {
			this.#order = { order: select.value === 'shuffled' ? 'shuffled' : 'guide', seed: Math.floor(Math.random() * 2 ** 32) };
			try {
				sessionStorage.setItem(ORDER_KEY, JSON.stringify(this.#order));
			} catch {
				// Without storage the order lasts until the page is left.
			}
			this.#start(this.#mode);
		});
		this.#q('[data-learn-more]').addEventListener('click', (event) => this.#learnMore(Number((event.currentTarget as HTMLElement).dataset['count'])));
		this.#setUpSettings();
		this.#setUpReset();
		this.#setUpMenu();
		this.#loadPredictions();
		this.#q('[data-prev]').addEventListener('click', () => this.#move(-1));
		this.#q('[data-next]').addEventListener('click', () => this.#move(1));
		document.addEventListener('keydown', (event) => this.#onKey(event));
		// Another tab's grades, an import or a reset elsewhere on the page: counts and marks follow.
		this.#store.subscribe(() => {
			this.#progress = this.#store.progress;
			this.#render();
		});
		// A link may ask for a mode: the home page's "Review N missed" is /study/?mode=missed.
		const params = new URLSearchParams(location.search);
		const asked = params.get('mode');
		if (asked === 'missed' || asked === 'all') this.#mode = asked;
		const first = params.get('q');
		if (first && this.#cards.has(first)) this.#startWith = first;
		// Asked once: a reload goes on with the session's queue, not back to that question.
		if (first !== null) {
			params.delete('q');
			history.replaceState(history.state, '', `${location.pathname}${params.size ? `?${params}` : ''}${location.hash}`);
		}
		this.#build();
	}

	/**
	 * A section's page fetches the whole guide's list while the deck, built at once from the section,
	 * is in use: the reader can start at load. If the list cannot be had (offline and never saved, a
	 * failed request), the section stands in and the plan says so.
	 */
	async #loadGuide(src: string) {
		try {
			const response = await fetch(src);
			const list: unknown = response.ok ? await response.json() : undefined;
			if (!Array.isArray(list) || !list.every((slug) => typeof slug === 'string')) throw new Error(`${src}: not a list of questions`);
			this.#guide = list;
			this.#guideState = 'known';
		} catch {
			this.#guideState = 'failed';
		}
		// With an interview-day plan, the due deck is the plan's part: built again if nothing is graded yet.
		if (this.#mode === 'due' && this.#untouched() && this.#dayPlan(browserClock())) this.#build();
		else this.#extendDeck();
		this.#render();
	}

	/**
	 * Adds to the end of the deck what the mode's queue now holds and the deck does not (the whole
	 * guide's plan may ask for more new questions a day). The card shown, its answer and the grades
	 * given stay as they are.
	 */
	#extendDeck() {
		if (this.#ended) return;
		const inDeck = new Set(this.#deck);
		const added = this.#withPredictions(this.#queue(this.#mode).slugs.filter((slug) => !inDeck.has(slug)));
		if (added.length === 0) return;
		const wasEmpty = this.#deck.length === 0;
		this.#deck = [...this.#deck, ...added];
		if (wasEmpty) this.#show(false);
		else {
			this.#q<HTMLButtonElement>('[data-next]').disabled = this.#index >= this.#deck.length - 1;
			this.#renderPosition();
		}
	}

	/**
	 * Loads the "what does this print?" cards, when they are studied and this page has an example
	 * with one, and puts those due into the deck after the card shown (into the whole deck if nothing
	 * was done with it yet). Without them (a failed request) study goes on with the questions.
	 */
	#loadPredictions() {
		const src = this.dataset['predictionsSrc'];
		const tried = this.#predictionsState === 'loading' || this.#predictionsState === 'loaded';
		if (this.#settings.predictions === false || tried || !src || !this.querySelector('sg-example[data-predict]')) return;
		this.#predictionsState = 'loading';
		void fetch(src)
			.then((response) => (response.ok ? response.json() : undefined))
			.then((value: unknown) => {
				const cards = readPredictionCards(value);
				if (!cards) throw new Error(`${src}: not a list of cards`);
				for (const card of cards) {
					const element = this.#predictionElement(card);
					if (element) this.#predictions.set(card.id, { card, element });
				}
				this.#predictionsState = 'loaded';
				this.#addPredictionsToDeck();
			})
			.catch(() => (this.#predictionsState = 'failed'))
			// Said on the element, for what waits for the cards (the tests).
			.finally(() => (this.dataset['predictionsState'] = this.#predictionsState));
	}

	/**
	 * A prediction card's element: made of its question's card's parts (clones keep the page's scoped
	 * styles), with the example's code in place of the answer. None when this page does not hold the
	 * example as the card was made from it (a deploy since the page was loaded changed it).
	 */
	#predictionElement(card: PredictionCard): HTMLLIElement | undefined {
		const question = this.#cards.get(questionOf(card.id));
		const code = question?.querySelector(`sg-example[data-predict="${card.id}"] pre`);
		if (!question || !code || code.textContent !== card.code) return undefined;
		// Shallow clones, then only the parts the card keeps: the answer, long, is never copied.
		const shallow = <T extends Element>(selector: string) => question.querySelector(selector)!.cloneNode(false) as T;
		const element = question.cloneNode(false) as HTMLLIElement;
		element.hidden = true;
		element.removeAttribute('data-slug');
		element.id = `card-${card.id.replace('#', '-')}`;
		element.dataset['prediction'] = card.id;
		const sourceTitle = question.querySelector('h2')!;
		const title = shallow<HTMLHeadingElement>('h2');
		title.id = `p-${card.id.replace('#', '-')}`;
		title.append(sourceTitle.querySelector('.number')!.cloneNode(true), ' What does this print?');
		const article = shallow<HTMLElement>('article');
		article.setAttribute('aria-labelledby', title.id);
		// The question's title as its card shows it (code in it stays code).
		const link = shallow<HTMLAnchorElement>('.meta a');
		link.append(...[...sourceTitle.childNodes].map((node) => node.cloneNode(true)));
		const meta = shallow<HTMLParagraphElement>('.meta');
		meta.append('An example from ', link);
		const grades = question.querySelector('.grades')!.cloneNode(true) as HTMLElement;
		article.append(title, meta, code.cloneNode(true), grades);
		element.append(article);
		for (const button of element.querySelectorAll<HTMLButtonElement>('[data-grade]')) {
			button.addEventListener('click', () => this.#grade(card.id, button.dataset['grade'] as Grade));
		}
		this.#q('.cards').append(element);
		return element;
	}

	/** The deck's questions with their due prediction cards (in the due mode, when they are studied). */
	#withPredictions(keys: readonly string[]): string[] {
		const slugs = keys.filter((key) => !this.#predictions.has(key));
		if (this.#mode !== 'due' || this.#settings.predictions === false || this.#predictions.size === 0) return slugs;
		return withPredictionCards(slugs, [...this.#predictions.keys()], this.#progress, browserClock());
	}

	/**
	 * Whether nothing was done with the deck yet (its first card, closed, nothing graded): it may be
	 * built again as data arrives. A first card a link asked for (?q=) stays first.
	 */
	#untouched(): boolean {
		const current = this.#current();
		return this.#index === 0 && !this.#askedFirst && this.#session.length === 0 && this.#predicted.size === 0 && !(current && this.#isOpen(current));
	}

	/** Puts the due prediction cards into the deck: after the card shown, or everywhere if the deck is untouched. */
	#addPredictionsToDeck() {
		if (this.#ended || this.#mode !== 'due') return;
		const untouched = this.#untouched();
		const kept = untouched ? 0 : this.#index + 1;
		const deck = [...this.#deck.slice(0, kept), ...this.#withPredictions(this.#deck.slice(kept))];
		if (deck.length === this.#deck.length) return;
		this.#deck = deck;
		if (untouched) {
			// The first card may now be another: the focus follows it if it was on the one replaced.
			const focused = this.contains(document.activeElement) && document.activeElement?.closest('li.card') !== null;
			this.#show(focused);
		} else {
			this.#q<HTMLButtonElement>('[data-next]').disabled = this.#index >= this.#deck.length - 1;
			this.#renderPosition();
		}
	}

	#setUpSettings() {
		const limit = this.#q<HTMLInputElement>('[data-new-per-day]');
		const interview = this.#q<HTMLInputElement>('[data-interview]');
		const clear = this.#q<HTMLButtonElement>('[data-clear-interview]');
		const minutes = this.#q<HTMLInputElement>('[data-minutes]');
		const predictions = this.#q<HTMLInputElement>('[data-predictions]');
		interview.min = dayOf(new Date(), -new Date().getTimezoneOffset());
		const show = () => {
			limit.value = String(this.#settings.newPerDay);
			interview.value = this.#settings.interview ?? '';
			clear.hidden = !this.#settings.interview;
			minutes.value = this.#settings.minutes === undefined ? '' : String(this.#settings.minutes);
			predictions.checked = this.#settings.predictions !== false;
		};
		show();
		const apply = (change: Partial<Settings>) => {
			this.#settings = updateSettings(change, this.#settings).settings;
			show();
			if (this.#mode === 'due') this.#build();
			else this.#render();
		};
		// Another tab changed them: this page shows and counts with them, and its session goes on.
		addEventListener('storage', (event) => {
			if (event.key !== SETTINGS_KEY) return;
			this.#settings = readSettings(this.#settings);
			show();
			this.#loadPredictions();
			this.#extendDeck();
			this.#render();
		});
		const commitLimit = (): boolean => {
			const n = limit.valueAsNumber;
			const valid = Number.isInteger(n) && n >= 0 && n <= Number(limit.max);
			// A value that is not a limit is said so on the field, and the limit in use stays.
			limit.setCustomValidity(valid ? '' : `Enter a whole number from 0 to ${limit.max}; the limit stays ${this.#settings.newPerDay}.`);
			if (!valid) limit.reportValidity();
			else if (n !== this.#settings.newPerDay) apply({ newPerDay: n });
			return valid;
		};
		const commitInterview = () => {
			const day = interview.value || null;
			if (day === this.#settings.interview) return;
			// The date raises the daily count to what sees every question before the day (the field shows
			// it); never lowers the reader's own, and never from a count of one section alone.
			const pace = day && this.#guideState === 'known' ? interviewPace(this.#progress, this.#guide, day, browserClock()) : null;
			const newPerDay = Math.max(this.#settings.newPerDay, Math.min(pace?.newPerDay ?? 0, Number(limit.max)));
			apply({ interview: day, newPerDay });
		};
		const commitMinutes = (): boolean => {
			// A number field holds '' for text that is no number (badInput): that is not "no minutes".
			const empty = minutes.value.trim() === '' && !minutes.validity.badInput;
			const n = minutes.valueAsNumber;
			const valid = empty || (Number.isInteger(n) && n >= MINUTES_RANGE.min && n <= MINUTES_RANGE.max);
			// Said on the field, as for the limit: the minutes in use stay.
			const kept = this.#settings.minutes === undefined ? 'no plan by minutes is made' : `${this.#settings.minutes} stay`;
			minutes.setCustomValidity(valid ? '' : `Enter whole minutes from ${MINUTES_RANGE.min} to ${MINUTES_RANGE.max}, or nothing; ${kept}.`);
			if (!valid) minutes.reportValidity();
			else if ((empty ? undefined : n) !== this.#settings.minutes) apply({ minutes: empty ? undefined : n });
			return valid;
		};
		// Off: a deck is built again without them; on: they are loaded, if they never were, and come in.
		predictions.addEventListener('change', () => {
			apply({ predictions: predictions.checked ? undefined : false });
			this.#loadPredictions();
		});
		limit.addEventListener('change', commitLimit);
		interview.addEventListener('change', commitInterview);
		minutes.addEventListener('change', commitMinutes);
		// Enter in a setting: done. The menu closes and the card has the focus again.
		for (const field of [limit, interview, minutes]) {
			field.addEventListener('keydown', (event) => {
				if (event.key !== 'Enter') return;
				event.preventDefault();
				if (!commitLimit() || !commitMinutes()) return;
				commitInterview();
				this.#q<HTMLDetailsElement>('details.more').open = false;
				this.#focusCard();
			});
		}
		clear.addEventListener('click', () => {
			interview.value = '';
			apply({ interview: null });
			interview.focus();
		});
	}

	/** "Learn 10 more": today's limit grows by that many (for today only), and a deck of them starts. */
	#learnMore(count: number) {
		const clock = browserClock();
		const today = dayOf(clock.now, clock.offset);
		const stored = readSettings(this.#settings);
		const before = stored.extra?.day === today ? stored.extra.count : 0;
		this.#settings = updateSettings({ extra: { day: today, count: before + count } }, this.#settings).settings;
		this.#start('due');
	}

	/** "More" closes as a menu does: on Escape (focus back on its button) and on a click elsewhere. */
	#setUpMenu() {
		const more = this.#q<HTMLDetailsElement>('details.more');
		more.addEventListener('keydown', (event) => {
			if (event.key !== 'Escape' || !more.open) return;
			more.open = false;
			more.querySelector<HTMLElement>('summary')!.focus();
		});
		document.addEventListener('click', (event) => {
			if (more.open && event.target instanceof Node && !more.contains(event.target)) more.open = false;
		});
	}

	#setUpReset() {
		const dialog = this.#q<HTMLDialogElement>('[data-reset-dialog]');
		const message = this.#q('[data-reset-message]');
		this.#q('[data-reset]').addEventListener('click', () => {
			const cost = resetCost(this.#progress, this.#scopeForReset());
			const nothing = cost.questions === 0 && cost.grades === 0;
			this.#q('[data-reset-cost]').textContent = nothing
				? `There is no progress to forget in ${this.dataset['scope']}.`
				: `This forgets the schedule of ${plural(cost.questions, 'question')} and all ${plural(cost.grades, 'grade')} you gave them in ${this.dataset['scope']}. It cannot be undone.`;
			this.#q<HTMLButtonElement>('[data-confirm-reset]').disabled = nothing;
			message.textContent = '';
			this.#q<HTMLDetailsElement>('details.more').open = false;
			dialog.showModal();
		});
		this.#q('[data-export]').addEventListener('click', () => {
			downloadProgress(this.#store.progress);
			message.textContent = 'Progress exported as study-progress.json.';
		});
		dialog.addEventListener('close', () => {
			if (dialog.returnValue === 'reset') {
				const slugs = this.#scopeForReset();
				this.#store.update((progress) => resetProgress(progress, slugs));
						this.#build();
			}
			dialog.returnValue = '';
			this.#focusCard();
		});
	}

	/** Tells the reader, once, that stored progress could not be read in full and was kept aside. */
	#showKeptAside() {
		const kept = this.#store.keptAside;
		if (!kept) return;
		const note = this.#q('[data-kept-aside]');
		const count = kept.problems.length;
		const first = kept.problems[0]!.replace(/\.$/, '');
		note.querySelector('span')!.textContent =
			`Part of your saved progress could not be read (${count === 1 ? first : `${count} entries; the first: ${first}`}). ` +
			'Every grade that could be read is kept, and the saved text is kept aside unchanged.';
		note.querySelector('button')!.addEventListener('click', () => downloadText(kept.backup.text, 'study-progress-unreadable.json'));
		note.hidden = false;
	}

	/** The questions a reset forgets: the section's, or on /study/ everything (undefined). */
	#scopeForReset(): string[] | undefined {
		return this.dataset['wholeGuide'] === undefined ? this.#slugs : undefined;
	}

	#newPerDay(clock: Clock) {
		return newLimitToday(this.#settings, this.#progress, this.#guide, clock);
	}

	#plan(clock: Clock): InterviewPlan | null {
		return this.#settings.interview ? planInterview(this.#progress, this.#guide, this.#settings.interview, this.#settings.newPerDay, clock) : null;
	}

	/**
	 * Today's interview-day plan for the whole guide, or null: without a date and minutes a day, or
	 * while the whole guide's list is not in (a plan from one section would be another plan).
	 */
	#dayPlan(clock: Clock): DayPlan | null {
		if (this.#guideState !== 'known') return null;
		// Asked several times a render (the deck, the counts, the end): planned once for this
		// progress, these settings and this minute (the reader's pace, read from the whole log, too).
		const key = [Math.floor(clock.now.getTime() / 60_000), this.#settings.interview, this.#settings.minutes, this.#guide.length].join('|');
		const memo = this.#dayPlanMemo;
		if (memo?.progress === this.#progress && memo.key === key) return memo.plan;
		const options = planOptions(this.#settings, this.#progress, clock);
		const plan = options && planDay(this.#progress, this.#guide, options);
		this.#dayPlanMemo = { progress: this.#progress, key, plan };
		return plan;
	}

	#dayPlanMemo: { progress: Progress; key: string; plan: DayPlan | null } | undefined;

	/** The deck for a mode: with an interview-day plan, what is due is today's plan (this page's part of it). */
	#queue(mode: Mode, slugs = this.#slugs, clock = browserClock()) {
		const day = mode === 'due' ? this.#dayPlan(clock) : null;
		if (day) {
			const here = new Set(slugs);
			const chosen = day.slugs.filter((slug) => here.has(slug));
			const fresh = chosen.filter((slug) => !this.#progress.cards[slug]).length;
			return { slugs: chosen, due: chosen.length - fresh, fresh, newLeft: 0 };
		}
		return buildQueue(this.#progress, slugs, mode, { clock, newPerDay: this.#newPerDay(clock), ...this.#order });
	}

	/** Starts a new deck in `mode`, chosen with a control: the card (or the end) then has the focus. */
	#start(mode: Mode) {
		this.#mode = mode;
		this.#build();
		this.#focusCard();
	}

	/** Builds the deck for the mode and order, and shows its first card. */
	#build() {
		for (const button of this.querySelectorAll<HTMLButtonElement>('[data-mode]')) {
			button.setAttribute('aria-pressed', String(button.dataset['mode'] === this.#mode));
		}
		this.#deck = this.#withPredictions(this.#queue(this.#mode).slugs);
		const first = this.#startWith;
		this.#startWith = undefined;
		if (first) this.#deck = [first, ...this.#deck.filter((slug) => slug !== first)];
		this.#askedFirst = first !== undefined;
		this.#index = 0;
		this.#session = [];
		this.#predicted.clear();
		this.#predictionForms.clear();
		this.#cameBack.clear();
		this.#ended = false;
		this.#show(false);
		this.#render();
	}

	#current(): HTMLLIElement | undefined {
		if (this.#ended) return undefined;
		const key = this.#deck[this.#index]!;
		return this.#cards.get(key) ?? this.#predictions.get(key)?.element;
	}

	#show(focus: boolean) {
		const current = this.#current();
		for (const card of this.#cards.values()) card.hidden = card !== current;
		for (const { element } of this.#predictions.values()) element.hidden = element !== current;
		const empty = this.#deck.length === 0;
		this.#q('.session').hidden = empty;
		this.#q('.steps').hidden = empty || this.#ended;
		if (!current) {
			this.#showEnd();
			if (focus) this.#focusCard();
			return;
		}
		this.#q('.end').hidden = true;
		this.#setAnswer(current, false);
		this.#q<HTMLButtonElement>('[data-prev]').disabled = this.#index <= 0;
		this.#q<HTMLButtonElement>('[data-next]').disabled = this.#index >= this.#deck.length - 1;
		this.#renderPosition();
		if (focus) this.#focusCard();
	}

	#renderPosition() {
		const bar = this.#q<HTMLProgressElement>('.session progress');
		bar.max = Math.max(this.#deck.length, 1);
		bar.value = this.#ended ? this.#deck.length : this.#index;
		const what = { due: 'due now', all: '', missed: 'to review' }[this.#mode];
		// The deck counts its prediction cards; the Due now button, questions: the line says both.
		const outputs = this.#deck.filter((key) => this.#predictions.has(key)).length;
		const parts = outputs ? ` (${plural(this.#deck.length - outputs, 'question')}, ${plural(outputs, 'output')} to predict)` : '';
		this.#q('[data-position]').textContent = this.#ended
			? `${this.#deck.length} of ${this.#deck.length} done`
			: `${this.#index + 1} of ${this.#deck.length}${what ? ` ${what}` : ''}${parts}`;
	}

	/** Focus goes back to the card (or the end of the session) after any control, so Space shows the answer. */
	#focusCard() {
		const target = this.#current()?.querySelector<HTMLElement>('h2') ?? this.#q('[data-end-title]');
		target.focus({ preventScroll: true });
		// Focus alone scrolls only what is off screen: a title under the sticky header counts as shown.
		// Its scroll margin (Study.astro) keeps it below the header.
		const top = target.getBoundingClientRect().top;
		const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
		if (top < header || top > innerHeight / 2) target.scrollIntoView({ block: 'start' });
	}

	#setAnswer(card: HTMLLIElement, open: boolean) {
		if (card.dataset['prediction']) return this.#showPrediction(card);
		const button = card.querySelector<HTMLButtonElement>('.reveal')!;
		button.hidden = false;
		button.setAttribute('aria-expanded', String(open));
		button.firstChild!.textContent = open ? 'Hide answer ' : 'Show answer ';
		card.querySelector<HTMLElement>('.answer')!.hidden = !open;
		card.querySelector<HTMLElement>('.grades')!.hidden = !open;
		if (open) this.#showIntervals(card.querySelector('.grades')!, this.#progress.cards[card.dataset['slug']!]);
	}

	/** What each grade would do to `state`, worked out now (the reader may have left the card open a while). */
	#showIntervals(grades: Element, state: CardState | undefined) {
		const now = new Date();
		const outcomes = preview(state, now);
		for (const button of grades.querySelectorAll<HTMLButtonElement>('[data-grade]')) {
			button.querySelector('[data-interval]')!.textContent = formatInterval(now, new Date(outcomes[button.dataset['grade'] as Grade].due));
		}
	}

	#isOpen(card: HTMLLIElement) {
		const id = card.dataset['prediction'];
		if (id) return this.#predictionForms.get(id)?.checked ?? false;
		return card.querySelector('.reveal')!.getAttribute('aria-expanded') === 'true';
	}

	#toggleAnswer(card: HTMLLIElement) {
		const id = card.dataset['prediction'];
		// A prediction card's "answer" is its check: Space or Enter checks what is chosen or typed.
		if (id) this.#predictionForms.get(id)?.form.requestSubmit();
		else this.#setAnswer(card, !this.#isOpen(card));
	}

	/**
	 * A prediction card as this deck left it: a fresh form the first time it is shown, the grades
	 * once the prediction is checked against the output (proven by running it at build time).
	 */
	#showPrediction(element: HTMLLIElement) {
		const id = element.dataset['prediction']!;
		const { card } = this.#predictions.get(id)!;
		const grades = element.querySelector<HTMLElement>('.grades')!;
		const known = this.#predictionForms.get(id);
		if (known) {
			if (known.checked) this.#showIntervals(grades, this.#progress.predictions.cards[id]);
			return;
		}
		const made = predictionForm(card, {
			submitLabel: 'Check',
			titled: false,
			// Another order of the choices at each review.
			round: this.#progress.predictions.cards[id]?.reps ?? 0,
			onSubmit: () => {
				made.check(card.answer);
				shown.checked = true;
				grades.hidden = false;
				this.#showIntervals(grades, this.#progress.predictions.cards[id]);
				// Check is disabled now: the card has the focus, so 1-4 grade.
				this.#focusCard();
			},
		});
		const shown = Object.assign(made, { checked: false });
		this.#predictionForms.set(id, shown);
		element.querySelector('form.predict')?.remove();
		grades.before(made.form);
		grades.hidden = true;
	}

	/** Grades the card shown: a question (`slug`), or a prediction card (its id). */
	#grade(key: string, grade: Grade) {
		const at = new Date();
		const predicted = this.#predictions.has(key);
		if (predicted) {
			this.#store.update((progress) => applyPredictionGrade(progress, key, grade, at));
			this.#predicted.add(key);
		} else {
			this.#store.update((progress) => applyGrade(progress, key, grade, at));
			this.#session.push({ slug: key, grade, at: at.toISOString() });
		}
		// Missed (Again, or Hard while learning): FSRS brings it back in minutes (a learning step), so it
		// comes back at the end of this deck, even past midnight; a prediction card is asked afresh.
		const { cards, predictions } = this.#store.progress;
		const phase = (predicted ? predictions.cards[key] : cards[key])?.state;
		if ((phase === 'learning' || phase === 'relearning') && !this.#deck.slice(this.#index + 1).includes(key)) {
			this.#deck.push(key);
			if (predicted) this.#predictionForms.delete(key);
			else this.#cameBack.add(key);
		}
		if (this.#index < this.#deck.length - 1) this.#move(1);
		else {
			this.#ended = true;
			this.#show(true);
		}
		this.#render();
	}

	#move(step: number) {
		const next = this.#index + step;
		if (this.#ended || next < 0 || next >= this.#deck.length) return;
		this.#index = next;
		this.#show(true);
	}

	/** The end of a session, or an empty deck: what was done, what is due next, and next steps. */
	#showEnd() {
		const clock = browserClock();
		const end = this.#q('.end');
		end.hidden = false;
		this.#renderPosition();
		const scope = this.dataset['scope']!;
		// A question that came back after a miss counts once, by its first grade: what the reader knew.
		const firsts = new Map<string, Review>();
		for (const review of this.#session) if (!firsts.has(review.slug)) firsts.set(review.slug, review);
		const graded = firsts.size;
		const counts = countGrades([...firsts.values()]);
		const cameBack = [...this.#cameBack].filter((slug) => this.#session.filter((review) => review.slug === slug).length > 1).length;
		const predicted = this.#predicted.size ? `${plural(this.#predicted.size, 'output')} predicted` : '';
		this.#q('[data-end-title]').textContent = graded
			? `Session done: ${plural(graded, 'question')} graded${predicted && ` and ${predicted}`}`
			: predicted
				? `Session done: ${predicted}`
				: this.#mode === 'missed'
				? `Nothing to review in ${scope}: no question here was last graded Again or Hard`
				: this.#mode === 'due'
					? `Nothing due now in ${scope}`
					: `No questions in ${scope}`;
		this.#q('[data-end-counts]').hidden = graded === 0;
		for (const grade of GRADES) this.#q(`[data-end-count="${grade}"]`).textContent = String(counts[grade]);
		const today = dayOf(clock.now, clock.offset);
		const dueNow = this.#queue('due', this.#slugs, clock);
		const next = nextDue(this.#progress, this.#slugs, clock);
		const parts: string[] = [];
		if (cameBack) parts.push(`${plural(cameBack, 'missed question')} came back in this session.`);
		if (dueNow.slugs.length) parts.push(`Still due now in ${scope}: ${dueNow.slugs.length}.`);
		if (next) parts.push(`Next: ${plural(next.count, 'question')} due ${relativeDay(today, next.day)}, ${longDay(next.day)}.`);
		else if (!dueNow.slugs.length) parts.push(`Nothing else in ${scope} is scheduled yet.`);
		const unseen = this.#slugs.filter((slug) => !this.#progress.cards[slug]).length;
		const more = Math.min(this.#settings.newPerDay || DEFAULT_NEW_PER_DAY, unseen);
		const learnMore = this.#q<HTMLButtonElement>('[data-learn-more]');
		const planned = this.#dayPlan(clock) !== null;
		// The plan has spent today's minutes: more today would be study the plan did not choose.
		if (planned && dueNow.slugs.length === 0)
			parts.push(this.#scopeForReset() ? `Nothing more of today’s plan is in ${scope}.` : 'Today’s plan is done: the next day’s questions come tomorrow.');
		learnMore.hidden = planned || dueNow.slugs.length > 0 || dueNow.newLeft > 0 || more === 0;
		if (!learnMore.hidden) {
			parts.push(`You have reached today’s limit of ${plural(this.#newPerDay(clock), 'new question')}.`);
			learnMore.textContent = `Learn ${more} more`;
			learnMore.dataset['count'] = String(more);
		}
		this.#q('[data-end-next]').textContent = parts.join(' ');
	}

	/** Counts, marks and messages that follow the progress (also when another tab changes it). */
	#render() {
		const mode = this.#q('[data-store-mode]');
		mode.textContent = describeMode(this.#store.mode) ?? '';
		mode.hidden = !mode.textContent;
		const clock = browserClock();
		const today = dayOf(clock.now, clock.offset);
		const plan = this.#plan(clock);
		const due = this.#queue('due', this.#slugs, clock);
		const missed = missedSlugs(this.#progress, this.#slugs);
		this.#q('[data-count="due"]').textContent = String(due.slugs.length);
		this.#q('[data-count="missed"]').textContent = String(missed.length);
		const missedStep = this.#q<HTMLButtonElement>('[data-step="missed"]');
		missedStep.hidden = missed.length === 0;
		missedStep.textContent = `Review what I missed (${missed.length})`;
		// What the whole guide has due today (this section's, while its list is not in): the next step's count and the interview's.
		const dayPlan = this.#dayPlan(clock);
		const guideDue = dayPlan ? dayPlan.slugs.length : toStudyToday(this.#settings, this.#progress, this.#guide, clock);
		const guideStep = this.querySelector<HTMLElement>('[data-step="due"], [data-step-guide]');
		if (guideStep) {
			const known = this.#guideState === 'known';
			guideStep.textContent = `Study the due cards of the whole guide${known ? ` (${guideDue})` : ''}`;
			// On /study/ itself the step restarts this page's queue: pointless with nothing due.
			guideStep.hidden = guideStep.dataset['step'] === 'due' && known && guideDue === 0;
		}
		const started = this.#slugs.filter((slug) => this.#progress.cards[slug]).length;
		const last = lastGrades(this.#progress);
		// How each question here was last graded: what a reader checks after a reload or an import.
		const lastCounts = countGrades(this.#slugs.flatMap((slug) => (last.has(slug) ? [{ grade: last.get(slug)! }] : [])));
		const seen = `${started} of ${this.#slugs.length} seen (${GRADES.map((grade) => `${GRADE_NAMES[grade]} ${lastCounts[grade]}`).join(', ')})`;
		this.#q('[data-status]').textContent = dayPlan
			? `${plural(due.due, 'review')} and ${plural(due.fresh, 'new question')} left in today’s plan${this.#scopeForReset() ? ' here' : ''} · ${seen}`
			: `${plural(due.due, 'review')} and ${plural(due.fresh, 'new question')} due now · ` +
				`${due.newLeft} of ${this.#newPerDay(clock)} new questions left today (whole guide${plan && this.#guideState === 'failed' ? '; the plan counts this section only' : ''}) · ${seen}`;
		const planText = this.#q('[data-plan]');
		planText.dataset['hint'] ??= planText.textContent ?? '';
		this.#q('[data-plan-chart]').hidden = true;
		if (!dayPlan) clearTimeout(this.#forecastPending);
		if (!this.#settings.interview) planText.textContent = planText.dataset['hint'];
		else if (dayPlan) {
			const left = dayPlan.slugs.length;
			planText.textContent =
				`Interview ${relativeDay(today, this.#settings.interview)}, on ${longDay(this.#settings.interview)} · ` +
				(left === 0
					? 'today’s plan is done. '
					: `today’s plan: ${plural(left, 'question')}, about ${plural(dayPlan.minutes, 'minute')}${dayPlan.finalPass ? ', in the final pass (each question’s last review before the day)' : ''}. `);
			this.#showForecast(clock);
		} else {
			const day = longDay(this.#settings.interview);
			const countdown = plan && `Interview ${relativeDay(today, plan.interview)}, on ${day} · ${guideDue} to study today.`;
			planText.textContent =
				this.#guideState === 'loading'
					? `Interview on ${day}: counting the whole guide…`
					: !plan
						? `Your interview date, ${day}, is today or past: new questions follow the daily limit.`
						: plan.unseen === 0
							? `${countdown} You have seen every question; about ${plural(plan.average, 'review')} a day until then.`
							: `${countdown} ${plural(plan.newPerDay, 'new question')} a day see all ${this.#guide.length} before it; with their reviews, about ${plan.average} a day (${plan.peak} on the busiest day).`;
			if (this.#guideState === 'failed')
				planText.textContent += this.#settings.minutes
					? ' Your minutes a day plan the whole guide, whose list could not be loaded: this section follows the date’s pace instead.'
					: ' This counts this section only: the whole guide’s list could not be loaded.';
		}
		for (const [slug, card] of this.#cards) {
			const state = this.#progress.cards[slug];
			const grade = last.get(slug);
			card.querySelector('[data-mark]')!.textContent = state
				? `Last graded ${grade ? GRADE_NAMES[grade] : ''}, due ${relativeDay(today, dayOf(new Date(state.due), clock.offset))}`
				: 'New';
		}
		if (this.#ended) this.#showEnd();
	}

	/** The last forecast, and what it was made from: it is made again only when that changes. */
	#forecast: { progress: Progress; key: string; projection: Projection | null } | undefined;
	#forecastPending: ReturnType<typeof setTimeout> | undefined;
	/** The worker that makes forecasts (null: it cannot be had), and the number of the last one asked (older answers are dropped). */
	#forecaster: Worker | null | undefined;
	#forecastAsked = 0;

	/**
	 * Predicted recall on the interview day, now and following the plan, and the days ahead as a
	 * chart. Projecting every day to the interview takes a moment (a tenth of a second for two months
	 * on a desktop, more for a year or on a phone): a worker makes it, and it is kept until the
	 * progress changes.
	 */
	#showForecast(clock: Clock) {
		clearTimeout(this.#forecastPending);
		const options = planOptions(this.#settings, this.#progress, clock);
		if (!options) return;
		const key = [dayOf(clock.now, clock.offset), options.interview, options.minutes, this.#guide.length].join('|');
		const last = this.#forecast;
		// The last forecast for this date and these minutes stays shown while the next is made: no
		// flicker at each grade.
		if (last?.key === key) this.#drawForecast(last.projection, options.interview);
		if (last?.key === key && last.progress === this.#progress) return;
		const progress = this.#progress;
		const guide = this.#guide;
		const id = ++this.#forecastAsked;
		const settle = (projection: Projection | null) => {
			if (id !== this.#forecastAsked) return;
			this.#forecast = { progress, key, projection };
			this.#render();
		};
		// Here, after the page has answered, if the worker cannot be had (an old browser, a blocked script).
		const here = () => {
			this.#forecaster = null;
			this.#forecastPending = setTimeout(() => settle(planDays(progress, guide, options)), 50);
		};
		if (this.#forecaster === null) return here();
		try {
			this.#forecaster ??= new Worker(new URL('./forecast.worker.ts', import.meta.url), { type: 'module', name: 'Interview-day forecast' });
		} catch {
			return here();
		}
		const worker = this.#forecaster;
		worker.onmessage = ({ data }: MessageEvent<ForecastAnswer>) => {
			if (data.id === id) settle(data.projection);
		};
		worker.onerror = (event) => {
			event.preventDefault();
			worker.terminate();
			if (this.#forecaster === worker && id === this.#forecastAsked) here();
		};
		const request: ForecastRequest = { id, progress, guide, options };
		worker.postMessage(request);
	}

	#drawForecast(projection: Projection | null, interview: string) {
		if (!projection) return;
		const percent = (recall: number) => `${Math.round(recall * 100)}%`;
		this.#q('[data-plan]').append(
			`If you stopped now, you would recall about ${percent(projection.recallIfIdle)} of the guide on the day; following the plan, about ${percent(projection.recallIfFollowed)}.`,
		);
		// Each day's bar: recall on the interview day once the plan is followed through that day.
		const days = projection.days.slice(0, MAX_CHART_DAYS);
		const hidden = (text: string) => {
			const span = document.createElement('span');
			span.className = 'sr-only';
			span.textContent = text;
			return span;
		};
		const items = days.map((day) => {
			const item = document.createElement('li');
			const bar = document.createElement('span');
			bar.className = 'recall';
			// CSSOM, which the page's policy allows (not a style attribute).
			bar.style.blockSize = `${day.recall * 100}%`;
			const count = day.reviews + day.fresh;
			item.append(hidden(`${longDay(day.day)}: ${plural(count, 'question')} (${day.fresh} new), then about ${percent(day.recall)} on the day`), bar);
			return item;
		});
		const dayOfInterview = document.createElement('li');
		dayOfInterview.className = 'day-of';
		dayOfInterview.append(hidden(`Interview, ${longDay(interview)}: about `), percent(projection.recallIfFollowed), hidden(' recalled following the plan'));
		// A date further off than the chart shows: its first days, without the interview's column.
		const cut = days.length < projection.days.length;
		this.#q('[data-plan-days]').replaceChildren(...items, ...(cut ? [] : [dayOfInterview]));
		this.#q('[data-plan-end]').textContent = cut ? `in ${days.length} days` : 'the interview';
		this.#q('[data-plan-caption]').textContent =
			`What you would recall on ${longDay(interview)}, day by day as you follow the plan` + (cut ? ` (the next ${days.length} days).` : ', and on the day.');
		this.#q('[data-plan-chart]').hidden = false;
	}

	#onKey(event: KeyboardEvent) {
		if (event.ctrlKey || event.metaKey || event.altKey || isField(event.target)) return;
		if (document.querySelector('dialog[open]')) return; // a dialog (search, reset) has the keyboard
		const card = this.#current();
		if (!card) return;
		if ((event.key === ' ' || event.key === 'Enter') && !isControl(event.target)) {
			event.preventDefault();
			this.#toggleAnswer(card);
		} else if (['1', '2', '3', '4'].includes(event.key) && this.#isOpen(card)) {
			this.#grade(card.dataset['prediction'] ?? card.dataset['slug']!, GRADES[Number(event.key) - 1]!);
		} else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
			if (isControl(event.target) && event.target instanceof HTMLSelectElement) return;
			event.preventDefault();
			this.#move(event.key === 'ArrowRight' ? 1 : -1);
		}
	}
}
