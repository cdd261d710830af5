// The search dialog's behaviour, loaded on first use: Pagefind's JS API, results as you type,
// section filters with counts, the search kept in the page URL, and keyboard movement.
// The dialog's inner parts are styled by a stylesheet of their own, fetched with this code: Astro would
// otherwise put an imported stylesheet into every page.
import dialogStyles from './search-dialog.css?url';
import { load, parseReads, parseSearches, RECENT_READS_KEY, RECENT_SEARCHES_KEY, remember, sameSearch, store } from './recent.ts';
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
	results: { id: string; data(): Promise<PagefindResult> }[];
	totalFilters?: Record<string, Record<string, number>>;
}
interface PagefindResult {
	url: string;
	excerpt: string;
	meta: Record<string, string>;
	anchors: SearchAnchor[];
	locations: number[];
}

const PAGE_SIZE = 10;

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
<p class="summary" role="status"></p>`;
const AFTER_STALE = `<ol class="results" aria-label="Results"></ol><button type="button" class="more" hidden>Show more results</button>`;

export class SearchDialog {
	#dialog: HTMLDialogElement;
	#input: HTMLInputElement;
	#checkboxes: HTMLInputElement[] = [];
	#sectionsLoaded: Promise<void>;
	#summary: HTMLElement;
	#list: HTMLOListElement;
	#more: HTMLButtonElement;
	#filters: HTMLDetailsElement;
	/** Whether the reader opened or closed the section filters since the dialog opened. */
	#filtersToggled = false;
	#pagefind: Promise<Pagefind>;
	/** The index's entry file as it was when the search loaded, to tell a replaced index from no match. */
	#entry?: Promise<string | undefined>;
	#results: PagefindSearch['results'] = [];
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
		const stale = dialog.querySelector('[data-stale]')!;
		stale.insertAdjacentHTML('beforebegin', BEFORE_STALE);
		stale.insertAdjacentHTML('afterend', AFTER_STALE);
		this.#summary = dialog.querySelector<HTMLElement>('.summary')!;
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
				const button = document.createElement('button');
				button.type = 'button';
				button.textContent = query;
				button.addEventListener('click', () => {
					this.#input.value = query;
					void this.#update();
					this.#input.focus();
				});
				const item = document.createElement('li');
				item.append(button);
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

	#state(): SearchState {
		return {
			query: this.#input.value.trim(),
			sections: this.#checkboxes.filter((box) => box.checked).map((box) => box.value),
		};
	}

	async #update() {
		// Search on every keystroke (a warm search takes a few ms); only the latest may render.
		const run = ++this.#run;
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
				this.#summary.textContent = 'Search works on the built site only: run npm start.';
				return;
			}
			// Tried again at the next keystroke, not kept failed.
			this.#pagefind = this.#loadPagefind();
			this.#stale();
			return;
		}
		const filters = state.sections.length > 0 ? { section: { any: state.sections } } : {};
		// Pagefind wants every word: when no question has them all, a short query is tried without
		// each word in turn (see searchWithRetries). A newer keystroke stops this run. No words but a
		// section ticked: every question of the chosen sections (Pagefind's null query).
		let outcome: Awaited<ReturnType<typeof searchWithRetries<PagefindSearch>>>;
		try {
			outcome = await searchWithRetries(
				state.query,
				(query) => pagefind.search(query || (null as unknown as string), { filters }),
				() => run !== this.#run,
			);
			if (outcome && outcome.found.results.length === 0 && (await this.#replaced())) throw new Error('The search index was replaced.');
		} catch {
			// A file of the index this page loaded is gone from the server.
			clearTimeout(this.#searching);
			if (run === this.#run) this.#stale();
			return;
		}
		if (!outcome || run !== this.#run) return; // a newer search has started
		clearTimeout(this.#searching);
		this.#render(outcome.found.results, state, outcome.found.totalFilters?.['section'], outcome.dropped);
	}

	#render(results: PagefindSearch['results'], state: SearchState, counts?: Record<string, number>, dropped?: string) {
		this.#results = results;
		this.#shown = 0;
		this.#list.replaceChildren();
		for (const box of this.#checkboxes) {
			const count = this.#dialog.querySelector(`[data-count-for="${box.value}"]`)!;
			count.textContent = counts && state.query ? String(counts[box.value] ?? 0) : '';
		}
		const where = state.sections.length > 0 ? ' in the chosen sections' : '';
		const words = state.query.split(/\s+/).length;
		const without = dropped ? ` (no question has every word, so “${dropped}” was left out)` : '';
		this.#summary.textContent = !state.query
			? state.sections.length > 0
				? `${results.length} ${results.length === 1 ? 'question' : 'questions'} in the chosen sections; type to search them.`
				: ''
			: results.length === 0
				? words > MAX_RETRY_WORDS
					? `No question has all ${words} words of this search${where}. Try fewer or other words.`
					: `No question matches “${state.query}”${where}. Try fewer or other words.`
				: `${results.length} ${results.length === 1 ? 'question matches' : 'questions match'} “${state.query}”${where}${without}.`;
		void this.#renderMore(false);
	}

	async #renderMore(focusFirstNew: boolean) {
		const current = this.#results;
		const batch = current.slice(this.#shown, this.#shown + PAGE_SIZE);
		this.#shown += batch.length;
		this.#more.hidden = this.#shown >= current.length;
		// Fetch the batch's data at once, and show each result, in order, as soon as it has arrived.
		const pending = batch.map((result) => result.data());
		for (const [index, data] of pending.entries()) {
			let result: PagefindResult;
			try {
				result = await data;
			} catch {
				// The result's fragment is gone from the server: this page's build was replaced.
				if (current === this.#results) this.#stale();
				return;
			}
			const item = this.#item(result);
			if (current !== this.#results) return; // a newer search has replaced these results
			this.#list.append(item);
			if (focusFirstNew && index === 0) item.querySelector('a')?.focus();
		}
	}

	#item(result: PagefindResult): HTMLLIElement {
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
