import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

/** The longest a meta description gets before it is cut at a word. */
const MAX_DESCRIPTION = 160;

/**
 * A question page's meta description: the first sentence of its answer (an mdast tree), skipping
 * lines that are only a label ("In-depth Explanation:") and editor's notes, which are the site's
 * words, not the guide's. Cut at a word, with an ellipsis, when longer than 160.
 */
export function firstSentence(tree: Root): string {
	let text = '';
	visit(tree, (node) => {
		if (node.type === 'containerDirective') return SKIP;
		if (node.type !== 'paragraph') return;
		const candidate = toString(node).replace(/\s+/g, ' ').trim();
		if (!candidate || /^[^.!?]*:$/.test(candidate)) return;
		text = candidate;
		return false;
	});
	const sentence = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
	if (sentence.length <= MAX_DESCRIPTION) return sentence;
	return `${sentence.slice(0, MAX_DESCRIPTION - 1).replace(/\s+\S*$/, '')}…`;
}
