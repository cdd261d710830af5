// The header's search control (sg-search in Search.astro): opens the dialog, and loads the search
// code on first use only. Also notes the question being read, which the dialog offers when it opens
// empty. Bundled into the one script every page loads (Base.astro); its addresses come from data
// attributes made at build time, so that this script shares no chunk (one more request) with others.
import { load, parseReads, RECENT_READS_KEY, remember, sameRead, store } from './recent.ts';
import { HIGHLIGHT_PARAM, hasSearchQuery, isSearchShortcut } from './search-keys.ts';

const isTypingIn = (target: EventTarget | null) =>
	target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** The search control: opens the dialog, and loads the search code on first use only. */
class SgSearch extends HTMLElement {
	#dialog = this.querySelector('dialog')!;
	#search: Promise<{ styled: Promise<void>; show(): Promise<void>; reset(): void }> | undefined;

	connectedCallback() {
		recordRead();
		const link = this.querySelector<HTMLAnchorElement>('a.search-open')!;
		const button = this.querySelector<HTMLButtonElement>('button.search-open')!;
		link.hidden = true;
		button.hidden = false;
		button.addEventListener('click', () => this.open());
		this.querySelector('[data-close]')!.addEventListener('click', () => this.#dialog.close());
		this.querySelector('[data-reload]')!.addEventListener('click', () => location.reload());
		this.addEventListener('sg-search-stale', () => this.#stale(true));
		// A click on the backdrop (outside the panel) closes, like Esc.
		this.#dialog.addEventListener('click', (event) => event.target === this.#dialog && this.#dialog.close());
		this.#dialog.addEventListener('close', () => this.#search?.then((search) => search.reset()));
		document.addEventListener('keydown', (event) => {
			if (this.#dialog.open || !isSearchShortcut(event, isTypingIn(event.target))) return;
			event.preventDefault();
			this.open();
		});
		const params = new URLSearchParams(location.search);
		// A search in the address (a shared link, a reload, Back from a result) reopens it.
		if (hasSearchQuery(params)) this.open();
		// Arriving from a result: mark the searched words (code only such a page loads).
		if (params.has(HIGHLIGHT_PARAM)) void import('./search-highlight.ts').then(({ highlightResult }) => highlightResult(this.dataset['bundle']!));
	}

	async open() {
		if (!this.#dialog.open) this.#dialog.showModal();
		this.#stale(false);
		this.#search ??= import('./search-dialog.ts').then(
			({ SearchDialog }) =>
				new SearchDialog(this.#dialog, {
					bundle: this.dataset['bundle']!,
					sections: this.dataset['sections']!,
					base: this.dataset['home']!,
					highlightParam: HIGHLIGHT_PARAM,
					dev: import.meta.env.DEV,
				}),
		);
		try {
			const search = await this.#search;
			// The results' styles come with the code; the dialog itself is open already (keys typed go in).
			await search.styled;
			await search.show();
		} catch {
			// Not kept: opening the search again tries again.
			this.#search = undefined;
			this.#stale(true);
		}
	}

	/** The search cannot load a file of this page's build: offer a reload (the search is in the URL, so it survives). */
	#stale(shown: boolean) {
		this.querySelector<HTMLElement>('[data-stale]')!.hidden = !shown;
	}

}

customElements.define('sg-search', SgSearch);

/**
 * A question page marks its article with data-read (its number): remembered as recently read, with
 * its address and its title as the page shows them (not written twice into every page).
 */
function recordRead() {
	const article = document.querySelector<HTMLElement>('article[data-read]');
	if (!article) return;
	const title = article.querySelector('h1 [data-pagefind-meta="title"]')?.textContent?.trim() ?? '';
	const read = { url: location.pathname, number: Number(article.dataset['read']), title };
	store(RECENT_READS_KEY, remember(parseReads(load(RECENT_READS_KEY)), read, sameRead));
}

