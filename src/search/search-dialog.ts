// The search dialog's behaviour, loaded on first use: Pagefind's JS API, results as you type,
// section filters with counts, the search kept in the page URL, and keyboard movement.
import { describePart, pickBestPart, queriesWithoutOneWord, readSearchState, writeSearchState, type SearchAnchor, type SearchState } from './rules.ts';

/** Where things are, from the sg-search element's data attributes. */
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

export class SearchDialog {
	#dialog: HTMLDialogElement;
	#input: HTMLInputElement;
	#checkboxes: HTMLInputElement[] = [];
	#sectionsLoaded: Promise<void>;
	#summary: HTMLElement;
	#list: HTMLOListElement;
	#more: HTMLButtonElement;
	#pagefind: Promise<Pagefind>;
	#results: PagefindSearch['results'] = [];
	#shown = 0;
	#run = 0;
	#options: SearchOptions;

	constructor(dialog: HTMLDialogElement, options: SearchOptions) {
		this.#dialog = dialog;
		this.#options = options;
		this.#input = dialog.querySelector<HTMLInputElement>('#search-input')!;
		this.#summary = dialog.querySelector<HTMLElement>('.summary')!;
		this.#list = dialog.querySelector<HTMLOListElement>('.results')!;
		this.#more = dialog.querySelector<HTMLButtonElement>('.more')!;
		this.#pagefind = this.#loadPagefind();
		this.#sectionsLoaded = this.#loadSections();

		this.#input.addEventListener('input', () => this.#update());
		this.#more.addEventListener('click', () => this.#renderMore(true));
		dialog.addEventListener('keydown', (event) => this.#onKeydown(event));
	}

	async #loadPagefind(): Promise<Pagefind> {
		if (this.#options.dev) throw new Error('The search index exists only in a build.');
		const pagefind: Pagefind = await import(/* @vite-ignore */ `${this.#options.bundle}pagefind.js`);
		await pagefind.options({ baseUrl: this.#options.base, highlightParam: this.#options.highlightParam });
		await pagefind.filters(); // loads the filter index, so that each search also counts per section
		return pagefind;
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
		await this.#sectionsLoaded.catch(() => undefined);
		const known = this.#checkboxes.map((box) => box.value);
		const state = readSearchState(new URLSearchParams(location.search), known);
		if (state.query) this.#input.value = state.query;
		for (const box of this.#checkboxes) box.checked = state.sections.includes(box.value);
		if (state.sections.length > 0) this.#dialog.querySelector<HTMLDetailsElement>('details.filters')!.open = true;
		this.#input.focus();
		if (this.#input.value) await this.#update();
	}

	/** Forgets the search when the dialog closes, and takes it out of the URL. */
	reset() {
		history.replaceState(history.state, '', writeSearchState(new URL(location.href), { query: '', sections: [] }));
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
		history.replaceState(history.state, '', writeSearchState(new URL(location.href), state));
		if (!state.query) {
			this.#render([], state);
			return;
		}
		let pagefind: Pagefind;
		try {
			pagefind = await this.#pagefind;
		} catch {
			this.#summary.textContent = this.#options.dev
				? 'Search works on the built site only: run npm start.'
				: 'Search could not be loaded. Check your connection and try again.';
			return;
		}
		const filters = state.sections.length > 0 ? { section: { any: state.sections } } : {};
		let search = await pagefind.search(state.query, { filters });
		// Pagefind wants every word: when no question has them all, try leaving one out and keep the
		// first that finds something, saying which word was left out.
		let dropped: string | undefined;
		if (search.results.length === 0) {
			for (const candidate of queriesWithoutOneWord(state.query)) {
				const retry = await pagefind.search(candidate.query, { filters });
				if (retry.results.length > 0) {
					search = retry;
					dropped = candidate.dropped;
					break;
				}
			}
		}
		if (run !== this.#run) return; // a newer search has started
		this.#render(search.results, state, search.totalFilters?.['section'], dropped);
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
		const without = dropped ? ` (no question has every word, so “${dropped}” was left out)` : '';
		this.#summary.textContent = !state.query
			? ''
			: results.length === 0
				? `No question matches “${state.query}”${where}. Try fewer or other words.`
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
			const item = this.#item(await data);
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

	/** Down/Up move between the input and the result links; Esc closes even from a search field. */
	#onKeydown(event: KeyboardEvent) {
		if (event.key === 'Escape') {
			event.preventDefault();
			this.#dialog.close();
			return;
		}
		if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
		const stops = [this.#input, ...this.#list.querySelectorAll<HTMLAnchorElement>('a')];
		const index = stops.indexOf(document.activeElement as HTMLInputElement);
		if (index < 0) return;
		event.preventDefault();
		const next = event.key === 'ArrowDown' ? Math.min(index + 1, stops.length - 1) : Math.max(index - 1, 0);
		stops[next]!.focus();
	}
}
