// How the examples' editor colours code: with the classes Shiki puts on a highlighted block
// (`sl-cf222e sd-ff7b72`, src/markdown/shiki-classes.ts), so that the page's one stylesheet colours
// both alike, in either theme. CodeMirror's parsers (lezer) tag tokens in their own vocabulary; each
// tag here names the TextMate scopes Shiki's grammar gives such a token, and the build resolves
// them in the site's two themes (editor-colours.ts). Where the grammar colours a name by its text
// (print, ValueError, self) and the parser sees only a name, the name is matched by its text too.
// Shared by the editor (editor.ts, in the browser), the build and the tests, which measure how
// often the two highlighters agree on the guide's own examples.
import { pythonLanguage } from '@codemirror/lang-python';
import { PostgreSQL } from '@codemirror/lang-sql';
import type { SyntaxNodeRef, Tree } from '@lezer/common';
import { styleTags, tagHighlighter, tags as t, type Highlighter, type Tag } from '@lezer/highlight';

export type EditorLanguage = 'python' | 'sql';

/**
 * The parsers the editor uses. Python's also tags what its grammar leaves as plain names and
 * brackets but Shiki colours: a decorator's name, and the braces of an f-string's replacement field.
 */
export const EDITOR_LANGUAGES = {
	python: pythonLanguage.configure({
		props: [styleTags({ 'Decorator/VariableName Decorator/"."': t.meta, 'FormatReplacement/"{" FormatReplacement/"}"': t.special(t.brace) })],
	}),
	sql: PostgreSQL.language,
};

const python = (...scopes: string[]) => ['source.python', ...scopes];
const sql = (...scopes: string[]) => ['source.sql', ...scopes];

/**
 * Each tag the editor colours and the scopes Shiki's grammar gives such a token, outermost first.
 * A tag without a rule takes its parent tag's, and a token none matches is the theme's plain text.
 */
export const TAG_SCOPES: Record<EditorLanguage, [tag: Tag | Tag[], scopes: string[]][]> = {
	python: [
		[t.keyword, python('keyword.control.flow.python')],
		[t.definitionKeyword, python('meta.function.python', 'storage.type.function.python')],
		[t.moduleKeyword, python('keyword.control.import.python')],
		[t.operatorKeyword, python('keyword.operator.logical.python')],
		[t.modifier, python('meta.function.python', 'storage.type.function.async.python')],
		[t.operator, python('keyword.operator.arithmetic.python')],
		[t.compareOperator, python('keyword.operator.comparison.python')],
		[t.definitionOperator, python('keyword.operator.assignment.python')],
		[t.derefOperator, python('meta.member.access.python', 'punctuation.separator.period.python')],
		[[t.bool, t.null], python('constant.language.python')],
		[t.number, python('constant.numeric.dec.python')],
		[t.string, python('string.quoted.single.python')],
		[t.special(t.string), python('meta.fstring.python', 'string.interpolated.python', 'string.quoted.single.python')],
		[t.special(t.brace), python('meta.fstring.python', 'constant.character.format.placeholder.other.python')],
		[t.escape, python('string.quoted.single.python', 'constant.character.escape.python')],
		[t.comment, python('comment.line.number-sign.python')],
		[t.function(t.definition(t.variableName)), python('meta.function.python', 'entity.name.function.python')],
		[t.definition(t.className), python('meta.class.python', 'entity.name.type.class.python')],
		[t.function(t.variableName), python('meta.function-call.python', 'meta.function-call.generic.python')],
		[t.propertyName, python('meta.member.access.python', 'meta.attribute.python')],
		[t.function(t.propertyName), python('meta.member.access.python', 'meta.function-call.python', 'meta.function-call.generic.python')],
		[t.meta, python('meta.function.decorator.python', 'entity.name.function.decorator.python')],
	],
	sql: [
		[t.keyword, sql('keyword.other.DML.sql')],
		[t.typeName, sql('storage.type.sql')],
		// The grammar reads NULL (and NOT NULL) as a keyword.
		[t.null, sql('keyword.other.DDL.create.II.sql')],
		[t.number, sql('constant.numeric.sql')],
		[t.string, sql('string.quoted.single.sql')],
		[t.special(t.string), sql('string.quoted.double.sql')],
		[t.comment, sql('comment.line.double-dash.sql')],
		[t.operator, sql('keyword.operator.comparison.sql')],
	],
};

