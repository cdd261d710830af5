import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { joinBase } from '../lib/links.ts';

/** A link written from the site's root (`/section/slug/#editors-note-1`), not `//host/…` or a URL. */
export const isSiteLink = (url: string) => url.startsWith('/') && !url.startsWith('//');

/**
 * Content links to another page of the site from its root, as if the site were served at `/`
 * (`[question 7's note](/python-fundamentals/global-interpreter-lock-gil/#editors-note-1)`), so
 * the content does not depend on where it is deployed. This puts the site's base in front: the
 * base path (`/guide/`) for the site's own pages, or the site's full address for a copy read
 * elsewhere (the Anki deck).
 */
export function remarkSiteLinks({ base }: { base: string }) {
	return (tree: Root) => {
		visit(tree, (node) => {
			if ((node.type === 'link' || node.type === 'definition') && isSiteLink(node.url)) node.url = joinBase(base, node.url);
		});
	};
}
