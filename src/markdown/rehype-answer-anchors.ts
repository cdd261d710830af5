import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** A link to `#id`, its "#" shown only on hover or focus, with a name for screen readers. */
function anchorLink(id: string, label: string): Element {
	return {
		type: 'element',
		tagName: 'a',
		properties: { className: ['anchor'], href: `#${id}`, dataPagefindIgnore: '' },
		children: [
			{ type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
			{ type: 'element', tagName: 'span', properties: { className: ['sr-only'] }, children: [{ type: 'text', value: `Link to “${label}”` }] },
		],
	};
}

const isElement = (node: ElementContent | undefined): node is Element => node?.type === 'element';
const meaningful = (children: ElementContent[]) =>
	children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));

/** The element whose children hold a list item's first line: the item itself, or its first paragraph. */
function firstLineOf(item: Element): Element {
	const first = meaningful(item.children)[0];
	return isElement(first) && first.tagName === 'p' ? first : item;
}

// sg-example: a runnable example, its code and recorded output (remark-runnable-examples.ts).
const BLOCK_TAGS = new Set(['ul', 'ol', 'pre', 'p', 'div', 'table', 'blockquote', 'sg-example']);

/**
 * Where a part's heading line ends: the index just past the text node holding the label's colon
 * ("**Example** (`argparse`):"), provided nothing but white space follows on that line. Items
 * that go on with text after the label ("**List**: A mutable…") are not parts and get undefined.
 */
function findLabelEnd(line: Element, label: Element): { index: number; colon: number } | undefined {
	const start = line.children.indexOf(label);
	for (let i = start + 1; i < line.children.length; i++) {
		const child = line.children[i]!;
		if (child.type !== 'text') continue;
		const colon = child.value.indexOf(':');
		if (colon < 0) continue;
		const after = [{ ...child, value: child.value.slice(colon + 1) }, ...line.children.slice(i + 1)];
		const stop = after.findIndex((node) => isElement(node) && BLOCK_TAGS.has(node.tagName));
		const rest = stop < 0 ? after : after.slice(0, stop);
		return rest.every((node) => node.type === 'text' && node.value.trim() === '') ? { index: i, colon } : undefined;
	}
	return undefined;
}

/** A linkable part of an answer: a heading, a labelled list item ("Example") or an editor's note. */
export interface AnswerPart {
	id: string;
	label: string;
}

/**
 * Makes the parts of an answer linkable: headings, and the top-level list items whose first line
 * is only a bold label and a colon ("In-depth Explanation:", "Example:"), get an id and an anchor link.
 */
export function rehypeAnswerAnchors() {
	return (tree: Root, file: { data: Record<string, unknown> }) => {
		const slugger = new GithubSlugger();
		const parts: AnswerPart[] = [];
		// Astro hands what plugins leave in data.astro.frontmatter to the page (remarkPluginFrontmatter):
		// the question page lists the parts as "On this page".
		const astro = (file.data['astro'] ??= {}) as { frontmatter?: Record<string, unknown> };
		(astro.frontmatter ??= {})['parts'] = parts;
		visit(tree, 'element', (node, index, parent) => {
			if (node.tagName === 'aside' && typeof node.properties.id === 'string' && String(node.properties.className).includes('editor-note')) {
				parts.push({ id: node.properties.id, label: 'Editor’s note' });
				return;
			}
			if (/^h[2-6]$/.test(node.tagName) && parent && index !== undefined) {
				const label = toString(node).trim();
				const id = typeof node.properties.id === 'string' ? node.properties.id : slugger.slug(label);
				node.properties.id = id;
				parts.push({ id, label });
				// The link sits beside the heading, not inside it, so the heading's name stays its text.
				parent.children[index] = {
					type: 'element',
					tagName: 'div',
					properties: { className: ['heading-anchor'] },
					children: [node, anchorLink(id, label)],
				};
				return 'skip';
			}
			if (node.tagName !== 'ul' && node.tagName !== 'ol') return;
			if (parent?.type !== 'root') return 'skip';
			for (const item of node.children) {
				if (!isElement(item) || item.tagName !== 'li') continue;
				const line = firstLineOf(item);
				const label = meaningful(line.children)[0];
				if (!isElement(label) || label.tagName !== 'strong') continue;
				const end = findLabelEnd(line, label);
				if (!end) continue;
				const text = toString(label).trim();
				const id = slugger.slug(text);
				item.properties.id = id;
				parts.push({ id, label: text });
				const split = line.children[end.index] as Text;
				line.children.splice(
					end.index,
					1,
					{ type: 'text', value: split.value.slice(0, end.colon + 1) },
					anchorLink(id, text),
					{ type: 'text', value: split.value.slice(end.colon + 1) },
				);
			}
			return 'skip';
		});
	};
}
