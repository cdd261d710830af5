/** Words that carry no meaning in a question's URL ("What is the …", "How do you …"). */
const FILLER_WORDS = new Set(
	(
		'a an the is are was were be what whats how do does did you your yours i we our in of to and or ' +
		'for with when would why can could should it its this that there theres into on some which who ' +
		's if have has from between explain use using'
	).split(' '),
);

/** The longest a question slug gets, in words: enough to be recognisable, short enough to share. */
const MAX_SLUG_WORDS = 6;

/** Splits text into lower-case ASCII words, dropping accents and punctuation. */
function toAsciiWords(text: string): string[] {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[’']/g, '')
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
}

/** Turns a name into a kebab-case ASCII slug: "SQL & Databases" -> "sql-databases". */
export function slugify(text: string): string {
	return toAsciiWords(text).join('-');
}

/**
 * Makes a short, readable slug from a question's plain-text title by dropping filler words:
 * "What is the Global Interpreter Lock (GIL)?" -> "global-interpreter-lock-gil".
 */
export function slugifyQuestion(title: string): string {
	const words = toAsciiWords(title);
	const meaningful = words.filter((word) => !FILLER_WORDS.has(word));
	return (meaningful.length > 0 ? meaningful : words).slice(0, MAX_SLUG_WORDS).join('-');
}

/** True when a slug is lower-case ASCII words joined by single hyphens. */
export function isSlug(value: string): boolean {
	return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}
