import type { Root } from 'mdast';
import { readFileSync } from 'node:fs';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * Content is rendered without its frontmatter (Astro hands the loader's trimmed body to the
 * processor), so the tree's line numbers count from the body's first line. This moves them to the
 * file's own lines, so that every error the plugins after it report (file:line) points where an
 * editor looks. Offsets are left as they are: they index the body, which is what plugins slice.
 */
export function remarkFileLines() {
	return (tree: Root, file: VFile) => {
		if (!file.path) return;
		let text: string;
		try {
			text = readFileSync(file.path, 'utf8');
		} catch {
			return; // Markdown from no file on disk (tests' snippets): its lines are its own.
		}
		const body = String(file.value);
		// The body is the file's end, less trailing space: its last occurrence is the real one.
		const at = body ? text.lastIndexOf(body) : -1;
		if (at <= 0) return;
		const shift = text.slice(0, at).split('\n').length - 1;
		if (shift === 0) return;
		visit(tree, (node) => {
			if (!node.position) return;
			node.position.start.line += shift;
			node.position.end.line += shift;
		});
	};
}
