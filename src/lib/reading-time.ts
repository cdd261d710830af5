// How long a part of the guide takes to read, worked out at build time from the answers' Markdown.

/** Words a minute for technical prose; code is counted by its words too, which reads slower but is shorter. */
export const WORDS_PER_MINUTE = 200;

/** The words of a Markdown text: runs of letters or digits (markup, fences and punctuation are not words). */
export function countWords(markdown: string): number {
	return markdown.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu)?.length ?? 0;
}

/** Whole minutes to read `texts` one after the other, at least 1 for any text at all. */
export function readingMinutes(texts: readonly string[], wordsPerMinute = WORDS_PER_MINUTE): number {
	const words = texts.reduce((sum, text) => sum + countWords(text), 0);
	return words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute));
}

/** "1 min read", "25 min read", "1 h 5 min read". */
export function formatReadingTime(minutes: number): string {
	if (minutes < 60) return `${minutes} min read`;
	const rest = minutes % 60;
	return `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''} read`;
}
