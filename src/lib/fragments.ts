import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

/**
 * Prefixes every id in an HTML fragment, and every same-page link (href) to one, so that several answers
 * can share a page (the study pages) without two elements of the same id: `#example` becomes
 * `#<prefix>-example`.
 */
export function prefixFragmentIds(html: string, prefix: string): string {
	const tree = fromHtml(html, { fragment: true });
	const ids = new Set<string>();
	visit(tree, 'element', (element) => {
		const id = element.properties['id'];
		if (typeof id === 'string') {
			ids.add(id);
			element.properties['id'] = `${prefix}-${id}`;
		}
	});
	visit(tree, 'element', (element) => {
		const href = element.properties['href'];
		if (typeof href === 'string' && href.startsWith('#') && ids.has(href.slice(1))) {
			element.properties['href'] = `#${prefix}-${href.slice(1)}`;
		}
	});
	return toHtml(tree);
}