/**
 * Tokens coloured by their text or place, which the parser leaves plain: a name Shiki's grammar
 * lists (print, ValueError), a call's keyword argument, a string's prefix (the f of f"…").
 */
export interface TextRule {
	scopes: string[];
	/**
	 * The text, as a regular expression's source; left out, the build takes the words of the pattern
	 * Shiki's grammar gives the innermost scope (`(?<!\.)\b(print|len|…)\b`).
	 */
	words?: string;
	/** The parser's nodes the rule looks at. A parameter's name is never coloured (nor is it by Shiki). */
	nodes: string[];
	/** Only in this parent node, and only just before this sibling. */
	parent?: string;
	next?: string;
	/** Only the start of the node's text that the words match (a string's prefix), not all of it. */
	start?: boolean;
}

export const TEXT_RULES: Record<EditorLanguage, TextRule[]> = {
	python: [
		{ scopes: python('meta.function-call.arguments.python', 'variable.parameter.function-call.python'), words: '\\w+', nodes: ['VariableName'], parent: 'ArgList', next: 'AssignOp' },
		{ scopes: python('support.function.builtin.python'), nodes: ['VariableName'] },
		{ scopes: python('support.type.python'), nodes: ['VariableName'] },
		{ scopes: python('support.type.exception.python'), nodes: ['VariableName'] },
		{ scopes: python('variable.language.special.self.python'), words: 'self|cls', nodes: ['VariableName'] },
		{ scopes: python('support.function.magic.python'), words: '__\\w+__', nodes: ['VariableName', 'PropertyName'] },
		{ scopes: python('string.quoted.single.python', 'storage.type.string.python'), words: '[rRbBfFuU]{1,2}(?=[\'"])', nodes: ['String', 'FormatString'], start: true },
	],
	sql: [
		// `c.name`: the grammar calls the two parts a database and a table.
		{ scopes: sql('constant.other.table-name.sql'), words: '\\w+', nodes: ['Identifier'], parent: 'CompositeIdentifier' },
	],
};

/** What the build works out for the editor, by language: the classes of each tag rule, and of each text rule with its words. */
export type EditorColours = Record<EditorLanguage, { tags: string[]; texts: { words: string; classes: string }[] }>;

/** The highlighter that gives a language's tokens the classes the build resolved. */
export function highlighterFor(colours: EditorColours, language: EditorLanguage): Highlighter {
	return tagHighlighter(TAG_SCOPES[language].map(([tag], index) => ({ tag, class: colours[language].tags[index]! })));
}

/** A language's text rules, ready to match: the nodes they look at, and the classes of a node's text or of its start. */
export interface TextClasses {
	nodes: ReadonlySet<string>;
	/** The classes of the node's text, or of its first `length` characters; undefined where Shiki leaves it plain. */
	classesOf(node: SyntaxNodeRef, text: string): { classes: string; length: number } | undefined;
}

/** The text rules of a language, ready to match. */
export function textClassesFor(colours: EditorColours, language: EditorLanguage): TextClasses {
	const rules = TEXT_RULES[language].map((rule, index) => ({
		...rule,
		pattern: new RegExp(`^(?:${colours[language].texts[index]!.words})${rule.start ? '' : '$'}`),
		classes: colours[language].texts[index]!.classes,
	}));
	return {
		nodes: new Set(rules.flatMap((rule) => rule.nodes)),
		classesOf(node, text) {
			const parent = node.node.parent?.name;
			if (parent === 'ParamList') return undefined;
			for (const rule of rules) {
				if (!rule.nodes.includes(node.name) || (rule.parent && rule.parent !== parent) || (rule.next && node.node.nextSibling?.name !== rule.next)) continue;
				const match = rule.pattern.exec(text);
				if (match) return { classes: rule.classes, length: match[0].length };
			}
			return undefined;
		},
	};
}

/** The tokens in [from, to) of a parsed text that a text rule colours: [from, to, classes], in order. */
export function textRanges(tree: Tree, text: (from: number, to: number) => string, rules: TextClasses, from = 0, to = tree.length): [number, number, string][] {
	const ranges: [number, number, string][] = [];
	if (rules.nodes.size === 0) return ranges;
	tree.iterate({
		from,
		to,
		enter(node) {
			if (!rules.nodes.has(node.name)) return;
			const found = rules.classesOf(node, text(node.from, node.to));
			if (found) ranges.push([node.from, node.from + found.length, found.classes]);
		},
	});
	return ranges;
}
