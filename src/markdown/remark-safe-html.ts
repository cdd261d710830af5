import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'mdast';
import { find, html } from 'property-information';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { siteConfig } from '../site.config.ts';

/** URL schemes a content link may not use. */
const UNSAFE_URL = /^\s*(javascript|vbscript|data):/i;

/**
 * Fails the build on raw HTML in content beyond the allow-list in site.config.ts, and on links to
 * javascript:, vbscript: or data: URLs: Markdown passes raw HTML through to the page untouched.
 */
export function remarkSafeHtml(allowed = siteConfig.allowedHtml) {
	const tags = new Set<string>(allowed.tags);
	const attributes = new Set<string>(allowed.attributes);
	return (tree: Root, file: VFile) => {
		const fail = (line: number | undefined, message: string): never =>
			file.fail(`${file.path}:${line ?? 0}: ${message}`);
		visit(tree, (node) => {
			const line = node.position?.start.line;
			if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
				if (UNSAFE_URL.test(node.url)) fail(line, `a link to "${node.url}" is not allowed in content`);
			}
			if (node.type !== 'html') return;
			visit(fromHtml(node.value, { fragment: true }), 'element', (element) => {
				if (!tags.has(element.tagName)) {
					fail(line, `raw HTML <${element.tagName}> is not allowed in content (allowed: ${[...tags].join(', ')}; see allowedHtml in src/site.config.ts)`);
				}
				for (const property of Object.keys(element.properties)) {
					const name = find(html, property).attribute;
					if (!attributes.has(name)) fail(line, `the attribute "${name}" on <${element.tagName}> is not allowed in content`);
				}
			});
		});
	};
}
