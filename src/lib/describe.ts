import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** The longest a meta description gets before it is cut at a word. */
const MAX_DESCRIPTION = 160;

/**
 * A question page's meta description: the first sentence of its answer, skipping lines that are
 * only a label ("In-depth Explanation:"). Cut at a word, with an ellipsis, when longer than 160.
 */
export function firstSentence(markdown: string): string {
	const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
	let text = '';
	visit(tree, 'paragraph', (paragraph) => {
		const candidate = toString(paragraph).replace(/\s+/g, ' ').trim();
		if (!candidate || /^[^.!?]*:$/.test(candidate)) return;
		text = candidate;
		return false;
	});
	const sentence = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
	if (sentence.length <= MAX_DESCRIPTION) return sentence;
	return `${sentence.slice(0, MAX_DESCRIPTION - 1).replace(/\s+\S*$/, '')}…`;
}
