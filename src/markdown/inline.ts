import type { PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from './index.ts';

/** Text as HTML that shows it as it is. */
export const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function phrasingOf(markdown: string): PhrasingContent[] {
	const [block] = parseMarkdown(markdown, 'commonmark').children;
	return block?.type === 'paragraph' ? block.children : [];
}

function renderNode(node: PhrasingContent): string {
	switch (node.type) {
		case 'text':
			return escapeHtml(node.value);
		case 'inlineCode':
			return `<code>${escapeHtml(node.value)}</code>`;
		case 'emphasis':
			return `<em>${node.children.map(renderNode).join('')}</em>`;
		case 'strong':
			return `<strong>${node.children.map(renderNode).join('')}</strong>`;
		case 'html':
			return ''; // a title's tags are not rendered; their text nodes still are
		default:
			// Titles carry no links, images or HTML: show such text as plain text.
			return escapeHtml(toString(node, { includeHtml: false }));
	}
}

/**
 * `convert` remembering its answers: a title is shown on its own page, its neighbours', its section's,
 * the study and print pages and in the exports, so a build asks for each one a dozen times or more.
 */
function remembered(convert: (markdown: string) => string): (markdown: string) => string {
	const answers = new Map<string, string>();
	return (markdown) => {
		let answer = answers.get(markdown);
		if (answer === undefined) answers.set(markdown, (answer = convert(markdown)));
		return answer;
	};
}

/** Renders a one-line Markdown title (code, emphasis, strong) to safe HTML. */
export const renderInline = remembered((markdown) => phrasingOf(markdown).map(renderNode).join(''));

/** The plain text of a one-line Markdown title, for `<title>` and search metadata. */
export const toPlainText = remembered((markdown) => toString(parseMarkdown(markdown, 'commonmark'), { includeHtml: false }));
