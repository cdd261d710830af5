// Finds text that runs into an inline element with no space: "Start from<a>the home page</a>" reads
// "Start fromthe home page". Pure over a parsed page, so the rule is unit-tested on its own.
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** The inline elements whose edges must keep their spaces: links, code and key caps. */
const INLINE = new Set(['a', 'code', 'kbd']);
/** Where text is not prose. */
const SKIP = new Set(['pre', 'script', 'style', 'template', 'svg']);

/** A word, or a separator such as "·" that needs a space on both sides. */
const WORD_END = /[\p{L}\p{N}·|]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;
/** The end of a sentence or clause, which a word may not follow without a space: "page.About". */
const SENTENCE_END = /[.,;:!?]$/u;
/** A plural or possessive right after code is English, not a missing space: "`list`s", "`dict`'s". */
const SUFFIX = /^(s|es|'s|’s)\b/u;

const textOf = (node: ElementContent | undefined) => (node?.type === 'text' ? node.value : undefined);

/** Each place in `tree` where a word touches a link, code or key cap: "…as|/q/7/" with some context. */
export function findMissingSpaces(tree: Root): string[] {
	const found: string[] = [];
	visit(tree, 'element', (node: Element) => {
		if (SKIP.has(node.tagName)) return 'skip';
		node.children.forEach((child, i) => {
			if (child.type !== 'element' || !INLINE.has(child.tagName)) return;
			const inside = toString(child).replace(/\s+/g, ' ');
			if (inside.trim() === '') return;
			const before = textOf(node.children[i - 1]);
			const after = textOf(node.children[i + 1]);
			const wordAfterStop = before !== undefined && SENTENCE_END.test(before) && WORD_START.test(inside);
			if (before !== undefined && (WORD_END.test(before) || wordAfterStop) && !/^\s/.test(inside)) {
				// The text before, with what precedes it when it is short ("page" + ".")
				const context = node.children.slice(Math.max(0, i - 2), i).map((n) => toString(n)).join('');
				found.push(`"${context.split(/\s+/).slice(-2).join(' ')}${inside.slice(0, 20)}"`);
			}
			if (after !== undefined && WORD_START.test(after) && !/\s$/.test(inside) && !(child.tagName === 'code' && SUFFIX.test(after))) {
				found.push(`"${inside.slice(-20)}${after.split(/\s+/).slice(0, 2).join(' ')}"`);
			}
		});
		return undefined;
	});
	return found;
}
