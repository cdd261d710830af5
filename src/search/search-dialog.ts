// The search dialog's behaviour, loaded on first use: Pagefind's JS API, results as you type,
// section filters with counts, the search kept in the page URL, and keyboard movement.
// The dialog's inner parts are styled by a stylesheet of their own, fetched with this code: Astro would
// otherwise put an imported stylesheet into every page.
import dialogStyles from './search-dialog.css?url';
import { pathWithBase } from '../lib/base.ts';
import { sectionPath, SITE_PATHS } from '../lib/links.ts';
import { asksFor, compareOrder, comparedParts, coveredBy, planQuery, termSearches, ungroupWords, Vocabulary, type PlannedQuery, type SearchWords, type TermQuestion } from './query.ts';
import { load, parseReads, RECENT_READS_KEY, remember, store } from './recent.ts';
import { parseSearches, RECENT_SEARCHES_KEY, sameSearch } from './recent-searches.ts';
import { describePart, MAX_RETRY_WORDS, pickBestPart, readSearchState, searchWithRetries, writeSearchState, type SearchAnchor, type SearchState } from './rules.ts';

/** Where things are (src/lib/links.ts) and how to search, given by the sg-search element. */
export interface SearchOptions {
	/** URL of the Pagefind bundle folder, ending in "/". */
	bundle: string;
	/** URL of the list of sections to filter by (src/pages/search-sections.json.ts). */
	sections: string;
	/** The site's base path, which Pagefind puts before result URLs. */
	base: string;
	highlightParam: string;
	/** In `astro dev` there is no index yet. */
	dev: boolean;
}

/** The parts of Pagefind's browser API this dialog uses. */
interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
	search(query: string, options: object): Promise<PagefindSearch>;
}
interface PagefindSearch {
	results: PagefindHit[];
	totalFilters?: Record<string, Record<string, number>>;
}
interface PagefindHit {
	id: string;
	data(): Promise<PagefindResult>;
}
/** A result as the dialog lists it: Pagefind's, or a question the vocabulary points at, with why. */
interface Hit extends PagefindHit {
	matched?: { phrase: string; topic: string } | undefined;
}
interface PagefindResult {
	url: string;
	excerpt: string;
	content: string;
	meta: Record<string, string>;
	anchors: SearchAnchor[];
	locations: number[];
}

/** A search's results in order, with the section counts and what the summary says of them. */
interface Outcome {
	hits: Hit[];
	counts?: Record<string, number> | undefined;
	/** The word left out when no question had every word. */
	dropped?: string;
	/** The two things an "A vs B" search compared. */
	compared?: [string, string];
}

/**
 * The vocabulary's questions first, then Pagefind's others. A question Pagefind found too is its
 * result, whose excerpt marks the words it matched: "matched: …" is for those it did not.
 */
function withTerms(terms: readonly Hit[], results: readonly PagefindHit[]): Hit[] {
	const found = new Map(results.map((hit) => [hit.id, hit]));
	const hits: Hit[] = terms.map((term) => found.get(term.id) ?? term);
	const listed = new Set(hits.map((hit) => hit.id));
	return hits.concat(results.filter((hit) => !listed.has(hit.id)));
}

/** A result whose fragment is fetched once, however often its data is asked for. */
function fetchedOnce(hit: PagefindHit): PagefindHit {
	let data: Promise<PagefindResult> | undefined;
	return { id: hit.id, data: () => (data ??= hit.data()) };
}

/** A question the vocabulary points at, with its section's id (for the filters). */
type TermHit = Hit & { sectionId: string };

/** How many of the vocabulary's questions are in each section. */
function countBySection(hits: readonly { sectionId: string }[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const { sectionId } of hits) counts[sectionId] = (counts[sectionId] ?? 0) + 1;
	return counts;
}

