import { createHash } from 'node:crypto';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

/** Attributes that name other elements by id (hast property names), and so must follow a renamed id. */
const ID_REFERENCES: readonly string[] = ['ariaLabelledBy', 'ariaDescribedBy', 'ariaControls', 'htmlFor'];

/**
 * Prefixes every id in an HTML fragment, and every same-page link (href) and ARIA or label reference
 * to one, so that several answers can share a page (the study and print pages) without two elements
 * of the same id: `#example` becomes `#<prefix>-example`.
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
	const rename = (id: string) => (ids.has(id) ? `${prefix}-${id}` : id);
	visit(tree, 'element', (element) => {
		const href = element.properties['href'];
		if (typeof href === 'string' && href.startsWith('#') && ids.has(href.slice(1))) {
			element.properties['href'] = `#${prefix}-${href.slice(1)}`;
		}
		for (const name of ID_REFERENCES) {
			const value = element.properties[name];
			if (Array.isArray(value)) element.properties[name] = value.map((id) => rename(String(id)));
			else if (typeof value === 'string') element.properties[name] = rename(value);
		}
	});
	return toHtml(tree);
}

const prefixedAnswers = new Map<string, string>();

/**
 * prefixFragmentIds, remembered by prefix and a hash of the HTML: a build shows each answer with the
 * same prefix, its slug, three times (on its section's study page, the whole guide's, and the page
 * to print), and parsing it is most of what those pages cost.
 */
export function prefixFragmentIdsCached(html: string, prefix: string): string {
	const key = `${prefix}\0${createHash('sha1').update(html).digest('base64')}`;
	let prefixed = prefixedAnswers.get(key);
	if (prefixed === undefined) prefixedAnswers.set(key, (prefixed = prefixFragmentIds(html, prefix)));
	return prefixed;
}
