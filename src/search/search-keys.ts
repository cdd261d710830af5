// What the always-loaded search bootstrap needs, kept apart from search.ts so that the bootstrap
// stays one small inline script and the rest of the search code loads only when used.

/** True when a key press should open the search: "/" outside a text field, or Ctrl/Cmd+K anywhere. */
export function isSearchShortcut(
	event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
	typingInField: boolean,
): boolean {
	if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') return true;
	return event.key === '/' && !typingInField && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** True when the page address carries a search to reopen (`?q=…`, see SEARCH_PARAMS in search.ts). */
export function hasSearchQuery(params: URLSearchParams): boolean {
	return (params.get('q') ?? '').trim() !== '';
}