/** “a”, “b” and “c”. */
const quoteList = (words: readonly string[]) => {
	const quoted = words.map((word) => `“${word}”`);
	return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}` : (quoted[0] ?? '');
};

const PAGE_SIZE = 10;

/** How many vocabulary records a search looks at (each a fragment to fetch): a query names a few terms at most. */
const TERMS_LOOKED_AT = 4;

/** How long a search may run before "Searching…" is shown: a warm search takes a few ms, so most never say it. */
const SEARCHING_DELAY_MS = 150;

/**
 * The dialog's parts that only this code fills: recent searches and reads, the section filters, the
 * summary, the results. Made here when the search first opens, so that no page carries them;
 * Search.astro holds the rest (the field, and the notice this code may fail to load).
 */
const BEFORE_STALE = `<div class="start" data-start>
<section data-recent-searches hidden aria-labelledby="recent-searches-heading"><h3 id="recent-searches-heading">Recent searches</h3><ul role="list" class="chips"></ul></section>
<section data-recent-reads hidden aria-labelledby="recent-reads-heading"><h3 id="recent-reads-heading">Recently read</h3><ul role="list" class="reads"></ul></section>
</div>
<details class="filters"><summary>Filter by section</summary><fieldset><legend class="sr-only">Only in sections</legend><div class="sections"></div></fieldset></details>
<p class="summary" role="status"></p><div class="next-steps" hidden></div>`;
const AFTER_STALE = `<ol class="results" aria-label="Results"></ol><button type="button" class="more" hidden>Show more results</button>`;

export class SearchDialog {
	#dialog: HTMLDialogElement;
	#input: HTMLInputElement;
	#checkboxes: HTMLInputElement[] = [];
	#sections: { id: string; title: string }[] = [];
	#sectionsLoaded: Promise<void>;
	#summary: HTMLElement;
	#nextSteps: HTMLElement;
	#list: HTMLOListElement;
	#more: HTMLButtonElement;
	#filters: HTMLDetailsElement;
	/** Whether the reader opened or closed the section filters since the dialog opened. */
	#filtersToggled = false;
	#pagefind: Promise<Pagefind>;
	/** The index's entry file as it was when the search loaded, to tell a replaced index from no match. */
	#entry?: Promise<string | undefined>;
	#results: Hit[] = [];
	/** The search the listed results belong to: an older one's last result must not say the list has settled. */
	#resultsRun = 0;
	/** The index's words and topics to suggest (search-words.json); undefined if it could not load. */
	#words: Promise<{ vocabulary: Vocabulary; topics: string[] } | undefined>;
	#shown = 0;
	#run = 0;
	#typed = false;
	/** The search last run (query and sections), so that opening the dialog does not run it twice. */
	#searched: string | undefined;
	#searching: ReturnType<typeof setTimeout> | undefined;
	/** Resolves when the dialog's stylesheet has loaded (or failed: the dialog still works unstyled). */
	readonly styled: Promise<void>;
	#options: SearchOptions;

	constructor(dialog: HTMLDialogElement, options: SearchOptions) {
		this.#dialog = dialog;
		this.#options = options;
		this.#input = dialog.querySelector<HTMLInputElement>('#search-input')!;
		this.#input.insertAdjacentHTML('afterend', '<p id="search-hint" class="hint">Down and Up arrows move through the results, Enter opens one, Esc closes.</p>');
		this.#input.setAttribute('aria-describedby', 'search-hint');
		const stale = dialog.querySelector('[data-stale]')!;
		stale.insertAdjacentHTML('beforebegin', BEFORE_STALE);
		stale.insertAdjacentHTML('afterend', AFTER_STALE);
		this.#summary = dialog.querySelector<HTMLElement>('.summary')!;
		this.#nextSteps = dialog.querySelector<HTMLElement>('.next-steps')!;
		this.#list = dialog.querySelector<HTMLOListElement>('.results')!;
		this.#more = dialog.querySelector<HTMLButtonElement>('.more')!;
		this.#filters = dialog.querySelector<HTMLDetailsElement>('details.filters')!;
		this.#filters.querySelector('summary')!.addEventListener('click', () => (this.#filtersToggled = true));
		this.styled = new Promise((resolve) => {
			const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: dialogStyles });
			link.addEventListener('load', () => resolve());
			link.addEventListener('error', () => resolve()); // unstyled still works
			document.head.append(link);
		});
		this.#pagefind = this.#loadPagefind();
		this.#sectionsLoaded = this.#loadSections();
		this.#words = this.#loadWords();

		this.#input.addEventListener('input', () => this.#update());
		// Following a result remembers the search, for the next time the dialog opens empty.
		this.#list.addEventListener('click', (event) => {
			const query = this.#input.value.trim();
			if (query && (event.target as Element).closest('a')) {
				store(RECENT_SEARCHES_KEY, remember(parseSearches(load(RECENT_SEARCHES_KEY)), query, sameSearch));
			}
		});
		this.#more.addEventListener('click', () => this.#renderMore(true));
		dialog.addEventListener('keydown', (event) => this.#onKeydown(event));
	}

	async #loadPagefind(): Promise<Pagefind> {
		if (this.#options.dev) throw new Error('The search index exists only in a build.');
		this.#entry = this.#fetchEntry();
		const pagefind: Pagefind = await import(/* @vite-ignore */ `${this.#options.bundle}pagefind.js`);
		await pagefind.options({ baseUrl: this.#options.base, highlightParam: this.#options.highlightParam });
		await pagefind.filters(); // loads the filter index, so that each search also counts per section
		return pagefind;
	}

	/** Without it, words are searched as typed: no correction, nothing left out. */
	async #loadWords() {
		try {
			const response = await fetch(pathWithBase(SITE_PATHS.searchWords));
			if (!response.ok) return undefined;
			const { words, spellings, topics } = (await response.json()) as SearchWords;
			return { vocabulary: new Vocabulary(ungroupWords(words), spellings), topics };
		} catch {
			return undefined;
		}
	}

	async #fetchEntry(): Promise<string | undefined> {
		const response = await fetch(`${this.#options.bundle}pagefind-entry.json`, { cache: 'no-store' }).catch(() => undefined);
		return response?.ok ? response.text() : undefined;
	}

	/**
	 * Whether the site was deployed again since the search loaded: Pagefind skips index files it
	 * cannot fetch, so a replaced index looks like "no match" unless the entry file is compared.
	 */
	async #replaced(): Promise<boolean> {
		const [before, now] = await Promise.all([this.#entry, this.#fetchEntry()]);
		return before !== undefined && now !== undefined && before !== now;
	}

	/** One checkbox per section, with a place for its count of results. */
	async #loadSections() {
		const response = await fetch(this.#options.sections);
		const sections: { id: string; title: string }[] = response.ok ? await response.json() : [];
		this.#sections = sections;
		const labels = sections.map(({ id, title }) => {
			const box = document.createElement('input');
			box.type = 'checkbox';
			box.name = 'section';
			box.value = id;
			box.addEventListener('change', () => this.#update());
			const name = document.createElement('span');
			name.textContent = title;
			const count = document.createElement('span');
			count.className = 'count';
			count.dataset['countFor'] = id;
			const label = document.createElement('label');
			label.append(box, name, count);
			return label;
		});
		this.#dialog.querySelector('.sections')!.replaceChildren(...labels);
		this.#checkboxes = labels.map((label) => label.querySelector('input')!);
	}

	/** Opens with the search in the URL, if any, and runs it. */
	async show() {
		// Opened empty, the dialog offers the sections to browse as well as the reader's recent searches.
		// Decided before the sections have loaded, and only if the reader has not opened or closed the
		// filters while the dialog's code loaded: theirs is the last word.
		const asked = readSearchState(new URLSearchParams(location.search));
		if (!this.#filtersToggled) this.#filters.open = asked.sections.length > 0 || !asked.query;
		await this.#sectionsLoaded.catch(() => undefined);
		const known = this.#checkboxes.map((box) => box.value);
		const state = readSearchState(new URLSearchParams(location.search), known);
		if (state.query) this.#input.value = state.query;
		for (const box of this.#checkboxes) box.checked = state.sections.includes(box.value);
		this.#input.focus();
		// Keys typed while the dialog's code and sections loaded have run this search already.
		if (this.#searched === JSON.stringify(this.#state())) return;
		if (this.#input.value || state.sections.length > 0) await this.#update();
		else this.#showStart();
	}

	/** Forgets the search when the dialog closes, and takes it out of the URL. */
	reset() {
		this.#searched = undefined;
		this.#filtersToggled = false;
		history.replaceState(history.state, '', writeSearchState(new URL(location.href), { query: '', sections: [] }));
	}

	/** The reader's recent searches (buttons that run them again) and recently read questions. */
	#showStart() {
		const searches = parseSearches(load(RECENT_SEARCHES_KEY));
		const reads = parseReads(load(RECENT_READS_KEY));
		const searchList = this.#dialog.querySelector('[data-recent-searches] ul')!;
		searchList.replaceChildren(
			...searches.map((query) => {
				const item = document.createElement('li');
				item.append(this.#searchButton(query));
				return item;
			}),
		);
		this.#dialog.querySelector('[data-recent-reads] ul')!.replaceChildren(
			...reads.map((read) => {
				const link = document.createElement('a');
				link.href = read.url;
				link.textContent = `${read.number}. ${read.title}`;
				const item = document.createElement('li');
				item.append(link);
				return item;
			}),
		);
		this.#dialog.querySelector<HTMLElement>('[data-recent-searches]')!.hidden = searches.length === 0;
		this.#dialog.querySelector<HTMLElement>('[data-recent-reads]')!.hidden = reads.length === 0;
		this.#dialog.querySelector<HTMLElement>('[data-start]')!.hidden = false;
	}

	/** A button that searches its text: a recent search, a close word, a topic. */
	#searchButton(query: string): HTMLButtonElement {
		const button = document.createElement('button');
		button.type = 'button';
		button.textContent = query;
		button.addEventListener('click', () => {
			this.#input.value = query;
			void this.#update();
			this.#input.focus();
		});
		return button;
	}

	#state(): SearchState {
		return {
			query: this.#input.value.trim(),
			sections: this.#checkboxes.filter((box) => box.checked).map((box) => box.value),
		};
	}

	async #update() {
		// Search on every keystroke (a warm search takes a few ms); only the latest may render.
		const run = ++this.#run;
		this.#list.setAttribute('aria-busy', 'true');
		const state = this.#state();
		this.#searched = JSON.stringify(state);
		history.replaceState(history.state, '', writeSearchState(new URL(location.href), state));
		this.#dialog.querySelector<HTMLElement>('[data-start]')!.hidden = true;
		// The filters opened for an empty dialog fold away once words are typed, so results come first.
		const typed = state.query !== '';
		if (typed !== this.#typed && state.sections.length === 0) this.#filters.open = !typed;
		this.#typed = typed;
		if (!state.query && state.sections.length === 0) {
			clearTimeout(this.#searching);
			this.#render([], state);
			this.#showStart();
			return;
		}
		clearTimeout(this.#searching);
		this.#searching = setTimeout(() => {
			if (run === this.#run) this.#summary.textContent = 'Searching…';
		}, SEARCHING_DELAY_MS);
		let pagefind: Pagefind;
		try {
			pagefind = await this.#pagefind;
		} catch {
			clearTimeout(this.#searching);
			if (this.#options.dev) {
				this.#list.removeAttribute('aria-busy');
				this.#summary.textContent = 'Search works on the built site only: run npm start.';
				return;
			}
			// Tried again at the next keystroke, not kept failed.
			this.#pagefind = this.#loadPagefind();
			this.#stale();
			return;
		}
		const words = await this.#words;
		if (run !== this.#run) return;
		const plan = planQuery(state.query, words?.vocabulary);
		if (state.query && !plan.text) {
			// No word of the search is in any answer, nor close to one: nothing matches, and the dialog
			// says what to try. Unless the site was deployed again since this page loaded its words: a
			// word new to the answers is then no nonsense, and the page offers a reload, as for a search.
			const replaced = await this.#replaced();
			if (run !== this.#run) return;
			clearTimeout(this.#searching);
			if (replaced) this.#stale();
			else this.#render([], state, plan);
			return;
		}
		let outcome: Outcome | undefined;
		try {
			outcome = await this.#search(pagefind, plan, state.sections, () => run !== this.#run);
			if (outcome && outcome.hits.length === 0 && (await this.#replaced())) throw new Error('The search index was replaced.');
		} catch {
			// A file of the index this page loaded is gone from the server.
			clearTimeout(this.#searching);
			if (run === this.#run) this.#stale();
			return;
		}
		if (!outcome || run !== this.#run) return; // a newer search has started
		clearTimeout(this.#searching);
		this.#render(outcome.hits, state, plan, outcome);
	}

	/**
	 * Pagefind's results for the planned words, in the chosen sections (every section when none is
	 * chosen: the vocabulary's records have none, so they stay out), after the questions the
	 * vocabulary points at for them. Pagefind wants every word: when no question has them all, a short
	 * query is tried without each word in turn (see searchWithRetries). "A vs B" is three searches:
	 * the questions about both first, then those about each side in turn. No words but a section
	 * ticked: every question of the chosen sections (Pagefind's null query). Undefined once `stale()`.
	 */
	async #search(pagefind: Pagefind, plan: PlannedQuery, chosen: string[], stale: () => boolean): Promise<Outcome | undefined> {
		const sections = chosen.length > 0 ? chosen : this.#checkboxes.map((box) => box.value);
		const filters = sections.length > 0 ? { section: { any: sections } } : {};
		// The first page's fragments are fetched as soon as the questions are known, beside the
		// vocabulary's: one round trip before the first result, not two.
		const questions = async (query: string, prefetch = true) => {
			const found = await pagefind.search(query || (null as unknown as string), { filters });
			const results = found.results.map(fetchedOnce);
			if (prefetch) for (const hit of results.slice(0, PAGE_SIZE)) void hit.data().catch(() => {});
			return { ...found, results };
		};
		if (!plan.text) {
			const found = await questions('');
			return { hits: found.results, counts: found.totalFilters?.['section'] };
		}
		const compared = comparedParts(plan.text);
		if (compared) {
			// A side the pages do not know ("sharding") is answered by the vocabulary alone.
			const known = (side: string) => !side.split(/\s+/).some((word) => plan.vocabularyOnly.includes(word));
			const none: PagefindSearch = { results: [] };
			const [both, a, b, termsA, termsB] = await Promise.all([
				// Which of the three searches' results come first is known only once all are back.
				compared.every(known) ? questions(compared.join(' '), false) : none,
				known(compared[0]) ? questions(compared[0], false) : none,
				known(compared[1]) ? questions(compared[1], false) : none,
				this.#termHits(pagefind, compared[0], chosen, !known(compared[0])),
				this.#termHits(pagefind, compared[1], chosen, !known(compared[1])),
			]);
			if (stale()) return undefined;
			const sideA = withTerms(termsA, a.results);
			const sideB = withTerms(termsB, b.results);
			const byId = new Map<string, Hit>([...sideB, ...sideA].map((hit) => [hit.id, hit]));
			for (const hit of both.results) if (!byId.has(hit.id)) byId.set(hit.id, hit);
			const order = compareOrder(
				both.results.map((hit) => hit.id),
				sideA.map((hit) => hit.id),
				sideB.map((hit) => hit.id),
			);
			return { hits: order.map((id) => byId.get(id)!), compared };
		}
		// A word only the vocabulary has ("sharding") finds no page: the vocabulary answers alone, and
		// may then name a term by one of its words ("probe": the liveness and readiness probes).
		const vocabularyOnly = plan.pageText !== plan.text;
		let terms: TermHit[];
		let found: Awaited<ReturnType<typeof searchWithRetries<PagefindSearch>>>;
		if (vocabularyOnly) {
			terms = await this.#termHits(pagefind, plan.text, chosen, true);
			if (stale()) return undefined;
			if (terms.length > 0 || !plan.pageText) return { hits: terms, counts: countBySection(terms) };
			found = await searchWithRetries(plan.pageText, questions, stale);
		} else {
			[found, terms] = await Promise.all([searchWithRetries(plan.pageText, questions, stale), this.#termHits(pagefind, plan.text, chosen)]);
		}
		if (!found || stale()) return undefined;
		const hits = withTerms(terms, found.dropped && terms.length > 0 ? [] : found.found.results);
		// The section counts are Pagefind's, and the vocabulary's questions it did not find on top.
		const counts = { ...found.found.totalFilters?.['section'] };
		const pagefindIds = new Set(found.found.results.map((hit) => hit.id));
		for (const hit of terms) if (!pagefindIds.has(hit.id) && hit.sectionId) counts[hit.sectionId] = (counts[hit.sectionId] ?? 0) + 1;
		return { hits, counts, ...(found.dropped && !(terms.length > 0) ? { dropped: found.dropped } : {}) };
	}

	/**
	 * The questions the vocabulary points at for `query`: of the vocabulary records Pagefind finds
	 * for its words, those with a phrase the query asks for whole ("liveness probe", not "probe"
	 * alone), each question once, with the phrase and the answer's word for it.
	 */
	async #termHits(pagefind: Pagefind, query: string, chosen: string[], partly = false): Promise<TermHit[]> {
		const vocabulary = (await this.#words)?.vocabulary;
		const searches = await Promise.all(termSearches(query, vocabulary).map((words) => pagefind.search(words, { filters: { kind: 'term' } })));
		const found = new Map<string, PagefindHit>();
		for (const { results } of searches) for (const record of results.slice(0, TERMS_LOOKED_AT)) if (!found.has(record.id)) found.set(record.id, record);
		const records = await Promise.all([...found.values()].map((record) => record.data()));
		// The phrase each record is matched by: one the query asks for whole, the longest; else, when
		// `partly`, one that holds every word of the query (Pagefind's records for it, checked again,
		// since it also matches words by their beginnings).
		const matched = records.map((record) => {
			const phrases = record.content.split('. ');
			const whole = phrases.filter((phrase) => asksFor(query, phrase)).sort((a, b) => b.length - a.length)[0];
			return { record, phrase: whole ?? (partly ? phrases.find((phrase) => coveredBy(query, phrase)) : undefined), whole: whole !== undefined };
		});
		const hits = new Map<string, TermHit>();
		for (const { record, phrase } of matched.sort((a, b) => Number(b.whole) - Number(a.whole))) {
			if (!phrase) continue;
			for (const question of JSON.parse(record.meta['questions'] ?? '[]') as TermQuestion[]) {
				if (hits.has(question.id) || (chosen.length > 0 && !chosen.includes(question.sectionId))) continue;
				const result: PagefindResult = {
					url: pathWithBase(question.url),
					excerpt: '',
					content: '',
					meta: { number: String(question.number), title: question.title, section: question.section },
					anchors: [],
					locations: [],
				};
				hits.set(question.id, { id: question.id, sectionId: question.sectionId, matched: { phrase, topic: record.meta['topic'] ?? '' }, data: async () => result });
			}
		}
		return [...hits.values()];
	}

	#render(results: Hit[], state: SearchState, plan?: PlannedQuery, outcome?: Outcome) {
		this.#results = results;
		this.#resultsRun = this.#run;
		this.#shown = 0;
		this.#list.replaceChildren();
		this.#nextSteps.replaceChildren();
		this.#nextSteps.hidden = true;
		const counts = outcome?.counts;
		for (const box of this.#checkboxes) {
			const count = this.#dialog.querySelector(`[data-count-for="${box.value}"]`)!;
			count.textContent = counts && state.query ? String(counts[box.value] ?? 0) : '';
		}
		const where = state.sections.length > 0 ? ' in the chosen sections' : '';
		const words = state.query.split(/\s+/).length;
		const searched = plan?.text ?? state.query;
		const found = `${results.length} ${results.length === 1 ? 'question' : 'questions'}`;
		const notes: string[] = [];
		if (plan && plan.corrections.length > 0) notes.push(`Showing results for “${searched}” (you typed “${state.query}”).`);
		if (plan && plan.unknown.length > 0 && plan.text) notes.push(`${quoteList(plan.unknown)} ${plan.unknown.length === 1 ? 'is' : 'are'} in no answer, so ${plan.unknown.length === 1 ? 'it was' : 'they were'} left out.`);
		const dropped = outcome?.dropped ? ` (no question has every word, so “${outcome.dropped}” was left out)` : '';
		const summary = !state.query
			? state.sections.length > 0
				? `${found} in the chosen sections; type to search them.`
				: ''
			: results.length === 0
				? words > MAX_RETRY_WORDS
					? `No question has all ${words} words of this search${where}. Try fewer or other words.`
					: `No question matches “${state.query}”${where}.`
				: outcome?.compared
					? `${found} about “${outcome.compared[0]}” or “${outcome.compared[1]}”${where}, those about both first.`
					: `${found} ${results.length === 1 ? 'matches' : 'match'} “${searched}”${where}${dropped}.`;
		this.#summary.textContent = [...notes, summary].filter(Boolean).join(' ');
		if (state.query && results.length === 0 && words <= MAX_RETRY_WORDS) void this.#showNextSteps(state, plan);
		void this.#renderMore(false);
	}

	/** What to try when nothing matched: a close word, the topics the vocabulary suggests, the sections. */
	async #showNextSteps(state: SearchState, plan: PlannedQuery | undefined) {
		const words = await this.#words;
		if (this.#input.value.trim() !== state.query) return;
		const lines: HTMLElement[] = [];
		// A close word further off than a typo corrected at once (which would have found something).
		const guesses = (plan?.unknown ?? [])
			.map((word) => words?.vocabulary.closest(word.toLowerCase(), 2))
			.filter((word): word is string => word !== undefined);
		if (guesses.length > 0) {
			const line = document.createElement('p');
			line.append('Did you mean ', this.#searchButton(guesses.join(' ')), '?');
			lines.push(line);
		}
		if (words && words.topics.length > 0) {
			const line = document.createElement('p');
			line.append('Try a topic: ');
			for (const topic of words.topics) line.append(this.#searchButton(topic), ' ');
			lines.push(line);
		}
		if (state.sections.length > 0) {
			const line = document.createElement('p');
			line.append('Or search every section: untick the sections under “Filter by section”.');
			lines.push(line);
		} else if (this.#sections.length > 0) {
			const line = document.createElement('p');
			line.append('Or browse a section: ');
			for (const [index, { id, title }] of this.#sections.entries()) {
				const link = document.createElement('a');
				link.href = pathWithBase(sectionPath({ id }));
				link.textContent = title;
				line.append(index > 0 ? ' · ' : '', link);
			}
			lines.push(line);
		}
		this.#nextSteps.replaceChildren(...lines);
		this.#nextSteps.hidden = false;
	}

	async #renderMore(focusFirstNew: boolean) {
		const current = this.#results;
		const batch = current.slice(this.#shown, this.#shown + PAGE_SIZE);
		this.#shown += batch.length;
		this.#more.hidden = this.#shown >= current.length;
		// Fetch the batch's data at once, and show each result, in order, as soon as it has arrived.
		const pending = batch.map((hit) => hit.data());
		for (const [index, data] of pending.entries()) {
			let result: PagefindResult;
			try {
				result = await data;
			} catch {
				// The result's fragment is gone from the server: this page's build was replaced.
				if (current === this.#results) this.#stale();
				return;
			}
			if (current !== this.#results) return; // a newer search has replaced these results
			// A vocabulary record is never a result (it has no section, so only a search without the section list could find one).
			if (result.meta['topic'] !== undefined) continue;
			const item = this.#item(result, batch[index]!.matched);
			this.#list.append(item);
			if (focusFirstNew && index === 0) item.querySelector('a')?.focus();
		}
		// Settled: what a test (or a reader's assistive technology) may read now is the whole batch.
		if (current === this.#results && this.#resultsRun === this.#run) this.#list.removeAttribute('aria-busy');
	}

	#item(result: PagefindResult, matched: Hit['matched']): HTMLLIElement {
		const item = document.createElement('li');
		const link = document.createElement('a');
		link.href = result.url;
		const title = document.createElement('span');
		title.className = 'result-title';
		title.textContent = `${result.meta['number']}. ${result.meta['title']}`;
		const section = document.createElement('span');
		section.className = 'result-section';
		section.textContent = result.meta['section'] ?? '';
		const excerpt = document.createElement('span');
		excerpt.className = 'result-excerpt';
		excerpt.innerHTML = result.excerpt; // Pagefind escapes the text and adds only <mark>
		link.append(title, section, excerpt);
		if (matched) {
			// Why a question the answer may not name in the reader's words came up.
			const why = document.createElement('span');
			why.className = 'result-matched';
			why.textContent = `matched: ${matched.phrase} → ${matched.topic}`;
			link.append(why);
		}
		item.append(link);

		const part = pickBestPart(result.anchors, result.locations);
		if (part) {
			const partLink = document.createElement('a');
			partLink.className = 'result-part';
			partLink.href = `${result.url}#${part.id}`;
			partLink.textContent = `Go to “${describePart(part)}” in question ${result.meta['number']}`;
			item.append(partLink);
		}
		return item;
	}

	/** Says the search's files are gone (sg-search offers a reload) instead of showing a count with no results. */
	#stale() {
		this.#summary.textContent = '';
		this.#list.replaceChildren();
		this.#list.removeAttribute('aria-busy');
		this.#more.hidden = true;
		this.#dialog.dispatchEvent(new CustomEvent('sg-search-stale', { bubbles: true }));
	}

	/** Down/Up move between the input and the result links; Esc closes even from a search field. */
	#onKeydown(event: KeyboardEvent) {
		if (event.key === 'Escape') {
			event.preventDefault();
			this.#dialog.close();
			return;
		}
		if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
		const stops = [this.#input, ...this.#dialog.querySelectorAll<HTMLElement>('.start:not([hidden]) section:not([hidden]) :is(a, button), .results a')];
		const index = stops.indexOf(document.activeElement as HTMLElement);
		if (index < 0) return;
		event.preventDefault();
		const next = event.key === 'ArrowDown' ? Math.min(index + 1, stops.length - 1) : Math.max(index - 1, 0);
		stops[next]!.focus();
	}
}
