// The examples' editor's colours, worked out when the site is built (runtimes.ts hands them to the
// editor's bundle): each rule of editor-highlight.ts resolved in the site's two code themes to the
// classes Shiki's blocks carry, and the names Shiki's grammar colours by their text read from the
// grammar itself. Node only.
import { bundledLanguages } from 'shiki';
import { codeColorCss, keepCodeColors, loadThemes, scopeClasses } from '../markdown/shiki-classes.ts';
import { TAG_SCOPES, TEXT_RULES, type EditorColours, type EditorLanguage } from './editor-highlight.ts';

/** A grammar's patterns that have a name and a single `match`, wherever they are nested. */
function namedPatterns(node: unknown, found: Map<string, Set<string>> = new Map()): Map<string, Set<string>> {
	if (typeof node !== 'object' || node === null) return found;
	const { name, match } = node as { name?: unknown; match?: unknown };
	if (typeof name === 'string' && typeof match === 'string') found.set(name, (found.get(name) ?? new Set()).add(match));
	for (const value of Object.values(node)) namedPatterns(value, found);
	return found;
}

/**
 * The names a grammar's pattern for `scope` lists, as a regular expression's source: the pattern
 * must be one list of words, `(?<!\.)\b(print|len|…)\b`, or the build fails (a new grammar that
 * writes it otherwise needs a look, not a guess).
 */
export function grammarWords(grammar: unknown, scope: string): string {
	const matches = [...(namedPatterns(grammar).get(scope) ?? [])];
	const words = matches.length === 1 ? /^(?:\(\?<!\\\.\))?\\b\((.+)\)\\b$/s.exec(matches[0]!)?.[1] : undefined;
	if (!words || !/^[\w|()?]+$/.test(words)) {
		throw new Error(`Shiki's grammar has no single word list for ${scope} (found ${matches.length === 0 ? 'none' : matches.map((match) => JSON.stringify(match)).join(', ')})`);
	}
	return words;
}

/** The editor's classes for every rule of editor-highlight.ts, by language. */
export async function editorColours(): Promise<EditorColours> {
	const themes = await loadThemes();
	const colours = {} as EditorColours;
	for (const language of Object.keys(TAG_SCOPES) as EditorLanguage[]) {
		const grammar = (await bundledLanguages[language]()).default;
		colours[language] = {
			tags: TAG_SCOPES[language].map(([, scopes]) => scopeClasses(themes, scopes).join(' ')),
			texts: TEXT_RULES[language].map((rule) => ({
				words: rule.words ?? grammarWords(grammar, rule.scopes.at(-1)!),
				classes: scopeClasses(themes, rule.scopes).join(' '),
			})),
		};
	}
	return colours;
}

/**
 * The colour and font rules of every class the editor gives (codeColorCss()'s, in the same layer):
 * a page's stylesheet has only those of its own code blocks (src/middleware.ts), so the editor's
 * bundle brings them.
 */
export async function editorColourCss(colours: EditorColours): Promise<string> {
	const classes = Object.values(colours).flatMap(({ tags, texts }) => [...tags, ...texts.map((text) => text.classes)]);
	return keepCodeColors(codeColorCss(await loadThemes()), new Set(classes.flatMap((list) => list.split(' '))));
}
