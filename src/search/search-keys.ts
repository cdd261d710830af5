// What the search control on every page needs (search-control.ts), kept apart from the dialog's
// rules (rules.ts): a module both import is bundled into every page's script, so this one stays small.

/** URL parameter names: `?q=deadlock&section=sql-databases`. */
export const SEARCH_PARAMS = { query: 'q', section: 'section' } as const;

/** Query parameter Pagefind adds to result links so that the page can mark the searched words. */
export const HIGHLIGHT_PARAM = 'highlight';

/** True when a key press should open the search: "/" outside a text field, or Ctrl/Cmd+K anywhere. */
export function isSearchShortcut(
	event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
	typingInField: boolean,
): boolean {
	if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') return true;
	return event.key === '/' && !typingInField && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** True when the page address carries a search to reopen (`?q=…`). */
export function hasSearchQuery(params: URLSearchParams): boolean {
	return (params.get(SEARCH_PARAMS.query) ?? '').trim() !== '';
}
