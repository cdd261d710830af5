// The mock interview's behaviour (markup: MockInterview.astro): the reader sets it up, answers each
// question alone against a countdown (pausable; "I'm done" ends it early), optionally recorded or
// with notes, then ticks the key points the answer made and says how sure they were. Each answer's
// grade (rules.ts, gradeOf) goes into the study progress as a review would; the summary shows what
// was missed. Recordings stay in this page's memory: never stored, never uploaded, deletable.
import { dayOf, longDay } from '../study/days.ts';
import { applyGrade, recordMock } from '../study/rules.ts';
import { dueSlugs, isMissed, missedSlugs } from '../study/queue.ts';
import { GRADE_NAMES, type Grade, type Mock } from '../study/record.ts';
import { formatInterval } from '../study/schedule.ts';
import { describeMode, progressStore } from '../study/study-store.ts';
import { clockText, drawInterview, gradeOf, type Confidence, type ConfusableGroup } from './rules.ts';

interface MockQuestion {
	slug: string;
	number: number;
	section: string;
	/** The question and its key points as HTML, rendered by the build from the content. */
	title: string;
	href: string;
	points: string[];
}

interface MockData {
	questions: MockQuestion[];
	sections: { id: string; title: string }[];
	groups: ConfusableGroup[];
	study: string;
}

interface Answer {
	question: MockQuestion;
	/** Asked a second time, after a confident miss earlier in the interview. */
	again: boolean;
	/** Milliseconds the answer took, pauses left out. */
	took: number;
	made: boolean[];
	confidence: Confidence;
	grade: Grade;
	confidentMiss: boolean;
	/** When the question is due again, after this grade. */
	due: Date;
	notes: string;
	/** The answer's recording (an object URL of this page), if one was made and kept. */
	recording: string | undefined;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const ONE_MINUTE = 60_000;
/** "Monday 7 December", in the reader's time zone. */
const dayName = (date: Date) => longDay(dayOf(date, -date.getTimezoneOffset()));

class SgMockInterview extends HTMLElement {
	#data!: MockData;
	#store = progressStore();
	#plan: MockQuestion[] = [];
	/** Which places of the plan ask a question again (after a confident miss). */
	#askedAgain = new Set<number>();
	/** When the interview began: its key in the history. */
	#began = '';
	/** The topics two of the interview's questions were drawn from (HTML), named in the summary. */
	#interleaved: string[] = [];
	#index = 0;
	#answers: Answer[] = [];
	#startedAt = 0;
	/** The countdown: its length, the time run while not paused, and when it last started running. */
	#limit = 3 * ONE_MINUTE;
	#run = 0;
	#since: number | undefined;
	#ticker: ReturnType<typeof setInterval> | undefined;
	#warned = false;
	#stream: MediaStream | undefined;
	#recorder: MediaRecorder | undefined;
	#recorded: Promise<string | undefined> | undefined;
	/** The answer being checked: its notes and recording, kept with its grade when saved. */
	#pendingNotes = '';
	#pendingRecording: string | undefined;

	#q<T extends HTMLElement = HTMLElement>(selector: string): T {
		return this.querySelector<T>(selector)!;
	}

