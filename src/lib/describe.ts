import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../markdown/index.ts';
import { visit } from 'unist-util-visit';

/** The longest a meta description gets before it is cut at a word. */
const MAX_DESCRIPTION = 160;

/**
 * A question page's meta description: the first sentence of its answer, skipping lines that are
 * only a label ("In-depth Explanation:"). Cut at a word, with an ellipsis, when longer than 160.
 */
export function firstSentence(markdown: string): string {
	const tree = parseMarkdown(markdown, 'gfm');
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
