// A page opened from a search result (Pagefind adds ?highlight=… to result links) marks the searched
// words with Pagefind's highlight script, then scrolls to the first. Loaded by the search control on
// such a page only, so that every page's script does not carry it.
import { HIGHLIGHT_PARAM } from './search-keys.ts';

/** Loads Pagefind's highlight script from the bundle folder and marks the words in the answer. */
export async function highlightResult(bundle: string) {
	const { default: PagefindHighlight } = await import(/* @vite-ignore */ `${bundle}pagefind-highlight.js`);
	new PagefindHighlight({
		highlightParam: HIGHLIGHT_PARAM,
		addStyles: false, // styled in Search.astro, not by an injected <style>
		markOptions: {
			className: 'search-highlight',
			exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'],
			done: () => {
				if (location.hash) return; // a result that points into a part of the answer wins
				document.querySelector('mark.search-highlight')?.scrollIntoView({ block: 'center' });
			},
		},
	});
}