	get #form() {
		return this.#q<HTMLFormElement>('[data-setup]');
	}

	connectedCallback() {
		// A guide without key points has nothing to ask: the page says so instead (MockInterview.astro).
		if (this.hidden) return;
		this.#data = JSON.parse(this.#q('[data-mock-data]').textContent!) as MockData;
		this.#q('[data-no-script]').remove();
		const form = this.#form;
		form.hidden = false;
		form.addEventListener('change', () => this.#showSetup());
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			void this.#start();
		});
		this.#q('[data-pause]').addEventListener('click', () => this.#togglePause());
		this.#q('[data-done]').addEventListener('click', () => void this.#finish('done'));
		this.#q('[data-next]').addEventListener('click', () => this.#saveAnswer());
		this.#q('[data-again]').addEventListener('click', () => this.#again());
		this.#q('[data-results]').addEventListener('click', (event) => {
			const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-delete-recording]');
			if (button) this.#deleteRecording(Number(button.dataset['deleteRecording']));
		});
		// Notes and recordings live only in this page: leaving it mid-interview, or with recordings, asks first.
		addEventListener('beforeunload', (event) => {
			if (this.#underWay() || this.#answers.some((answer) => answer.recording)) event.preventDefault();
		});
		this.#store.subscribe(() => this.#showSetup());
		document.addEventListener('keydown', (event) => this.#onKey(event));
		this.#showSetup();
	}

	#underWay() {
		return !this.#q('[data-ask]').hidden || !this.#q('[data-check]').hidden;
	}

	/** The questions of the scope the form names, in guide order. */
	#candidates(): MockQuestion[] {
		const form = new FormData(this.#form);
		const all = this.#data.questions;
		switch (form.get('scope')) {
			case 'due': {
				const chosen = this.#dueOrMissed();
				return all.filter((q) => chosen.has(q.slug));
			}
			case 'sections': {
				const chosen = new Set(form.getAll('section'));
				return all.filter((q) => chosen.has(q.section));
			}
			default:
				return all;
		}
	}

	/** The setup's live parts: each length's minutes, what is due, the sections' boxes when they apply. */
	#showSetup() {
		const form = new FormData(this.#form);
		const minutes = Number(form.get('minutes'));
		for (const about of this.querySelectorAll<HTMLElement>('[data-about]')) about.textContent = `(about ${Number(about.dataset['about']) * minutes} minutes)`;
		const scope = form.get('scope');
		const sections = this.#q('[data-sections]');
		sections.hidden = scope !== 'sections';
		for (const box of sections.querySelectorAll('input')) box.disabled = scope !== 'sections';
		this.#q('[data-due-count]').textContent = `(${plural(this.#dueOrMissed().size, 'question')} now)`;
		this.#showHistory();
	}

	/**
	 * Keys, outside text fields: Space ends an answer; in the check, 1 to 6 tick key points, S or U says
	 * how sure, Enter goes on (on a button or link, Enter and Space do what they do there).
	 */
	#onKey(event: KeyboardEvent) {
		if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
		const target = event.target as HTMLElement;
		// Typing (the notes, the search dialog's field) is never a key of the interview.
		if (target.closest('input:not([type="checkbox"], [type="radio"]), textarea, select, [contenteditable], dialog')) return;
		const onControl = target.closest('button, a, summary') !== null;
		if (!this.#q('[data-ask]').hidden) {
			if (event.key === ' ' && !onControl) {
				event.preventDefault();
				void this.#finish('done');
			}
			return;
		}
		if (this.#q('[data-check]').hidden) return;
		const boxes = this.querySelectorAll<HTMLInputElement>('[data-points] input');
		const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : 0;
		if (digit && digit <= boxes.length) {
			event.preventDefault();
			boxes[digit - 1]!.click();
		} else if (event.key === 's' || event.key === 'u') {
			event.preventDefault();
			this.#q<HTMLInputElement>(`[name="confidence"][value="${event.key === 's' ? 'sure' : 'unsure'}"]`).click();
		} else if (event.key === 'Enter' && !onControl) {
			event.preventDefault();
			this.#saveAnswer();
		}
	}

	/** The questions due by the end of today or last graded Again or Hard. */
	#dueOrMissed(): Set<string> {
		const slugs = this.#data.questions.map((q) => q.slug);
		const now = new Date();
		return new Set([...dueSlugs(this.#store.progress, slugs, { now, offset: -now.getTimezoneOffset() }), ...missedSlugs(this.#store.progress, slugs)]);
	}

	async #start() {
		const status = this.#q('[data-setup-status]');
		const form = new FormData(this.#form);
		const count = Number(form.get('count'));
		const candidates = this.#candidates();
		if (form.get('scope') === 'sections' && form.getAll('section').length === 0) {
			status.textContent = 'Choose at least one section.';
			this.#q<HTMLInputElement>('[data-sections] input').focus();
			return;
		}
		if (candidates.length === 0) {
			status.textContent = 'Nothing is due or missed now: choose the whole guide or some sections.';
			return;
		}
		const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
		const draw = drawInterview(candidates, count, seed, this.#data.groups);
		const bySlug = new Map(this.#data.questions.map((q) => [q.slug, q]));
		this.#plan = draw.slugs.map((slug) => bySlug.get(slug)!);
		this.#interleaved = draw.interleaved;
		this.#limit = Number(form.get('minutes')) * ONE_MINUTE;
		this.#answers = [];
		this.#askedAgain = new Set();
		this.#began = new Date().toISOString();
		status.textContent = '';
		const notes: string[] = [];
		if (this.#plan.length < count) notes.push(`That scope has ${plural(this.#plan.length, 'question')}: the interview asks ${this.#plan.length === 1 ? 'it' : 'them all'}.`);
		if (form.get('record') === 'on' && !(await this.#openMicrophone())) {
			notes.push('Recording is off: this browser did not allow the microphone.');
		}
		this.#q('[data-recording]').hidden = true;
		this.#form.hidden = true;
		this.#q('[data-summary]').hidden = true;
		this.#startedAt = Date.now();
		this.#ask(0, notes.join(' '));
	}

	#ask(index: number, note = '') {
		this.#index = index;
		const question = this.#plan[index]!;
		const section = this.#data.sections.find((s) => s.id === question.section)?.title ?? '';
		const again = this.#askedAgain.has(index) ? ' · Asked again: you were sure of it, and missed most of it' : '';
		this.#q('[data-position]').textContent = `Question ${index + 1} of ${this.#plan.length} · ${section}${again}${note ? ` · ${note}` : ''}`;
		this.#q('[data-question]').innerHTML = question.title;
		this.#q<HTMLTextAreaElement>('[data-notes]').value = '';
		this.#q('[data-check]').hidden = true;
		this.#q('[data-ask]').hidden = false;
		this.#q('[data-question]').focus();
		this.#run = 0;
		this.#warned = false;
		this.#q('[data-clock-news]').textContent = `${plural(this.#limit / ONE_MINUTE, 'minute')} to answer.`;
		this.#setPaused(false);
		this.#startRecording();
	}

	// The countdown ------------------------------------------------------------------------------

	#left() {
		return this.#limit - this.#run - (this.#since === undefined ? 0 : performance.now() - this.#since);
	}

	#tick() {
		const left = this.#left();
		const clock = this.#q('[data-clock]');
		clock.textContent = clockText(left);
		clock.toggleAttribute('data-low', left <= ONE_MINUTE);
		if (left <= ONE_MINUTE && !this.#warned && this.#limit > ONE_MINUTE) {
			this.#warned = true;
			this.#q('[data-clock-news]').textContent = 'One minute left.';
		}
		if (left <= 0) void this.#finish('time');
	}

	#setPaused(paused: boolean) {
		const button = this.#q('[data-pause]');
		button.setAttribute('aria-pressed', String(paused));
		button.textContent = paused ? 'Resume' : 'Pause';
		this.#q('[data-clock]').toggleAttribute('data-paused', paused);
		if (paused) {
			this.#stopClock();
			if (this.#recorder?.state === 'recording') this.#recorder.pause();
		} else {
			this.#since = performance.now();
			clearInterval(this.#ticker);
			this.#ticker = setInterval(() => this.#tick(), 250);
			if (this.#recorder?.state === 'paused') this.#recorder.resume();
		}
		this.#tick();
	}

	#togglePause() {
		this.#setPaused(this.#since !== undefined);
	}

	#stopClock() {
		clearInterval(this.#ticker);
		if (this.#since !== undefined) this.#run += performance.now() - this.#since;
		this.#since = undefined;
	}

	// Recording ----------------------------------------------------------------------------------

	async #openMicrophone(): Promise<boolean> {
		if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') return false;
		try {
			this.#stream = await navigator.mediaDevices.getUserMedia({ audio: true });
			return true;
		} catch {
			return false;
		}
	}

	#startRecording() {
		if (!this.#stream) return;
		const chunks: Blob[] = [];
		const recorder = (this.#recorder = new MediaRecorder(this.#stream));
		recorder.addEventListener('dataavailable', (event) => {
			if (event.data.size > 0) chunks.push(event.data);
		});
		this.#recorded = new Promise((resolve) => {
			recorder.addEventListener('stop', () => resolve(chunks.length ? URL.createObjectURL(new Blob(chunks, { type: recorder.mimeType })) : undefined));
		});
		recorder.start();
		const shown = this.#q('[data-recording]');
		shown.textContent = 'Recording your answer (sound only, kept in this page).';
		shown.hidden = false;
	}

	async #stopRecording(): Promise<string | undefined> {
		const recorder = this.#recorder;
		this.#recorder = undefined;
		if (!recorder) return undefined;
		if (recorder.state !== 'inactive') recorder.stop();
		this.#q('[data-recording]').hidden = true;
		return this.#recorded;
	}

	#closeMicrophone() {
		for (const track of this.#stream?.getTracks() ?? []) track.stop();
		this.#stream = undefined;
	}

	// The check ----------------------------------------------------------------------------------

	async #finish(why: 'done' | 'time') {
		if (this.#q('[data-ask]').hidden) return;
		this.#stopClock();
		const question = this.#plan[this.#index]!;
		const notes = this.#q<HTMLTextAreaElement>('[data-notes]').value.trim();
		this.#q('[data-ask]').hidden = true;
		this.#pendingRecording = await this.#stopRecording();
		this.#q('[data-check-position]').textContent = `Question ${this.#index + 1} of ${this.#plan.length}${why === 'time' ? ' · Time is up' : ''}`;
		this.#q('[data-check-question]').innerHTML = question.title;
		const points = this.#q('[data-points]');
		points.replaceChildren(
			...question.points.map((html) => {
				const label = document.createElement('label');
				const box = document.createElement('input');
				box.type = 'checkbox';
				const text = document.createElement('span');
				text.innerHTML = html;
				label.append(box, text);
				return label;
			}),
		);
		for (const radio of this.querySelectorAll<HTMLInputElement>('[name="confidence"]')) radio.checked = false;
		const yours = this.#q('[data-yours]');
		yours.replaceChildren();
		if (notes) {
			const heading = document.createElement('p');
			heading.textContent = 'Your notes:';
			const quote = document.createElement('blockquote');
			quote.textContent = notes;
			yours.append(heading, quote);
		}
		if (this.#pendingRecording) yours.append(this.#audio(this.#pendingRecording, 'Your answer'));
		this.#pendingNotes = notes;
		this.#q<HTMLAnchorElement>('[data-answer-link]').href = question.href;
		this.#q('[data-check-status]').textContent = why === 'time' ? 'Time is up. Tick what your answer made.' : '';
		this.#q('[data-check]').hidden = false;
		this.#q('#mock-check-title').focus();
	}

	#audio(src: string, label: string) {
		const audio = document.createElement('audio');
		audio.controls = true;
		audio.src = src;
		audio.setAttribute('aria-label', label);
		return audio;
	}

	#saveAnswer() {
		const status = this.#q('[data-check-status]');
		const confidence = this.querySelector<HTMLInputElement>('[name="confidence"]:checked')?.value as Confidence | undefined;
		if (!confidence) {
			status.textContent = 'Choose Sure or Unsure first.';
			this.#q<HTMLInputElement>('[name="confidence"]').focus();
			return;
		}
		const question = this.#plan[this.#index]!;
		const made = [...this.querySelectorAll<HTMLInputElement>('[data-points] input')].map((box) => box.checked);
		const { grade, confidentMiss } = gradeOf({ covered: made.filter(Boolean).length, total: made.length, confidence });
		const again = this.#askedAgain.has(this.#index);
		this.#answers.push({ question, again, took: Math.min(this.#run, this.#limit), made, confidence, grade, confidentMiss, due: new Date(), notes: this.#pendingNotes, recording: this.#pendingRecording });
		// The grade and the interview so far, in one write: a reload or another tab loses neither.
		const record: Mock = {
			at: this.#began,
			limit: this.#limit / 1000,
			answers: this.#answers.map((a) => ({
				slug: a.question.slug,
				made: a.made.filter(Boolean).length,
				points: a.made.length,
				confidence: a.confidence,
				grade: a.grade,
				seconds: Math.round(a.took / 1000),
			})),
		};
		this.#store.update((progress) => recordMock(applyGrade(progress, question.slug, grade, new Date()), record));
		this.#answers.at(-1)!.due = new Date(this.#store.progress.cards[question.slug]?.due ?? Date.now());
		this.#pendingRecording = undefined;
		// A confident miss is asked once more at the end, while the interview lasts.
		if (confidentMiss && !again) {
			this.#plan.push(question);
			this.#askedAgain.add(this.#plan.length - 1);
		}
		if (this.#index + 1 < this.#plan.length) this.#ask(this.#index + 1);
		else this.#showSummary();
	}

	// The summary --------------------------------------------------------------------------------

	#showSummary() {
		this.#q('[data-check]').hidden = true;
		this.#closeMicrophone();
		const made = this.#answers.reduce((sum, a) => sum + a.made.filter(Boolean).length, 0);
		const total = this.#answers.reduce((sum, a) => sum + a.made.length, 0);
		const minutes = Math.max(1, Math.round((Date.now() - this.#startedAt) / ONE_MINUTE));
		const misses = this.#answers.filter((a) => a.confidentMiss).length;
		this.#q('[data-summary-total]').textContent =
			`Your answers made ${made} of ${plural(total, 'key point')} (${Math.round((made / total) * 100)}%) in ${plural(this.#answers.length, 'question')}, in about ${plural(minutes, 'minute')}.` +
			(misses ? ` ${plural(misses, 'confident miss', 'confident misses')}: sure of an answer that made under half of its points.` : '') +
			' Each answer is graded in your study progress.';
		const paired = this.#q('[data-summary-paired]');
		paired.innerHTML = this.#interleaved.length ? `Asked close together, because candidates confuse them: ${this.#interleaved.join('; ')}.` : '';
		paired.hidden = this.#interleaved.length === 0;
		const now = new Date();
		// Confident misses first, then the other misses, then the rest, each in the order asked.
		const rank = (a: Answer) => (a.confidentMiss ? 0 : isMissed(a.grade) ? 1 : 2);
		const order = this.#answers.map((answer, i) => ({ answer, i })).sort((a, b) => rank(a.answer) - rank(b.answer) || a.i - b.i);
		this.#q('[data-results]').replaceChildren(...order.map(({ answer, i }) => this.#result(answer, i, now)));
		this.#showNextSteps(now);
		const note = describeMode(this.#store.mode);
		const storeNote = this.#q('[data-store-note]');
		storeNote.textContent = note ?? '';
		storeNote.hidden = note === null;
		this.#q('[data-summary]').hidden = false;
		this.#q('#mock-summary-title').focus();
	}

	#result(answer: Answer, index: number, now: Date): HTMLLIElement {
		const item = document.createElement('li');
		item.dataset['answer'] = String(index);
		const heading = document.createElement('h3');
		const link = document.createElement('a');
		link.href = answer.question.href;
		link.innerHTML = answer.question.title;
		heading.append(link);
		const line = document.createElement('p');
		line.className = 'line';
		const pill = document.createElement('span');
		pill.className = 'pill';
		pill.dataset['grade'] = answer.grade;
		pill.textContent = GRADE_NAMES[answer.grade];
		const made = answer.made.filter(Boolean).length;
		line.append(
			pill,
			`${made} of ${plural(answer.made.length, 'key point')} · ${answer.confidence} · ${clockText(answer.took)} of ${clockText(this.#limit)} · next review in ${formatInterval(now, answer.due)}${answer.again ? ' · asked again' : ''}`,
		);
		item.append(heading, line);
		if (answer.confidentMiss) {
			const miss = document.createElement('p');
			miss.className = 'confident-miss';
			miss.textContent = 'Confident miss: you were sure, and the answer made under half of the points.';
			item.append(miss);
		}
		const missed = answer.question.points.filter((_, i) => !answer.made[i]);
		if (missed.length > 0) {
			const label = document.createElement('p');
			label.className = 'line';
			label.textContent = 'Missed:';
			const list = document.createElement('ul');
			list.className = 'missed';
			for (const html of missed) {
				const point = document.createElement('li');
				point.innerHTML = html;
				list.append(point);
			}
			item.append(label, list);
		}
		if (answer.notes) {
			const quote = document.createElement('blockquote');
			quote.textContent = answer.notes;
			item.append(quote);
		}
		if (answer.recording) {
			const audio = this.#audio(answer.recording, `Your answer to question ${index + 1}`);
			const remove = document.createElement('button');
			remove.type = 'button';
			remove.dataset['deleteRecording'] = String(index);
			remove.textContent = 'Delete this recording';
			item.append(audio, remove);
		}
		return item;
	}

	/** "Study these 3 now" and when to take the next mock interview. */
	#showNextSteps(now: Date) {
		const missed = new Set(this.#answers.filter((a) => isMissed(a.grade)).map((a) => a.question.slug));
		const study = this.#q('[data-study-missed]');
		study.hidden = missed.size === 0;
		study.textContent = `Study what you missed now: ${plural(missed.size, 'question')} from this interview`;
		// The next interview when the questions answered here are due again: the soonest day after
		// today, or in three days.
		const day = 86_400_000;
		const tomorrow = new Date(now.getTime() + day);
		const soonest = this.#answers.map((a) => a.due).filter((due) => due >= tomorrow).sort((a, b) => a.getTime() - b.getTime())[0];
		const next = soonest && soonest.getTime() - now.getTime() <= 7 * day ? soonest : new Date(now.getTime() + 3 * day);
		this.#q('[data-next-mock]').textContent = `Take another mock interview on ${dayName(next)}: by then the questions you answered start coming due again.`;
	}

	/** The last interviews (date, questions, key points made, time), newest first, on the setup. */
	#showHistory() {
		const mocks = this.#store.progress.mocks.slice(-5).reverse();
		const history = this.#q('[data-history]');
		history.hidden = mocks.length === 0;
		const count = this.#store.progress.mocks.length;
		this.#q('[data-history-title]').textContent = count > 5 ? `Your last 5 of ${count} mock interviews` : `Your mock interviews`;
		this.#q('[data-history-list]').replaceChildren(
			...mocks.map((mock) => {
				const made = mock.answers.reduce((sum, a) => sum + a.made, 0);
				const points = mock.answers.reduce((sum, a) => sum + a.points, 0);
				const seconds = mock.answers.reduce((sum, a) => sum + a.seconds, 0);
				const misses = mock.answers.filter((a) => gradeOf({ covered: a.made, total: a.points, confidence: a.confidence }).confidentMiss).length;
				const item = document.createElement('li');
				item.textContent =
					`${dayName(new Date(mock.at))}: ${plural(mock.answers.length, 'answer')}, ${made} of ${plural(points, 'key point')} (${Math.round((made / points) * 100)}%), ` +
					`${clockText(seconds * 1000)} answering${misses ? `, ${plural(misses, 'confident miss', 'confident misses')}` : ''}`;
				return item;
			}),
		);
	}

	#deleteRecording(index: number) {
		const answer = this.#answers[index];
		if (!answer?.recording) return;
		URL.revokeObjectURL(answer.recording);
		answer.recording = undefined;
		const item = this.#q(`[data-results] [data-answer="${index}"]`);
		item.querySelector('audio')?.remove();
		const button = item.querySelector<HTMLButtonElement>('[data-delete-recording]')!;
		const done = document.createElement('p');
		done.className = 'line';
		done.setAttribute('role', 'status');
		done.textContent = 'Recording deleted.';
		button.replaceWith(done);
	}

	#again() {
		const recordings = this.#answers.filter((a) => a.recording);
		if (recordings.length > 0 && !confirm(`Start another interview? Your ${plural(recordings.length, 'recording')} of this one will be deleted.`)) return;
		for (const answer of recordings) URL.revokeObjectURL(answer.recording!);
		this.#answers = [];
		this.#q('[data-summary]').hidden = true;
		this.#form.hidden = false;
		this.#showSetup();
		this.#form.querySelector<HTMLButtonElement>('[type="submit"]')!.focus();
	}
}

customElements.define('sg-mock-interview', SgMockInterview);
