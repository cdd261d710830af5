// The examples' editor colours code with the classes Shiki gives a highlighted block
// (src/examples/editor-highlight.ts, resolved by editor-colours.ts): measured here on every Python
// and SQL example of the guide, token by token, in both themes, against Shiki itself.
import { highlightTree } from '@lezer/highlight';
import { codeToTokensWithThemes } from 'shiki';
import { describe, expect, test } from 'vitest';
import { collectExamples } from '../../src/examples/collect.ts';
import { editorColours, grammarWords } from '../../src/examples/editor-colours.ts';
import { EDITOR_LANGUAGES, highlighterFor, textClassesFor, textRanges, type EditorLanguage } from '../../src/examples/editor-highlight.ts';
import { loadThemes, scopeClasses, shikiThemes } from '../../src/markdown/shiki-classes.ts';
import { contentDir } from '../helpers/content.ts';

const colours = await editorColours();
const THEMES = [
	['light', 'sl-'],
	['dark', 'sd-'],
] as const;

/** Each character's colour in the editor, for one theme: what its classes name, else the theme's plain text. */
function editorColoursOf(code: string, language: EditorLanguage, prefix: string, plain: string): string[] {
	const classes: string[] = Array.from({ length: code.length }, () => '');
	const tree = EDITOR_LANGUAGES[language].parser.parse(code);
	highlightTree(tree, highlighterFor(colours, language), (from, to, names) => classes.fill(names, from, to));
	for (const [from, to, names] of textRanges(tree, (a, b) => code.slice(a, b), textClassesFor(colours, language))) classes.fill(names, from, to);
	return classes.map((names) => names.split(' ').find((name) => name.startsWith(prefix))?.replace(prefix, '#') ?? plain);
}

/** Each character's colour in a Shiki block, in each theme (a newline is no character of a token). */
async function shikiColoursOf(code: string, language: EditorLanguage): Promise<Record<'light' | 'dark', string[]>> {
	const lines = await codeToTokensWithThemes(code, { lang: language, themes: shikiThemes });
	const colours = { light: [] as string[], dark: [] as string[] };
	for (const key of ['light', 'dark'] as const) {
		for (const line of lines) {
			for (const token of line) colours[key].push(...Array.from({ length: token.content.length }, () => token.variants[key]!.color!.toLowerCase()));
			colours[key].push('\n');
		}
	}
	return colours;
}

/** Each theme's plain text colour, which a token no rule colours has (in the editor, .astro-code's). */
const [lightPlain, darkPlain] = scopeClasses(await loadThemes(), ['source']).map((name) => `#${name.slice(3)}`);
const plainText = { light: lightPlain!, dark: darkPlain! };

describe('the editor’s colours', () => {
	test('are Shiki’s for at least 98% of the characters of the guide’s Python and SQL examples, in both themes', async () => {
		const examples = collectExamples(contentDir);
		let compared = 0;
		let same = 0;
		const differ = new Map<string, number>();
		for (const example of examples) {
			const language = example.verdict.runtime;
			const shikiColours = await shikiColoursOf(example.code, language);
			for (const [key, prefix] of THEMES) {
				const editor = editorColoursOf(example.code, language, prefix, plainText[key]);
				const shiki = shikiColours[key];
				for (let index = 0; index < example.code.length; index++) {
					if (/\s/.test(example.code[index]!)) continue;
					compared++;
					if (editor[index] === shiki[index]) {
						same++;
						continue;
					}
					// Counted once a token, by its text.
					if (index > 0 && /\w/.test(example.code[index - 1]!) && /\w/.test(example.code[index]!)) continue;
					const token = `${language} ${/\w+|\S/.exec(example.code.slice(index))![0]}`;
					differ.set(token, (differ.get(token) ?? 0) + 1);
				}
			}
		}
		expect(examples.length).toBeGreaterThan(50);
		expect(same / compared, `differ most: ${[...differ].sort((a, b) => b[1] - a[1]).slice(0, 10).join('; ')}`).toBeGreaterThanOrEqual(0.98);
	});

	test.each([
		['python', 'def', 'def area(r):\n    return 3.14 * r'],
		['python', 'area', 'def area(r):\n    return 3.14 * r'],
		['python', '3.14', 'def area(r):\n    return 3.14 * r'],
		['python', '"x"', 'print("x")  # note'],
		['python', '# note', 'print("x")  # note'],
		['python', 'print', 'print("x")  # note'],
		['python', 'ValueError', 'raise ValueError("no")'],
		['python', 'Point', 'class Point:\n    pass'],
		['python', '@', '@dataclass\nclass Point:\n    pass'],
		['python', 'self', 'class A:\n    def f(self):\n        return self.x'],
		['python', 'f', 'print(f"{x}")'],
		['python', 'end', 'print(x, end="")'],
		['sql', 'SELECT', "SELECT name FROM customers WHERE id = 1; -- one"],
		['sql', "'a'", "SELECT 'a', 25, NULL;"],
		['sql', '25', "SELECT 'a', 25, NULL;"],
		['sql', 'NULL', "SELECT 'a', 25, NULL;"],
		['sql', '-- one', 'SELECT 1; -- one'],
	] as const)('give %s’s `%s` the colour of Shiki’s block, in both themes', async (language, token, code) => {
		const at = code.lastIndexOf(token);
		const shikiColours = await shikiColoursOf(code, language);
		for (const [key, prefix] of THEMES) {
			const shiki = shikiColours[key].slice(at, at + token.length);
			expect(editorColoursOf(code, language, prefix, plainText[key]).slice(at, at + token.length), key).toEqual(shiki);
		}
	});
});

describe('grammarWords', () => {
	test('reads a grammar’s list of names for a scope', () => {
		const grammar = { repository: { builtin: { patterns: [{ name: 'support.function.builtin.python', match: '(?<!\\.)\\b(len|print)\\b' }] } } };
		expect(grammarWords(grammar, 'support.function.builtin.python')).toBe('len|print');
	});

	test('fails, naming the scope, when the grammar has no plain list of words for it', () => {
		expect(() => grammarWords({}, 'support.type.python')).toThrow('no single word list for support.type.python (found none)');
		expect(() => grammarWords({ a: { name: 'x.y', match: '(?x) complex [pattern]' } }, 'x.y')).toThrow('no single word list for x.y');
	});
});
