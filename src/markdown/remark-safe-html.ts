import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'mdast';
import { find, html } from 'property-information';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { siteConfig } from '../site.config.ts';

/** URL schemes a content link may not use. */
const UNSAFE_URL = /^\s*(javascript|vbscript|data):/i;

/** An image from another site (or scheme-relative): the CSP's img-src 'self' would block it on the page. */
const EXTERNAL_URL = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Every tag name the raw text opens or closes, parsed or not ("<details open ontoggle=…" included). */
const TAG_NAMES = /<\/?([a-z][a-z0-9-]*)/gi;

/**
 * Fails the build on raw HTML in content beyond the allow-list in site.config.ts, on HTML it cannot
 * parse into allowed elements (an unterminated tag would otherwise vanish from the page unnoticed),
 * on links to javascript:, vbscript: or data: URLs, and on images from other sites (the CSP blocks
 * them): Markdown passes raw HTML through to the page untouched.
 */
export function remarkSafeHtml(allowed = siteConfig.allowedHtml) {
	const tags = new Set<string>(allowed.tags);
	const attributes = new Set<string>(allowed.attributes);
	return (tree: Root, file: VFile) => {
		const fail = (line: number | undefined, message: string): never =>
			file.fail(`${file.path}:${line ?? 0}: ${message}`);
		const imageDefinitions = new Set<string>();
		visit(tree, 'imageReference', (node) => {
			imageDefinitions.add(node.identifier);
		});
		const notAllowed = (tag: string) =>
			`raw HTML <${tag}> is not allowed in content (allowed: ${[...tags].join(', ')}; see allowedHtml in src/site.config.ts)`;
		visit(tree, (node) => {
			const line = node.position?.start.line;
			if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
				if (UNSAFE_URL.test(node.url)) fail(line, `a link to "${node.url}" is not allowed in content`);
			}
			if ((node.type === 'image' || (node.type === 'definition' && imageDefinitions.has(node.identifier))) && EXTERNAL_URL.test(node.url)) {
				fail(line, `the image "${node.url}" is on another site, which the site's Content-Security-Policy (img-src 'self') blocks: save it under public/ and link it from there`);
			}
			if (node.type !== 'html') return;
			for (const [, tag] of node.value.matchAll(TAG_NAMES)) {
				if (!tags.has(tag!.toLowerCase())) fail(line, notAllowed(tag!.toLowerCase()));
			}
			const parsed = fromHtml(node.value, {
				fragment: true,
				onerror: (error) => fail(line, `the raw HTML "${node.value.trim().replace(/\s*\n\s*/g, ' ')}" cannot be parsed (${error.ruleId}): close the tag, or write it as \`code\``),
			});
			visit(parsed, 'element', (element) => {
				if (!tags.has(element.tagName)) fail(line, notAllowed(element.tagName));
				for (const property of Object.keys(element.properties)) {
					const name = find(html, property).attribute;
					if (!attributes.has(name)) fail(line, `the attribute "${name}" on <${element.tagName}> is not allowed in content`);
				}
			});
		});
	};
}
