/** Query parameter Pagefind adds to result links so that the page can mark the searched words. */
export const HIGHLIGHT_PARAM = 'highlight';

/** URL of a file in the Pagefind bundle, which `npm run build` writes to `<base>/pagefind/`. */
export function pagefindUrl(file: string): string {
	return `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pagefind/${file}`;
}
